/**
 * What the inbox shows about a customer's number: international format, country and flag. Uses
 * libphonenumber-js with its `min` metadata (about 80 KB), which is enough to tell countries
 * apart inside a shared calling code (Jamaica from the United States) and to format; exact
 * validation is not needed because WhatsApp already knows the number exists.
 */
import parsePhoneNumber from 'libphonenumber-js/min'
import { type MarketId } from './market-ids'
import { marketMatchOfNumber, phoneDigits } from './market-of-number'

export interface PhoneNumberFacts {
  /** `+` and digits. */
  e164: string
  /** For people: `+62 812-3456-7890`; the E.164 form when the number cannot be formatted. */
  international: string
  /** ISO 3166-1 alpha-2, or null when not even the calling code names one. */
  country: string | null
  /** The country's flag emoji, or null with the country. */
  flag: string | null
  market: MarketId
}

/** The flag emoji of an ISO 3166-1 alpha-2 country code (regional indicator pair). */
export function flagOf(country: string): string | null {
  const code = country.trim().toUpperCase()
  if (!/^[A-Z]{2}$/.test(code)) return null
  const regionalIndicatorA = 0x1f1e6
  return String.fromCodePoint(
    ...[...code].map((letter) => regionalIndicatorA + letter.charCodeAt(0) - 65),
  )
}

/** Null when `phone` is not a phone number at all (letters, empty). */
export function describePhoneNumber(phone: string): PhoneNumberFacts | null {
  const digits = phoneDigits(phone)
  const match = marketMatchOfNumber(phone)
  if (digits === null || match === null) return null
  const e164 = `+${digits}`
  const parsed = parsePhoneNumber(e164)
  // libphonenumber knows countries inside a shared code (JE within +44, CA within +1); the
  // prefix table is the fallback for numbers it cannot place, such as Meta's +1 555 test numbers.
  const country = parsed?.country ?? match.country
  return {
    e164,
    international: parsed?.formatInternational() ?? e164,
    country,
    flag: country === null ? null : flagOf(country),
    market: match.market,
  }
}
