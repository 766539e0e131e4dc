/**
 * What a status webhook's `pricing` object says about a message after the fact: the platform's
 * verdict, which wins over Kedai's estimate in the ledger. Takes the parsed fields (as
 * `whatsapp/pricing.ts` reads them) so either spelling Meta uses is accepted.
 */
import { type BillingCategory } from './categories'

export interface StatusPricingFields {
  pricingModel?: string | null
  /** `regular` (charged), `free_customer_service`, `free_entry_point`; absent under CBP. */
  type?: string | null
  category?: string | null
  /** Deprecated, still sent; the only signal under conversation-based pricing. */
  billable?: boolean | null
}

export interface ConfirmedCharge {
  /** Null when the object says neither (an unknown `type` and no `billable`). */
  charged: boolean | null
  /** Null for categories Kedai does not price (`referral_conversion`, anything new). */
  category: BillingCategory | null
  freeBecause: 'customerService' | 'freeEntryPoint' | null
}

const categoryByWord: Readonly<Record<string, BillingCategory>> = {
  marketing: 'marketing',
  // Marketing Messages Lite is charged at marketing rates since July 2025.
  marketing_lite: 'marketing',
  utility: 'utility',
  authentication: 'authentication',
  authentication_international: 'authentication-international',
  service: 'service',
}

export function chargeFromStatusPricing(pricing: StatusPricingFields): ConfirmedCharge {
  const word = pricing.category?.trim().toLowerCase().replaceAll('-', '_') ?? ''
  const category = categoryByWord[word] ?? null
  const type = pricing.type?.trim().toLowerCase()
  if (type === 'regular') return { charged: true, category, freeBecause: null }
  if (type === 'free_customer_service') {
    return { charged: false, category, freeBecause: 'customerService' }
  }
  if (type === 'free_entry_point')
    return { charged: false, category, freeBecause: 'freeEntryPoint' }
  const charged = typeof pricing.billable === 'boolean' ? pricing.billable : null
  return { charged, category, freeBecause: null }
}
