import { describe, expect, it } from 'vitest'
import { parseRateCardCsv, priceMessage } from '../../../src-shared/pricing'

const metaCard = [
  '\uFEFFWhatsApp Business Platform rate card (USD)',
  'Effective October 1, 2026',
  '',
  'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
  'Indonesia,USD,$0.0411,$0.0250,$0.0250,$0.1360,$0.0250',
  'North America,USD,$0.0250,$0.0034,$0.0034,n/a,$0.0034',
  '"Rest of Central & Eastern Europe",USD,0.0860,0.0212,0.0212,,0.0212',
  'Germany,USD,0.1365,0.0550,0.0550,0.0768,0.0550',
  '',
  '* Rates are per delivered message.',
].join('\r\n')

describe('parseRateCardCsv', () => {
  it('reads Meta’s published form, title lines and all', () => {
    const result = parseRateCardCsv(metaCard, { source: 'Meta CSV' })
    expect(result.errors).toEqual([])
    expect(result.card).toEqual({
      effectiveFrom: '2026-10-01',
      source: 'Meta CSV',
      ratesUsdMicros: {
        indonesia: {
          marketing: 41_100,
          utility: 25_000,
          authentication: 25_000,
          authenticationInternational: 136_000,
          service: 25_000,
        },
        northAmerica: { marketing: 25_000, utility: 3_400, authentication: 3_400, service: 3_400 },
        restOfCentralEasternEurope: {
          marketing: 86_000,
          utility: 21_200,
          authentication: 21_200,
          service: 21_200,
        },
        germany: {
          marketing: 136_500,
          utility: 55_000,
          authentication: 55_000,
          authenticationInternational: 76_800,
          service: 55_000,
        },
      },
    })
    expect(result.ignoredLines).toEqual([1, 2, 3, 9, 10])
  })

  it('makes a card the pricing function takes', () => {
    const { card } = parseRateCardCsv(metaCard)
    const result = priceMessage({
      message: { kind: 'template', category: 'utility' },
      recipient: { market: 'germany', country: 'DE' },
      sentAt: Date.parse('2026-10-20T10:00:00Z'),
      serviceWindowOpen: false,
      freeEntryPoint: false,
      rateCard: card,
    })
    expect(result).toMatchObject({ charged: true, usdMicros: 55_000 })
  })

  it('reports each bad row and keeps the good ones', () => {
    const text = [
      'market;marketing;utility;authentication;currency',
      'Brazil;0,0625;0,0068;0,0068;USD',
      'Atlantis;0.01;0.01;0.01;USD',
      'India;0.0118;abc;0.0014;USD',
      'Mexico;0.0305;;0.0085;USD',
      'Malaysia;0.0860;0.0140;0.0140;MYR',
      'Brazil;0.0700;0.0070;0.0070;USD',
    ].join('\n')
    const result = parseRateCardCsv(text, { effectiveFrom: '2026-01-01' })
    expect(result.card?.ratesUsdMicros).toEqual({
      brazil: { marketing: 62_500, utility: 6_800, authentication: 6_800 },
    })
    expect(result.errors.map(({ line, code, column }) => ({ line, code, column }))).toEqual([
      { line: 3, code: 'unknownMarket', column: undefined },
      { line: 4, code: 'badNumber', column: 'utility' },
      { line: 5, code: 'missingRate', column: 'utility' },
      { line: 6, code: 'unsupportedCurrency', column: 'currency' },
      { line: 7, code: 'duplicateMarket', column: undefined },
    ])
    expect(result.errors[1]?.message).toBe('India: utility "abc" is not a price')
  })

  it('says what is missing when it cannot make a card', () => {
    expect(parseRateCardCsv('hello,world\n1,2').errors[0]?.code).toBe('noHeader')
    expect(parseRateCardCsv('Market,Marketing\nIndia,0.01').errors.map((e) => e.column)).toEqual([
      'utility',
      'authentication',
    ])
    const undated = parseRateCardCsv(
      'Market,Marketing,Utility,Authentication\nIndia,0.01,0.001,0.001',
    )
    expect(undated.card).toBeNull()
    expect(undated.errors.map((e) => e.code)).toEqual(['noEffectiveDate'])
  })

  it('finds dates written day first or as ISO, with tabs between cells', () => {
    const text =
      'Rates from 1 Jan 2026\nMarket\tMarketing\tUtility\tAuthentication\nIndia\t0.0118\t0.0014\t0.0014'
    expect(parseRateCardCsv(text).card?.effectiveFrom).toBe('2026-01-01')
    const iso = '2025-07-01\nMarket,Marketing,Utility,Authentication\nOther,0.0604,0.0077,0.0077'
    expect(parseRateCardCsv(iso).card?.effectiveFrom).toBe('2025-07-01')
  })
})
