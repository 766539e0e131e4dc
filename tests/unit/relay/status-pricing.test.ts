/**
 * The emulator's `pricing` objects come from src-shared/pricing and src-shared/windows: the
 * same rules as the desktop's meter, on the dated policy in force.
 */
import { describe, expect, it } from 'vitest'
import { statusPricing } from '../../../src-relay/emulator/status-pricing'

const hour = 3600_000
const july2025 = Date.UTC(2025, 6, 15, 10)
const october2026 = Date.UTC(2026, 9, 15, 10)
const indonesian = '6281234567890'

describe('status pricing', () => {
  it('under July 2025 rules: service and in-window utility free, marketing charged', () => {
    const history = [{ direction: 'inbound' as const, at: july2025 - hour }]
    const price = (message: Parameters<typeof statusPricing>[0]['message']) =>
      statusPricing({ waId: indonesian, message, history, at: july2025, serviceAllowanceUsed: 0 })
    expect(price({ kind: 'service' })).toMatchObject({
      deliverable: true,
      pricing: {
        type: 'free_customer_service',
        category: 'service',
        billable: false,
        pricing_model: 'PMP',
      },
    })
    expect(price({ kind: 'template', category: 'utility' })).toMatchObject({
      pricing: { type: 'free_customer_service', category: 'utility' },
    })
    expect(price({ kind: 'template', category: 'marketing' })).toMatchObject({
      pricing: { type: 'regular', category: 'marketing', billable: true },
    })
  })

  it('refuses free-form outside the window (131047) and marketing to US numbers (131049)', () => {
    expect(
      statusPricing({
        waId: indonesian,
        message: { kind: 'service' },
        history: [],
        at: july2025,
        serviceAllowanceUsed: 0,
      }),
    ).toEqual({ deliverable: false, errorCode: 131047 })
    expect(
      statusPricing({
        waId: '14155550123',
        message: { kind: 'template', category: 'marketing' },
        history: [],
        at: july2025,
        serviceAllowanceUsed: 0,
      }),
    ).toEqual({ deliverable: false, errorCode: 131049 })
  })

  it('marks messages after an ad customer was answered as free entry point', () => {
    const history = [
      { direction: 'inbound' as const, at: july2025 - 2 * hour, referral: true },
      { direction: 'outbound' as const, at: july2025 - hour },
    ]
    expect(
      statusPricing({
        waId: indonesian,
        message: { kind: 'template', category: 'marketing' },
        history,
        at: july2025,
        serviceAllowanceUsed: 0,
      }),
    ).toMatchObject({ pricing: { type: 'free_entry_point', billable: false } })
  })

  it('follows the October 2026 policy as the shared rules date it', () => {
    const history = [{ direction: 'inbound' as const, at: october2026 - hour }]
    const withinAllowance = statusPricing({
      waId: indonesian,
      message: { kind: 'service' },
      history,
      at: october2026,
      serviceAllowanceUsed: 0,
    })
    const pastAllowance = statusPricing({
      waId: indonesian,
      message: { kind: 'service' },
      history,
      at: october2026,
      serviceAllowanceUsed: 5000,
    })
    expect(withinAllowance).toMatchObject({
      deliverable: true,
      countsAsService: true,
      pricing: { billable: false },
    })
    expect(pastAllowance).toMatchObject({
      deliverable: true,
      pricing: { type: 'regular', category: 'service', billable: true },
    })
  })
})
