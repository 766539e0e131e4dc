// Every row of domain.md's table, priced through the whole path: number -> market -> card in
// force -> price. A marketing template and a utility template outside the service window are
// both always charged, so each prices at the card's rate.
import { describe, expect, it } from 'vitest'
import { recipientOf } from '../../../src-shared/markets'
import { type PriceResult, type TemplateCategory, priceMessage } from '../../../src-shared/pricing'

function price(phone: string, category: TemplateCategory, day: string): PriceResult {
  return priceMessage({
    message: { kind: 'template', category },
    recipient: recipientOf({ phone }),
    sentAt: Date.parse(`${day}T12:00:00Z`),
    serviceWindowOpen: false,
    freeEntryPoint: false,
  })
}

function usdMicros(result: PriceResult): number | null | 'refused' {
  return result.outcome === 'refused' ? 'refused' : result.usdMicros
}

// [row, number, marketing by date, utility by date] for 2025-08, 2025-11, 2026-02, 2026-10.
const rows: [string, string, number[], number[]][] = [
  [
    'Indonesia',
    '+62 812 3456 7890',
    [41_100, 41_100, 41_100, 41_100],
    [25_000, 25_000, 25_000, 25_000],
  ],
  ['India', '+91 98765 43210', [10_700, 10_700, 11_800, 11_800], [1_400, 1_400, 1_400, 1_400]],
  ['Brazil', '+55 11 91234 5678', [62_500, 62_500, 62_500, 62_500], [6_800, 6_800, 6_800, 6_800]],
  ['Mexico', '+52 55 1234 5678', [43_600, 30_500, 30_500, 39_700], [8_500, 8_500, 8_500, 8_500]],
  [
    'North America (Canada)',
    '+1 613 555 0123',
    [25_000, 25_000, 25_000, 25_000],
    [4_000, 4_000, 3_400, 3_400],
  ],
  [
    'Malaysia',
    '+60 12 345 6789',
    [86_000, 86_000, 86_000, 86_000],
    [14_000, 14_000, 14_000, 14_000],
  ],
  [
    'Singapore',
    '+65 9123 4567',
    [73_200, 73_200, 73_200, 73_200],
    [16_000, 16_000, 16_000, 16_000],
  ],
  [
    'Rest of Asia Pacific (Australia)',
    '+61 412 345 678',
    [73_200, 73_200, 73_200, 84_200],
    [11_300, 11_300, 11_300, 11_300],
  ],
  [
    'Rest of Latin America (Ecuador)',
    '+593 98 467 9525',
    [74_000, 74_000, 74_000, 74_000],
    [11_300, 11_300, 11_300, 11_300],
  ],
  [
    'Rest of Latin America (Jamaica)',
    '+1 876 555 0123',
    [74_000, 74_000, 74_000, 74_000],
    [11_300, 11_300, 11_300, 11_300],
  ],
  [
    'Rest of Africa (Kenya)',
    '+254 712 345678',
    [22_500, 22_500, 22_500, 22_500],
    [4_000, 4_000, 4_000, 4_000],
  ],
  [
    'Rest of Central & Eastern Europe (Poland)',
    '+48 512 345 678',
    [86_000, 86_000, 86_000, 86_000],
    [21_200, 21_200, 21_200, 21_200],
  ],
  [
    'Rest of Western Europe (Ireland)',
    '+353 85 123 4567',
    [59_200, 59_200, 59_200, 59_200],
    [17_100, 17_100, 17_100, 17_100],
  ],
  [
    'Rest of Middle East (Qatar)',
    '+974 3312 3456',
    [34_100, 34_100, 34_100, 39_200],
    [9_100, 9_100, 9_100, 9_100],
  ],
  [
    'Other (Estonia)',
    '+372 5123 4567',
    [60_400, 60_400, 60_400, 60_400],
    [7_700, 7_700, 7_700, 7_700],
  ],
]
const days = ['2025-08-15', '2025-11-15', '2026-02-15', '2026-10-15']

