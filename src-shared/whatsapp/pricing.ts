/**
 * The `pricing` and legacy `conversation` objects of a status webhook: what Meta says a message
 * cost, which the meter uses to confirm its estimate after the fact.
 */
import { z } from 'zod'
import { epochSecondsAsMillis } from './wire-values'

export const pricingCategories = [
  'marketing',
  'marketing_lite',
  'utility',
  'authentication',
  'authentication_international',
  'service',
  'referral_conversion',
] as const

/** A billing category; anything Meta adds later reads as 'unknown' rather than failing. */
export type PricingCategory = (typeof pricingCategories)[number] | 'unknown'

export type PricingModel = 'CBP' | 'PMP' | 'unknown'

/** `regular` is charged; the two free kinds are the service window and the free entry point. */
export type PricingType = 'regular' | 'free_customer_service' | 'free_entry_point' | 'unknown'

export interface Pricing {
  pricingModel: PricingModel
  /** Absent under conversation-based pricing (CBP), which only had `billable`. */
  type: PricingType | null
  category: PricingCategory
  /** Deprecated by Meta with per-message pricing, still sent; null when absent. */
  billable: boolean | null
}

/** The conversation-based pricing era's object; still sent by older webhook versions. */
export interface LegacyConversation {
  id: string
  expiresAt: number | null
  originType: PricingCategory | null
}

/**
 * Meta's documents spell it `authentication-international` and its payloads and SDKs
 * `authentication_international`; both mean the same price, so they become one value.
 */
export function normalisePricingCategory(raw: string): PricingCategory {
  const word = raw.trim().toLowerCase().replaceAll('-', '_')
  return (pricingCategories as readonly string[]).includes(word)
    ? (word as PricingCategory)
    : 'unknown'
}

const pricingTypes = ['regular', 'free_customer_service', 'free_entry_point'] as const

export const wirePricing = z
  .object({
    pricing_model: z.string().optional(),
    type: z.string().optional(),
    category: z.string(),
    billable: z.boolean().optional(),
  })
  .transform((wire): Pricing => ({
    pricingModel:
      wire.pricing_model === undefined
        ? 'unknown'
        : ['CBP', 'PMP'].includes(wire.pricing_model.toUpperCase())
          ? (wire.pricing_model.toUpperCase() as PricingModel)
          : 'unknown',
    type:
      wire.type === undefined
        ? null
        : (pricingTypes as readonly string[]).includes(wire.type.toLowerCase())
          ? (wire.type.toLowerCase() as PricingType)
          : 'unknown',
    category: normalisePricingCategory(wire.category),
    billable: wire.billable ?? null,
  }))

export const wireConversation = z
  .object({
    id: z.string().min(1),
    expiration_timestamp: epochSecondsAsMillis.optional(),
    origin: z.object({ type: z.string() }).optional(),
  })
  .transform((wire): LegacyConversation => ({
    id: wire.id,
    expiresAt: wire.expiration_timestamp ?? null,
    originType: wire.origin ? normalisePricingCategory(wire.origin.type) : null,
  }))
