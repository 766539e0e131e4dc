/**
 * What Meta charges per delivered message (per conversation before July 2025), by market and
 * category, in micro-USD: 0.0411 USD is 41_100. Dated data: a card is in force from its date
 * until the next one's; Meta changes rates only on the first day of a quarter.
 *
 * The shipped numbers are domain.md's table (Meta's cards as republished by partners and SDKs,
 * and one copy of Meta's CSV dated 2026-10-09). That table gives one number for utility and
 * authentication in each market, so both carry it; Meta's own cards sometimes differ, and the
 * owner can import the current CSV to replace a card. Markets the table does not cover (Germany,
 * the United Kingdom...) have no rates here: a charged message to them is priced as unknown.
 */
import { z } from 'zod'
import { type MarketId, marketIdSchema } from '../markets/market-ids'
import { type IsoDate, isoDateSchema } from './iso-date'

const usdMicros = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const marketRatesSchema = z
  .object({
    marketing: usdMicros,
    utility: usdMicros,
    authentication: usdMicros,
    /**
     * Absent: the market has no such rate and authentication bills at the authentication rate.
     * Null: the market has one and it is not known.
     */
    authenticationInternational: usdMicros.nullable().optional(),
    /**
     * A service conversation (before July 2025) or service message (from October 2026). Absent
     * from October 2026 means the utility rate, as Meta charges service.
     */
    service: usdMicros.optional(),
  })
  .strict()

export type MarketRates = z.infer<typeof marketRatesSchema>

export const rateCardSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    /** Where the numbers come from, to show beside them. */
    source: z.string().optional(),
    ratesUsdMicros: z.partialRecord(marketIdSchema, marketRatesSchema),
  })
  .strict()

export type RateCard = z.infer<typeof rateCardSchema>
export type RatesUsdMicros = RateCard['ratesUsdMicros']

function same(rate: number): Pick<MarketRates, 'utility' | 'authentication'> {
  return { utility: rate, authentication: rate }
}

const july2025: RatesUsdMicros = {
  indonesia: { marketing: 41_100, ...same(25_000), authenticationInternational: 136_000 },
  india: { marketing: 10_700, ...same(1_400), authenticationInternational: 28_000 },
  brazil: { marketing: 62_500, ...same(6_800) },
  mexico: { marketing: 43_600, ...same(8_500) },
  northAmerica: { marketing: 25_000, ...same(4_000) },
  // Malaysia's and Singapore's utility rates are the October 2026 card's; domain.md has no
  // earlier figure, so they stand for the whole period.
  malaysia: { marketing: 86_000, ...same(14_000) },
  singapore: { marketing: 73_200, ...same(16_000) },
  restOfAsiaPacific: { marketing: 73_200, ...same(11_300) },
  restOfLatinAmerica: { marketing: 74_000, ...same(11_300) },
  restOfAfrica: { marketing: 22_500, ...same(4_000) },
  restOfCentralEasternEurope: { marketing: 86_000, ...same(21_200) },
  restOfWesternEurope: { marketing: 59_200, ...same(17_100) },
  restOfMiddleEast: { marketing: 34_100, ...same(9_100) },
  other: { marketing: 60_400, ...same(7_700) },
}

function changed(
  base: RatesUsdMicros,
  changes: Partial<Record<MarketId, Partial<MarketRates>>>,
): RatesUsdMicros {
  const next: RatesUsdMicros = { ...base }
  for (const [market, change] of Object.entries(changes) as [MarketId, Partial<MarketRates>][]) {
    const current = next[market]
    if (current) next[market] = { ...current, ...change }
  }
  return next
}

const october2025 = changed(july2025, { mexico: { marketing: 30_500 } })

const january2026 = changed(october2025, {
  india: { marketing: 11_800 },
  northAmerica: same(3_400),
})

// India's authentication-international rate of 0.0280 ended in April 2026; its successor is
// not in domain.md, so it is unknown rather than silently the domestic rate.
const april2026 = changed(january2026, { india: { authenticationInternational: null } })

const october2026Marketing = changed(april2026, {
  restOfAsiaPacific: { marketing: 84_200 },
  restOfMiddleEast: { marketing: 39_200 },
  // One source only (the 2026-10-09 CSV copy); 0.0305 before.
  mexico: { marketing: 39_700 },
})

// From October 2026 service messages are charged at each market's utility rate.
const october2026: RatesUsdMicros = Object.fromEntries(
  Object.entries(october2026Marketing).map(([market, rates]) => [
    market,
    { ...rates, service: rates.utility },
  ]),
)

export const shippedRateCards: readonly RateCard[] = [
  {
    // Conversation-based pricing. domain.md gives this era's rates for Indonesia only (marketing
    // unchanged since); other markets are unknown for it.
    effectiveFrom: '2023-06-01',
    source: 'domain.md (conversation-based era, Indonesia)',
    ratesUsdMicros: {
      indonesia: { marketing: 41_100, utility: 20_000, authentication: 30_000, service: 19_000 },
    },
  },
  { effectiveFrom: '2025-07-01', source: 'domain.md', ratesUsdMicros: july2025 },
  { effectiveFrom: '2025-10-01', source: 'domain.md', ratesUsdMicros: october2025 },
  { effectiveFrom: '2026-01-01', source: 'domain.md', ratesUsdMicros: january2026 },
  { effectiveFrom: '2026-04-01', source: 'domain.md', ratesUsdMicros: april2026 },
  {
    effectiveFrom: '2026-10-01',
    source: "domain.md (Meta's CSV dated 2026-10-09)",
    ratesUsdMicros: october2026,
  },
]

/**
 * The card in force on `date`: the latest effective on or before it. On equal dates the later
 * card in the list wins, so the owner's cards appended after the shipped ones take precedence.
 */
export function rateCardOn(
  date: IsoDate,
  cards: readonly RateCard[] = shippedRateCards,
): RateCard | null {
  let inForce: RateCard | null = null
  for (const card of cards) {
    if (card.effectiveFrom <= date && (!inForce || card.effectiveFrom >= inForce.effectiveFrom)) {
      inForce = card
    }
  }
  return inForce
}
