/**
 * The market of a recipient, the way Meta bills it: the longest match of calling code (plus
 * network prefix where a code is shared, as for +1) against the members table; anything unlisted
 * is Other.
 */
import { type MarketId, marketIds } from './market-ids'
import { marketMembers } from './market-members'

export interface MarketMatch {
  market: MarketId
  /** The country the prefix names; null when the number matched nothing and fell to Other. */
  country: string | null
}

const prefixIndex: ReadonlyMap<string, MarketMatch> = (() => {
  const index = new Map<string, MarketMatch>()
  for (const market of marketIds) {
    for (const member of marketMembers[market]) {
      const prefixes = member.prefixes ?? ['']
      for (const prefix of prefixes) {
        const key = member.callingCode + prefix
        // The first member listed for a key wins: for a bare +1 that is the United States.
        if (!index.has(key)) index.set(key, { market, country: member.country })
      }
    }
  }
  return index
})()

const longestPrefix = Math.max(...[...prefixIndex.keys()].map((key) => key.length))

const countryIndex: ReadonlyMap<string, MarketId> = (() => {
  const index = new Map<string, MarketId>()
  for (const market of marketIds) {
    for (const member of marketMembers[market]) index.set(member.country, market)
  }
  return index
})()

/**
 * The digits of a phone number written as E.164 (`+62 812-3456-7890`) or as WhatsApp's `wa_id`
 * (`6281234567890`). Spaces, dashes, dots and brackets are allowed; anything else is not a phone
 * number and gives null.
 */
export function phoneDigits(phone: string): string | null {
  const trimmed = phone.trim()
  if (!/^\+?[\d\s\-.()]+$/.test(trimmed)) return null
  const digits = trimmed.replace(/\D/g, '')
  return digits.length > 0 ? digits : null
}

/** Market and country named by the longest matching prefix; null when `phone` has no digits. */
export function marketMatchOfNumber(phone: string): MarketMatch | null {
  const digits = phoneDigits(phone)
  if (digits === null) return null
  for (let length = Math.min(longestPrefix, digits.length); length > 0; length -= 1) {
    const match = prefixIndex.get(digits.slice(0, length))
    if (match) return match
  }
  return { market: 'other', country: null }
}

export function marketOfNumber(phone: string): MarketId | null {
  return marketMatchOfNumber(phone)?.market ?? null
}

/** The market of an ISO 3166-1 alpha-2 country (any case); Other when Meta lists it nowhere. */
export function marketOfCountry(country: string): MarketId {
  return countryIndex.get(country.trim().toUpperCase()) ?? 'other'
}
