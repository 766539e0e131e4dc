/**
 * The pricing markets of the WhatsApp Business Platform: a country with its own rates, or a
 * regional group that shares them. Ids are ours; `metaMarketNames` are the names Meta prints in
 * its rate cards (and what the CSV importer reads).
 */
import { z } from 'zod'

export const marketIds = [
  'indonesia',
  'india',
  'brazil',
  'mexico',
  'northAmerica',
  'malaysia',
  'singapore',
  'restOfAsiaPacific',
  'restOfLatinAmerica',
  'restOfAfrica',
  'restOfCentralEasternEurope',
  'restOfWesternEurope',
  'restOfMiddleEast',
  'other',
  // Markets Meta prices on their own that domain.md's table does not list. They are kept apart
  // (not folded into a regional group) because their real rates differ a lot from any group's:
  // the shipped cards have no rates for them, so a charged message to one is priced as unknown
  // until the owner imports Meta's current card.
  'argentina',
  'chile',
  'colombia',
  'egypt',
  'france',
  'germany',
  'israel',
  'italy',
  'netherlands',
  'nigeria',
  'pakistan',
  'peru',
  'russia',
  'saudiArabia',
  'southAfrica',
  'spain',
  'turkey',
  'unitedArabEmirates',
  'unitedKingdom',
] as const

export type MarketId = (typeof marketIds)[number]

export const marketIdSchema = z.enum(marketIds)

export function isMarketId(value: string): value is MarketId {
  return (marketIds as readonly string[]).includes(value)
}

export const metaMarketNames: Record<MarketId, string> = {
  indonesia: 'Indonesia',
  india: 'India',
  brazil: 'Brazil',
  mexico: 'Mexico',
  northAmerica: 'North America',
  malaysia: 'Malaysia',
  singapore: 'Singapore',
  restOfAsiaPacific: 'Rest of Asia Pacific',
  restOfLatinAmerica: 'Rest of Latin America',
  restOfAfrica: 'Rest of Africa',
  restOfCentralEasternEurope: 'Rest of Central & Eastern Europe',
  restOfWesternEurope: 'Rest of Western Europe',
  restOfMiddleEast: 'Rest of Middle East',
  other: 'Other',
  argentina: 'Argentina',
  chile: 'Chile',
  colombia: 'Colombia',
  egypt: 'Egypt',
  france: 'France',
  germany: 'Germany',
  israel: 'Israel',
  italy: 'Italy',
  netherlands: 'Netherlands',
  nigeria: 'Nigeria',
  pakistan: 'Pakistan',
  peru: 'Peru',
  russia: 'Russia',
  saudiArabia: 'Saudi Arabia',
  southAfrica: 'South Africa',
  spain: 'Spain',
  turkey: 'Turkey',
  unitedArabEmirates: 'United Arab Emirates',
  unitedKingdom: 'United Kingdom',
}
