/**
 * Which countries belong to which pricing market, as Meta's "Country calling codes" table maps
 * them (developers.facebook.com/docs/whatsapp/pricing, late 2025): a country by its calling code,
 * plus the network prefixes (area codes) where a calling code is shared. Meta's rule for anything
 * not listed is "Other".
 *
 * Choices where Meta's table is silent or disagrees with domain.md:
 * - Singapore is its own market here because domain.md gives it its own rates; Meta's older
 *   tables list it under Rest of Asia Pacific. Only the rates differ, so a card that omits
 *   Singapore prices it as unknown rather than wrongly.
 * - +1: Meta lists the United States and Canada under North America and carves out only the
 *   Dominican Republic (809, 829, 849), Jamaica (658, 876) and Puerto Rico (787, 939) for Rest of
 *   Latin America. The other Caribbean countries on +1 (Bahamas, Barbados, Trinidad and Tobago...)
 *   are in none of Meta's lists, so they fall to Other, and so do the US territories with their own
 *   country codes (US Virgin Islands, Guam, Northern Mariana Islands, American Samoa): Meta says it
 *   reads "country" from calling code and area code, and those are separate countries there. Not
 *   confirmed by Meta in either direction.
 * - +7: Meta lists Russia with the whole code; Kazakhstan shares it (+7 6xx, +7 7xx) and is in no
 *   list, so it is carved out to Other.
 * - Other shared codes (+44 with Jersey, Guernsey and the Isle of Man; +47 with Svalbard; +61 with
 *   Christmas Island; +358 with Åland; +212 with Western Sahara) go wholly to the main country's
 *   market, as Meta lists the code without prefixes.
 * - Reported for 1 Oct 2026 (not in domain.md, not modelled): Bangladesh, Iraq, Kazakhstan, Kuwait,
 *   Morocco, Nepal, Oman, Sri Lanka and Ukraine leave their groups for rates of their own. If that
 *   is confirmed, this table becomes dated like the rate cards.
 */
import { type MarketId } from './market-ids'

export interface MarketMember {
  /** ISO 3166-1 alpha-2. */
  country: string
  /** Country calling code, digits only. */
  callingCode: string
  /** Network prefixes (area codes) after the calling code, when the code is shared. */
  prefixes?: readonly string[]
}

const caribbeanNanpNotListedByMeta: readonly MarketMember[] = [
  { country: 'AG', callingCode: '1', prefixes: ['268'] },
  { country: 'AI', callingCode: '1', prefixes: ['264'] },
  { country: 'AS', callingCode: '1', prefixes: ['684'] },
  { country: 'BB', callingCode: '1', prefixes: ['246'] },
  { country: 'BM', callingCode: '1', prefixes: ['441'] },
  { country: 'BS', callingCode: '1', prefixes: ['242'] },
  { country: 'DM', callingCode: '1', prefixes: ['767'] },
  { country: 'GD', callingCode: '1', prefixes: ['473'] },
  { country: 'GU', callingCode: '1', prefixes: ['671'] },
  { country: 'KN', callingCode: '1', prefixes: ['869'] },
  { country: 'KY', callingCode: '1', prefixes: ['345'] },
  { country: 'LC', callingCode: '1', prefixes: ['758'] },
  { country: 'MP', callingCode: '1', prefixes: ['670'] },
  { country: 'MS', callingCode: '1', prefixes: ['664'] },
  { country: 'SX', callingCode: '1', prefixes: ['721'] },
  { country: 'TC', callingCode: '1', prefixes: ['649'] },
  { country: 'TT', callingCode: '1', prefixes: ['868'] },
  { country: 'VC', callingCode: '1', prefixes: ['784'] },
  { country: 'VG', callingCode: '1', prefixes: ['284'] },
  { country: 'VI', callingCode: '1', prefixes: ['340'] },
]

