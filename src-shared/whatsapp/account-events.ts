/**
 * Reads the account-level webhooks: `phone_number_quality_update` (messaging limit and
 * throughput of the number) and `account_update` (volume pricing tiers, violations, bans).
 */
import { z } from 'zod'
import type { ChangeRead, EntryRoute } from './change-reading'
import { normalisePricingCategory } from './pricing'
import type { AccountUpdateEvent, PhoneNumberQualityEvent } from './webhook-events'
import { describeIssue, epochSecondsAsMillis, textOrNull } from './wire-values'

/**
 * Meta's tier words, `TIER_250`, `TIER_2K`, `TIER_100K`, `TIER_UNLIMITED`, as the number of
 * unique customers the business may reach outside the window per rolling 24 h.
 */
export function customersPerDayOfTier(tier: string | null): number | 'unlimited' | null {
  if (tier === null) return null
  if (tier.toUpperCase() === 'TIER_UNLIMITED') return 'unlimited'
  const match = /^TIER_(\d+)(K?)$/i.exec(tier)
  if (!match) return null
  return Number(match[1]) * (match[2] ? 1_000 : 1)
}

const wireQualityUpdate = z.object({
  display_phone_number: z.string().min(1),
  event: z.string().min(1),
  current_limit: z.string().optional(),
  old_limit: z.string().optional(),
  max_daily_conversations_per_business: z.string().optional(),
})

export function readPhoneNumberQuality(
  value: unknown,
  base: string,
  entry: EntryRoute,
): ChangeRead<PhoneNumberQualityEvent> {
  const read = wireQualityUpdate.safeParse(value)
  if (!read.success) return { ok: false, problem: describeIssue(base, read.error) }
  const wire = read.data
  // Newer versions name the limit `max_daily_conversations_per_business`; older `current_limit`.
  const currentLimit = textOrNull(wire.max_daily_conversations_per_business ?? wire.current_limit)
  return {
    ok: true,
    event: {
      kind: 'phoneNumberQuality',
      ...entry,
      displayPhoneNumber: wire.display_phone_number,
      event: wire.event,
      currentLimit,
      oldLimit: textOrNull(wire.old_limit),
      customersPerDay: customersPerDayOfTier(currentLimit),
    },
  }
}

const wireAccountUpdate = z.object({
  event: z.string().min(1),
  volume_tier_info: z
    .object({
      pricing_category: z.string(),
      tier: z.string(),
      effective_month: z.string().optional(),
      region: z.string().optional(),
      tier_update_time: epochSecondsAsMillis.optional(),
    })
    .optional(),
  violation_info: z.object({ violation_type: z.string().optional() }).optional(),
})

export function readAccountUpdate(
  value: unknown,
  base: string,
  entry: EntryRoute,
): ChangeRead<AccountUpdateEvent> {
  const read = wireAccountUpdate.safeParse(value)
  if (!read.success) return { ok: false, problem: describeIssue(base, read.error) }
  const wire = read.data
  const tier = wire.volume_tier_info
  return {
    ok: true,
    event: {
      kind: 'accountUpdate',
      ...entry,
      event: wire.event,
      volumeTier: tier
        ? {
            pricingCategory: normalisePricingCategory(tier.pricing_category),
            tier: tier.tier,
            effectiveMonth: textOrNull(tier.effective_month),
            region: textOrNull(tier.region),
            updatedAt: tier.tier_update_time ?? null,
          }
        : null,
      violationType: textOrNull(wire.violation_info?.violation_type),
    },
  }
}
