import { describe, expect, it } from 'vitest'
import { hour, paidTotal, replay, summary } from './replay'

const start = Date.UTC(2025, 8, 1, 9, 0)

describe('free entry point pricing', () => {
  it('answered within 24 hours: everything free for 72 hours from the answer', () => {
    const results = replay([
      { at: start, customer: true, referral: true },
      { at: start + 2 * hour, send: { kind: 'service' } },
      { at: start + 3 * hour, send: { kind: 'template', category: 'marketing' } },
      // The service window closed at hour 24; the free window runs until hour 74.
      { at: start + 50 * hour, send: { kind: 'template', category: 'marketing' } },
      { at: start + 73 * hour, send: { kind: 'template', category: 'authentication' } },
      { at: start + 74 * hour, send: { kind: 'template', category: 'utility' } },
    ])
    expect(summary(results)).toEqual([
      { charged: false, reason: 'freeEntryPoint', usdMicros: 0 },
      { charged: false, reason: 'freeEntryPoint', usdMicros: 0 },
      { charged: false, reason: 'freeEntryPoint', usdMicros: 0 },
      { charged: false, reason: 'freeEntryPoint', usdMicros: 0 },
      { charged: true, reason: 'utilityOutsideWindow', usdMicros: 25_000 },
    ])
  })

  it('answered after 24 hours: no free window', () => {
    const results = replay([
      { at: start, customer: true, referral: true },
      { at: start + 25 * hour, send: { kind: 'service' } },
      { at: start + 25 * hour, send: { kind: 'template', category: 'utility' } },
      { at: start + 26 * hour, send: { kind: 'template', category: 'marketing' } },
    ])
    expect(summary(results)).toEqual([
      { refused: 'outsideServiceWindow' },
      { charged: true, reason: 'utilityOutsideWindow', usdMicros: 25_000 },
      { charged: true, reason: 'marketingAlwaysCharged', usdMicros: 41_100 },
    ])
    expect(paidTotal(results).paid).toBe(2)
  })

  it('applied in the conversation-based era too', () => {
    const cbpStart = Date.UTC(2024, 5, 3, 9, 0)
    const results = replay(
      [
        { at: cbpStart, customer: true, referral: true },
        { at: cbpStart + hour, send: { kind: 'template', category: 'marketing' } },
        { at: cbpStart + 60 * hour, send: { kind: 'template', category: 'utility' } },
      ],
      { serviceAllowanceUsed: 1000 },
    )
    expect(summary(results)).toEqual([
      { charged: false, reason: 'freeEntryPoint', usdMicros: 0 },
      { charged: false, reason: 'freeEntryPoint', usdMicros: 0 },
    ])
  })
})