describe('every market of the table, marketing and utility', () => {
  it.each(rows)('%s', (_row, phone, marketing, utility) => {
    expect(days.map((day) => usdMicros(price(phone, 'marketing', day)))).toEqual(marketing)
    expect(days.map((day) => usdMicros(price(phone, 'utility', day)))).toEqual(utility)
  })

  it('refuses marketing to US numbers since April 2025, not to Canada', () => {
    const us = '+1 415 555 2671'
    expect(price(us, 'marketing', '2025-08-15')).toMatchObject({
      outcome: 'refused',
      reason: 'noMarketingToUS',
    })
    expect(price(us, 'marketing', '2025-04-01')).toMatchObject({ outcome: 'refused' })
    expect(price(us, 'marketing', '2025-03-31')).toMatchObject({ outcome: 'quote', charged: true })
    expect(price(us, 'utility', '2026-02-15')).toMatchObject({ usdMicros: 3_400 })
    expect(price('+1 613 555 0123', 'marketing', '2025-08-15')).toMatchObject({ charged: true })
    expect(price('+1 876 555 0123', 'marketing', '2025-08-15')).toMatchObject({ charged: true })
  })

  it('refuses marketing to a US customer known only by a business-scoped id', () => {
    const result = priceMessage({
      message: { kind: 'template', category: 'marketing' },
      recipient: recipientOf({ userId: 'US.13491208655302741918' }),
      sentAt: Date.parse('2026-03-02T12:00:00Z'),
      serviceWindowOpen: true,
      freeEntryPoint: false,
    })
    expect(result).toMatchObject({ outcome: 'refused', reason: 'noMarketingToUS' })
  })

  it('prices service at the utility rate from October 2026', () => {
    const result = priceMessage({
      message: { kind: 'service' },
      recipient: recipientOf({ phone: '+52 55 1234 5678' }),
      sentAt: Date.parse('2026-10-15T12:00:00Z'),
      serviceWindowOpen: true,
      freeEntryPoint: false,
      serviceAllowanceUsed: 1000,
    })
    expect(result).toMatchObject({
      category: 'service',
      charged: true,
      reason: 'serviceCharged',
      usdMicros: 8_500,
    })
  })
})

describe('authentication', () => {
  it('is charged even inside the service window', () => {
    const result = priceMessage({
      message: { kind: 'template', category: 'authentication' },
      recipient: { market: 'indonesia', country: 'ID' },
      sentAt: Date.parse('2025-08-15T12:00:00Z'),
      serviceWindowOpen: true,
      freeEntryPoint: false,
    })
    expect(result).toMatchObject({ reason: 'authenticationAlwaysCharged', usdMicros: 25_000 })
  })

  it('bills the international rate where the market has one, else the authentication rate', () => {
    const intl = (phone: string, day: string) =>
      priceMessage({
        message: { kind: 'template', category: 'authentication-international' },
        recipient: recipientOf({ phone }),
        sentAt: Date.parse(`${day}T12:00:00Z`),
        serviceWindowOpen: false,
        freeEntryPoint: false,
      })
    expect(intl('+62 812 3456 7890', '2025-08-15')).toMatchObject({
      category: 'authentication-international',
      usdMicros: 136_000,
    })
    expect(intl('+91 98765 43210', '2026-02-15')).toMatchObject({ usdMicros: 28_000 })
    // India's rate after April 2026 is not known: unknown, not the domestic rate.
    expect(intl('+91 98765 43210', '2026-05-15')).toMatchObject({
      category: 'authentication-international',
      charged: true,
      usdMicros: null,
    })
    expect(intl('+55 11 91234 5678', '2025-08-15')).toMatchObject({
      category: 'authentication',
      usdMicros: 6_800,
    })
  })
})

describe('markets without shipped rates', () => {
  it('are charged at an unknown price, and priced once the owner supplies a card', () => {
    const germany = recipientOf({ phone: '+49 151 23456789' })
    const input = {
      message: { kind: 'template', category: 'marketing' },
      recipient: germany,
      sentAt: Date.parse('2026-11-02T12:00:00Z'),
      serviceWindowOpen: false,
      freeEntryPoint: false,
    } as const
    expect(priceMessage(input)).toMatchObject({ charged: true, usdMicros: null })
    const ownerCard = {
      effectiveFrom: '2026-10-01',
      ratesUsdMicros: { germany: { marketing: 136_500, utility: 55_000, authentication: 55_000 } },
    }
    expect(priceMessage({ ...input, rateCard: ownerCard })).toMatchObject({
      usdMicros: 136_500,
      rateCardFrom: '2026-10-01',
    })
  })
})
