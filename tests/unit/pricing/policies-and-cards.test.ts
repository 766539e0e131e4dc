import { describe, expect, it } from 'vitest'
import {
  policyOn,
  priceMessage,
  rateCardOn,
  rateCardSchema,
  shippedRateCards,
} from '../../../src-shared/pricing'

describe('policyOn', () => {
  it('finds the policy in force on each side of every change', () => {
    expect(policyOn('2023-06-01').id).toBe('cbp-2023-06')
    expect(policyOn('2024-10-31').id).toBe('cbp-2023-06')
    expect(policyOn('2024-11-01').id).toBe('cbp-2024-11')
    expect(policyOn('2025-03-31').id).toBe('cbp-2024-11')
    expect(policyOn('2025-04-01').id).toBe('cbp-2025-04')
    expect(policyOn('2025-06-30').id).toBe('cbp-2025-04')
    expect(policyOn('2025-07-01').id).toBe('pmp-2025-07')
    expect(policyOn('2026-09-30').id).toBe('pmp-2025-07')
    expect(policyOn('2026-10-01').id).toBe('pmp-2026-10')
  })

  it('refuses dates before any known policy', () => {
    expect(() => policyOn('2023-05-31')).toThrow(RangeError)
  })

  it('documents defaults for the unresolved rules of October 2026, and lets the owner switch them', () => {
    expect(policyOn('2026-10-01')).toMatchObject({
      utilityInsideServiceWindow: 'charged',
      freeServiceMessagesPerMonth: 1000,
      unresolved: ['utilityInsideServiceWindow', 'freeServiceMessagesPerMonth'],
    })
    expect(
      policyOn('2026-10-01', {
        utilityInsideServiceWindow: 'free',
        freeServiceMessagesPerMonth: 250,
      }),
    ).toMatchObject({ utilityInsideServiceWindow: 'free', freeServiceMessagesPerMonth: 250 })
  })

  it('never lets a switch rewrite settled periods', () => {
    expect(policyOn('2025-08-01', { utilityInsideServiceWindow: 'charged' })).toMatchObject({
      utilityInsideServiceWindow: 'free',
    })
  })
})

describe('rate cards', () => {
  it('are valid data in date order', () => {
    for (const card of shippedRateCards) expect(rateCardSchema.safeParse(card).success).toBe(true)
    const dates = shippedRateCards.map((card) => card.effectiveFrom)
    expect([...dates].sort()).toEqual(dates)
    // Rates change only on the first day of a quarter.
    for (const date of dates) expect(date).toMatch(/^\d{4}-(01|04|07|10)-01$|^2023-06-01$/)
  })

  it('picks the card in force, the owner’s winning a tie', () => {
    expect(rateCardOn('2025-09-30')?.effectiveFrom).toBe('2025-07-01')
    expect(rateCardOn('2025-10-01')?.effectiveFrom).toBe('2025-10-01')
    expect(rateCardOn('2020-01-01')).toBeNull()
    const owners = { effectiveFrom: '2026-10-01', source: 'owner', ratesUsdMicros: {} }
    expect(rateCardOn('2026-11-01', [...shippedRateCards, owners])?.source).toBe('owner')
  })

  it('uses the account’s calendar day when given', () => {
    // 20:00 UTC on 30 June is already 1 July in Jakarta.
    const base = {
      message: { kind: 'template', category: 'utility' },
      recipient: { market: 'indonesia', country: 'ID' },
      sentAt: Date.parse('2025-06-30T20:00:00Z'),
      serviceWindowOpen: true,
      freeEntryPoint: false,
    } as const
    expect(priceMessage(base)).toMatchObject({ pricingModel: 'CBP', usdMicros: 20_000 })
    expect(priceMessage({ ...base, sendDate: '2025-07-01' })).toMatchObject({
      pricingModel: 'PMP',
      charged: false,
      reason: 'insideServiceWindow',
    })
  })

  it('refuses free-form messages outside the service window', () => {
    const result = priceMessage({
      message: { kind: 'service' },
      recipient: { market: 'indonesia', country: 'ID' },
      sentAt: Date.parse('2026-11-02T12:00:00Z'),
      serviceWindowOpen: false,
      freeEntryPoint: true,
    })
    expect(result).toEqual({
      outcome: 'refused',
      reason: 'outsideServiceWindow',
      category: 'service',
      policyId: 'pmp-2026-10',
    })
  })
})
