import { describe, expect, it } from 'vitest'
import { hour, metaWorkedExample, minute, paidTotal, replay, summary } from './replay'

describe("Meta's worked example", () => {
  it('under the July 2025 policy: four sent, two paid', () => {
    const results = replay(metaWorkedExample(Date.UTC(2025, 7, 4, 9, 0)))
    expect(summary(results)).toEqual([
      { charged: true, reason: 'marketingAlwaysCharged', usdMicros: 41_100 },
      { charged: false, reason: 'serviceFree', usdMicros: 0 },
      { charged: false, reason: 'insideServiceWindow', usdMicros: 0 },
      { charged: true, reason: 'utilityOutsideWindow', usdMicros: 25_000 },
    ])
    expect(paidTotal(results)).toEqual({ paid: 2, usdMicros: 66_100 })
    expect(results.every((r) => r.outcome === 'quote' && r.pricingModel === 'PMP')).toBe(true)
  })

  describe('on a day after 1 October 2026', () => {
    const start = Date.UTC(2026, 9, 15, 9, 0)

    it('by default charges utility inside the window; the text reply uses the allowance', () => {
      const results = replay(metaWorkedExample(start))
      expect(summary(results)).toEqual([
        { charged: true, reason: 'marketingAlwaysCharged', usdMicros: 41_100 },
        { charged: false, reason: 'serviceAllowance', usdMicros: 0 },
        { charged: true, reason: 'utilityInsideWindowCharged', usdMicros: 25_000 },
        { charged: true, reason: 'utilityOutsideWindow', usdMicros: 25_000 },
      ])
      expect(paidTotal(results)).toEqual({ paid: 3, usdMicros: 91_100 })
    })

    it('with utility inside the window switched to free: two paid, as in 2025', () => {
      const results = replay(metaWorkedExample(start), {
        settings: { utilityInsideServiceWindow: 'free' },
      })
      expect(summary(results)[2]).toEqual({
        charged: false,
        reason: 'insideServiceWindow',
        usdMicros: 0,
      })
      expect(paidTotal(results)).toEqual({ paid: 2, usdMicros: 66_100 })
    })

    it('charges the text reply at the utility rate once the monthly allowance is used', () => {
      const used = replay(metaWorkedExample(start), { serviceAllowanceUsed: 1000 })
      expect(summary(used)[1]).toEqual({
        charged: true,
        reason: 'serviceCharged',
        usdMicros: 25_000,
      })
      expect(paidTotal(used)).toEqual({ paid: 4, usdMicros: 116_100 })

      const noAllowance = replay(metaWorkedExample(start), {
        settings: { freeServiceMessagesPerMonth: 0, utilityInsideServiceWindow: 'free' },
      })
      expect(paidTotal(noAllowance)).toEqual({ paid: 3, usdMicros: 91_100 })
    })

    it('keeps reactions free', () => {
      const results = replay(
        [
          { at: start, customer: true },
          { at: start + minute, send: { kind: 'reaction' } },
        ],
        { serviceAllowanceUsed: 5000 },
      )
      expect(summary(results)).toEqual([{ charged: false, reason: 'reactionFree', usdMicros: 0 }])
    })
  })

  describe('in the conversation-based era (2024)', () => {
    it('charges once per conversation category and lets replies ride in an open one', () => {
      const results = replay(metaWorkedExample(Date.UTC(2024, 2, 4, 9, 0)))
      expect(summary(results)).toEqual([
        { charged: true, reason: 'conversationOpened', usdMicros: 41_100 },
        { charged: false, reason: 'conversationAlreadyOpen', usdMicros: 0 },
        { charged: true, reason: 'conversationOpened', usdMicros: 20_000 },
        // The utility conversation opened at 1:10 ended at 25:10.
        { charged: true, reason: 'conversationOpened', usdMicros: 20_000 },
      ])
      expect(results.every((r) => r.outcome === 'quote' && r.pricingModel === 'CBP')).toBe(true)
    })

    it('does not charge a second template of an open category', () => {
      const start = Date.UTC(2024, 2, 4, 9, 0)
      const results = replay([
        { at: start, send: { kind: 'template', category: 'utility' } },
        { at: start + 10 * hour, send: { kind: 'template', category: 'utility' } },
        { at: start + 11 * hour, send: { kind: 'template', category: 'marketing' } },
      ])
      expect(summary(results)).toEqual([
        { charged: true, reason: 'conversationOpened', usdMicros: 20_000 },
        { charged: false, reason: 'conversationAlreadyOpen', usdMicros: 0 },
        { charged: true, reason: 'conversationOpened', usdMicros: 41_100 },
      ])
    })

    it('opens a service conversation with the first free-form reply, charged before November 2024', () => {
      const start = Date.UTC(2024, 2, 4, 9, 0)
      const steps = [
        { at: start, customer: true as const },
        { at: start + minute, send: { kind: 'service' as const } },
        { at: start + 2 * hour, send: { kind: 'service' as const } },
      ]
      expect(summary(replay(steps, { serviceAllowanceUsed: 1000 }))).toEqual([
        { charged: true, reason: 'conversationOpened', usdMicros: 19_000 },
        { charged: false, reason: 'conversationAlreadyOpen', usdMicros: 0 },
      ])
      expect(summary(replay(steps, { serviceAllowanceUsed: 10 }))[0]).toEqual({
        charged: false,
        reason: 'serviceAllowance',
        usdMicros: 0,
      })
      const december = Date.UTC(2024, 11, 2, 9, 0)
      const free = replay([
        { at: december, customer: true },
        { at: december + minute, send: { kind: 'service' } },
      ])
      expect(summary(free)).toEqual([{ charged: false, reason: 'serviceFree', usdMicros: 0 }])
    })
  })
})
