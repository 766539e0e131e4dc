/**
 * Market and country of a customer from whatever identifies them. The phone number wins because
 * Meta bills by calling code; a customer known only by a business-scoped user id (a username
 * adopter) is placed by the country the webhook gives, or else by the id's own prefix.
 */
import { type MarketId } from './market-ids'
import { marketMatchOfNumber, marketOfCountry } from './market-of-number'
import { describePhoneNumber } from './phone-number'

export interface RecipientIds {
  /** E.164 or `wa_id`; empty for username-only customers. */
  phone?: string | null
  /** The country Meta sends in messages webhooks: ISO alpha-2, or a calling code. */
  country?: string | null
  /** Business-scoped user id, e.g. `US.13491208655302741918`. */
  userId?: string | null
}

export interface Recipient {
  market: MarketId
  /** ISO 3166-1 alpha-2; null when nothing names one. */
  country: string | null
  /** Which identifier decided; `unknown` prices as Other and the UI should say it is a guess. */
  basis: 'phone' | 'country' | 'userId' | 'unknown'
}

/** The ISO country at the start of a business-scoped user id (`US.1349...`, `US.ENT.1181...`). */
export function countryOfUserId(userId: string): string | null {
  const match = /^([A-Za-z]{2})\./.exec(userId.trim())
  return match?.[1] ? match[1].toUpperCase() : null
}

function fromCountry(country: string): { market: MarketId; country: string | null } | null {
  const text = country.trim()
  if (/^[A-Za-z]{2}$/.test(text)) {
    return { market: marketOfCountry(text), country: text.toUpperCase() }
  }
  // A calling code instead of a country: Meta's field is announced as "subject to change".
  if (/^\+?\d{1,4}$/.test(text)) {
    const match = marketMatchOfNumber(text)
    return match ? { market: match.market, country: match.country } : null
  }
  return null
}

export function recipientOf(ids: RecipientIds): Recipient {
  const phone = ids.phone ? describePhoneNumber(ids.phone) : null
  if (phone) return { market: phone.market, country: phone.country, basis: 'phone' }
  const given = ids.country ? fromCountry(ids.country) : null
  if (given) return { ...given, basis: 'country' }
  const fromId = ids.userId ? countryOfUserId(ids.userId) : null
  if (fromId) return { market: marketOfCountry(fromId), country: fromId, basis: 'userId' }
  return { market: 'other', country: null, basis: 'unknown' }
}