export const marketMembers: Record<MarketId, readonly MarketMember[]> = {
  indonesia: [{ country: 'ID', callingCode: '62' }],
  india: [{ country: 'IN', callingCode: '91' }],
  brazil: [{ country: 'BR', callingCode: '55' }],
  mexico: [{ country: 'MX', callingCode: '52' }],
  // The United States first: a +1 number whose area code is listed nowhere is read as American.
  northAmerica: [
    { country: 'US', callingCode: '1' },
    { country: 'CA', callingCode: '1' },
  ],
  malaysia: [{ country: 'MY', callingCode: '60' }],
  singapore: [{ country: 'SG', callingCode: '65' }],
  restOfAsiaPacific: [
    { country: 'AF', callingCode: '93' },
    { country: 'AU', callingCode: '61' },
    { country: 'BD', callingCode: '880' },
    { country: 'KH', callingCode: '855' },
    { country: 'CN', callingCode: '86' },
    { country: 'HK', callingCode: '852' },
    { country: 'JP', callingCode: '81' },
    { country: 'LA', callingCode: '856' },
    { country: 'MN', callingCode: '976' },
    { country: 'NP', callingCode: '977' },
    { country: 'NZ', callingCode: '64' },
    { country: 'PG', callingCode: '675' },
    { country: 'PH', callingCode: '63' },
    { country: 'LK', callingCode: '94' },
    { country: 'TW', callingCode: '886' },
    { country: 'TJ', callingCode: '992' },
    { country: 'TH', callingCode: '66' },
    { country: 'TM', callingCode: '993' },
    { country: 'UZ', callingCode: '998' },
    { country: 'VN', callingCode: '84' },
  ],
  restOfLatinAmerica: [
    { country: 'BO', callingCode: '591' },
    { country: 'CR', callingCode: '506' },
    { country: 'DO', callingCode: '1', prefixes: ['809', '829', '849'] },
    { country: 'EC', callingCode: '593' },
    { country: 'SV', callingCode: '503' },
    { country: 'GT', callingCode: '502' },
    { country: 'HT', callingCode: '509' },
    { country: 'HN', callingCode: '504' },
    { country: 'JM', callingCode: '1', prefixes: ['658', '876'] },
    { country: 'NI', callingCode: '505' },
    { country: 'PA', callingCode: '507' },
    { country: 'PY', callingCode: '595' },
    { country: 'PR', callingCode: '1', prefixes: ['787', '939'] },
    { country: 'UY', callingCode: '598' },
    { country: 'VE', callingCode: '58' },
  ],
  restOfAfrica: [
    { country: 'DZ', callingCode: '213' },
    { country: 'AO', callingCode: '244' },
    { country: 'BJ', callingCode: '229' },
    { country: 'BW', callingCode: '267' },
    { country: 'BF', callingCode: '226' },
    { country: 'BI', callingCode: '257' },
    { country: 'CM', callingCode: '237' },
    { country: 'TD', callingCode: '235' },
    { country: 'CG', callingCode: '242' },
    { country: 'ER', callingCode: '291' },
    { country: 'ET', callingCode: '251' },
    { country: 'GA', callingCode: '241' },
    { country: 'GM', callingCode: '220' },
    { country: 'GH', callingCode: '233' },
    { country: 'GW', callingCode: '245' },
    { country: 'CI', callingCode: '225' },
    { country: 'KE', callingCode: '254' },
    { country: 'LS', callingCode: '266' },
    { country: 'LR', callingCode: '231' },
    { country: 'LY', callingCode: '218' },
    { country: 'MG', callingCode: '261' },
    { country: 'MW', callingCode: '265' },
    { country: 'ML', callingCode: '223' },
    { country: 'MR', callingCode: '222' },
    { country: 'MA', callingCode: '212' },
    { country: 'MZ', callingCode: '258' },
    { country: 'NA', callingCode: '264' },
    { country: 'NE', callingCode: '227' },
    { country: 'RW', callingCode: '250' },
    { country: 'SN', callingCode: '221' },
    { country: 'SL', callingCode: '232' },
    { country: 'SO', callingCode: '252' },
    { country: 'SS', callingCode: '211' },
    { country: 'SD', callingCode: '249' },
    { country: 'SZ', callingCode: '268' },
    { country: 'TZ', callingCode: '255' },
    { country: 'TG', callingCode: '228' },
    { country: 'TN', callingCode: '216' },
    { country: 'UG', callingCode: '256' },
    { country: 'ZM', callingCode: '260' },
  ],
  restOfCentralEasternEurope: [
    { country: 'AL', callingCode: '355' },
    { country: 'AM', callingCode: '374' },
    { country: 'AZ', callingCode: '994' },
    { country: 'BY', callingCode: '375' },
    { country: 'BG', callingCode: '359' },
    { country: 'HR', callingCode: '385' },
    { country: 'CZ', callingCode: '420' },
    { country: 'GE', callingCode: '995' },
    { country: 'GR', callingCode: '30' },
    { country: 'HU', callingCode: '36' },
    { country: 'LV', callingCode: '371' },
    { country: 'LT', callingCode: '370' },
    { country: 'MD', callingCode: '373' },
    { country: 'MK', callingCode: '389' },
    { country: 'PL', callingCode: '48' },
    { country: 'RO', callingCode: '40' },
    { country: 'RS', callingCode: '381' },
    { country: 'SK', callingCode: '421' },
    { country: 'SI', callingCode: '386' },
    { country: 'UA', callingCode: '380' },
  ],
  restOfWesternEurope: [
    { country: 'AT', callingCode: '43' },
    { country: 'BE', callingCode: '32' },
    { country: 'DK', callingCode: '45' },
    { country: 'FI', callingCode: '358' },
    { country: 'IE', callingCode: '353' },
    { country: 'NO', callingCode: '47' },
    { country: 'PT', callingCode: '351' },
    { country: 'SE', callingCode: '46' },
    { country: 'CH', callingCode: '41' },
  ],
  restOfMiddleEast: [
    { country: 'BH', callingCode: '973' },
    { country: 'IQ', callingCode: '964' },
    { country: 'JO', callingCode: '962' },
    { country: 'KW', callingCode: '965' },
    { country: 'LB', callingCode: '961' },
    { country: 'OM', callingCode: '968' },
    { country: 'QA', callingCode: '974' },
    { country: 'YE', callingCode: '967' },
  ],
  // Everything not listed elsewhere; only the carve-outs from shared calling codes are named.
  other: [
    ...caribbeanNanpNotListedByMeta,
    { country: 'KZ', callingCode: '7', prefixes: ['6', '7'] },
  ],
  argentina: [{ country: 'AR', callingCode: '54' }],
  chile: [{ country: 'CL', callingCode: '56' }],
  colombia: [{ country: 'CO', callingCode: '57' }],
  egypt: [{ country: 'EG', callingCode: '20' }],
  france: [{ country: 'FR', callingCode: '33' }],
  germany: [{ country: 'DE', callingCode: '49' }],
  israel: [{ country: 'IL', callingCode: '972' }],
  italy: [{ country: 'IT', callingCode: '39' }],
  netherlands: [{ country: 'NL', callingCode: '31' }],
  nigeria: [{ country: 'NG', callingCode: '234' }],
  pakistan: [{ country: 'PK', callingCode: '92' }],
  peru: [{ country: 'PE', callingCode: '51' }],
  russia: [{ country: 'RU', callingCode: '7' }],
  saudiArabia: [{ country: 'SA', callingCode: '966' }],
  southAfrica: [{ country: 'ZA', callingCode: '27' }],
  spain: [{ country: 'ES', callingCode: '34' }],
  turkey: [{ country: 'TR', callingCode: '90' }],
  unitedArabEmirates: [{ country: 'AE', callingCode: '971' }],
  unitedKingdom: [{ country: 'GB', callingCode: '44' }],
}
