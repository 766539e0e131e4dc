/**
 * The pricing rules Meta has applied, as dated data: which messages are charged, not how much
 * (that is the rate cards'). A policy is in force from its date until the next one's.
 *
 * Two rules of October 2026 are unresolved in the sources (domain.md section 4): whether utility
 * templates inside the service window become charged, and the monthly free service allowance.
 * They are policy fields the owner may switch (`PricingSettings`), with the majority reading as
 * default; the status webhook's `pricing.type` confirms each message afterwards either way.
 */
import { z } from 'zod'
import { type IsoDate } from './iso-date'

export type PricingModel = 'CBP' | 'PMP'

interface PolicyBase {
  id: string
  effectiveFrom: IsoDate
  /** Since 1 April 2025 marketing templates are not delivered to US numbers. */
  marketingToUs: 'delivered' | 'notDelivered'
}

/**
 * Conversation-based pricing: the first template of a category opens a 24 hour conversation of
 * that category (charged once); the first free-form message opens a service conversation when no
 * conversation of any category is open.
 */
export interface ConversationPolicy extends PolicyBase {
  model: 'CBP'
  serviceConversations: 'charged' | 'free'
  /** Per business account and calendar month, until service conversations became free. */
  freeServiceConversationsPerMonth: number
}

/** Per-message pricing: each delivered message is charged or free on its own. */
export interface PerMessagePolicy extends PolicyBase {
  model: 'PMP'
  /** Free-form messages: free, or charged at the market's utility rate. */
  service: 'free' | 'utilityRate'
  /** Reactions: priced like any service message, or always free. */
  reactions: 'asService' | 'free'
  utilityInsideServiceWindow: 'free' | 'charged'
  /** Per business phone number and calendar month; only counts when service is charged. */
  freeServiceMessagesPerMonth: number
  /** The fields the owner may switch because the sources disagree. */
  unresolved: readonly PolicySetting[]
}

export type PricingPolicy = ConversationPolicy | PerMessagePolicy

export const pricingSettingsSchema = z
  .object({
    utilityInsideServiceWindow: z.enum(['free', 'charged']).optional(),
    freeServiceMessagesPerMonth: z.number().int().min(0).optional(),
  })
  .strict()

/** The owner's answers to the unresolved rules; unset means the policy's default. */
export type PricingSettings = z.infer<typeof pricingSettingsSchema>
export type PolicySetting = keyof PricingSettings

export const pricingPolicies: readonly PricingPolicy[] = [
  {
    // Four conversation categories from 1 June 2023; 1,000 free service conversations a month.
    id: 'cbp-2023-06',
    effectiveFrom: '2023-06-01',
    model: 'CBP',
    serviceConversations: 'charged',
    freeServiceConversationsPerMonth: 1000,
    marketingToUs: 'delivered',
  },
  {
    id: 'cbp-2024-11',
    effectiveFrom: '2024-11-01',
    model: 'CBP',
    serviceConversations: 'free',
    freeServiceConversationsPerMonth: 0,
    marketingToUs: 'delivered',
  },
  {
    id: 'cbp-2025-04',
    effectiveFrom: '2025-04-01',
    model: 'CBP',
    serviceConversations: 'free',
    freeServiceConversationsPerMonth: 0,
    marketingToUs: 'notDelivered',
  },
  {
    id: 'pmp-2025-07',
    effectiveFrom: '2025-07-01',
    model: 'PMP',
    service: 'free',
    reactions: 'asService',
    utilityInsideServiceWindow: 'free',
    freeServiceMessagesPerMonth: 0,
    marketingToUs: 'notDelivered',
    unresolved: [],
  },
  {
    id: 'pmp-2026-10',
    effectiveFrom: '2026-10-01',
    model: 'PMP',
    service: 'utilityRate',
    reactions: 'free',
    // Most sources: charged; one says utility templates inside the window stay free.
    utilityInsideServiceWindow: 'charged',
    // As partners report it; not in Meta's own pages we have.
    freeServiceMessagesPerMonth: 1000,
    marketingToUs: 'notDelivered',
    unresolved: ['utilityInsideServiceWindow', 'freeServiceMessagesPerMonth'],
  },
]

function withSettings(policy: PricingPolicy, settings: PricingSettings): PricingPolicy {
  if (policy.model !== 'PMP') return policy
  // A switch only moves the rules it was made for, never settled history.
  const applied: PerMessagePolicy = { ...policy }
  if (
    policy.unresolved.includes('utilityInsideServiceWindow') &&
    settings.utilityInsideServiceWindow
  ) {
    applied.utilityInsideServiceWindow = settings.utilityInsideServiceWindow
  }
  if (
    policy.unresolved.includes('freeServiceMessagesPerMonth') &&
    settings.freeServiceMessagesPerMonth !== undefined
  ) {
    applied.freeServiceMessagesPerMonth = settings.freeServiceMessagesPerMonth
  }
  return applied
}

/**
 * The policy in force on `date`, with the owner's settings applied. Throws before the first
 * policy: Kedai has no rules for pricing older than June 2023.
 */
export function policyOn(
  date: IsoDate,
  settings: PricingSettings = {},
  policies: readonly PricingPolicy[] = pricingPolicies,
): PricingPolicy {
  let inForce: PricingPolicy | undefined
  for (const policy of policies) {
    if (
      policy.effectiveFrom <= date &&
      (!inForce || policy.effectiveFrom >= inForce.effectiveFrom)
    ) {
      inForce = policy
    }
  }
  if (!inForce) throw new RangeError(`no pricing policy in force on ${date}`)
  return withSettings(inForce, settings)
}
