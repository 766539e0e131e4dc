/**
 * The price of one message before it is sent: charged or free, why, and how much, under the
 * policy and rate card in force on its date. Pure: the windows, the month's service count and
 * (for conversation-based dates) the open conversations come in as input.
 */
import { type MarketId } from '../markets/market-ids'
import {
  type BillingCategory,
  type ConversationCategory,
  type OutgoingMessage,
  categoryOfMessage,
} from './categories'
import { type IsoDate, utcDateOf } from './iso-date'
import {
  type ConversationPolicy,
  type PerMessagePolicy,
  type PricingModel,
  type PricingSettings,
  policyOn,
} from './policies'
import { type MarketRates, type RateCard, rateCardOn } from './rate-cards'

const conversationMs = 24 * 60 * 60 * 1000

/** A conversation opened under conversation-based pricing: it covers 24 hours from `openedAt`. */
export interface OpenedConversation {
  category: ConversationCategory
  openedAt: number
}

export interface PriceMessageInput {
  message: OutgoingMessage
  /** From `recipientOf` in markets; `country` decides the US marketing rule. */
  recipient: { market: MarketId; country?: string | null }
  /** Epoch ms the message is (or was) sent. */
  sentAt: number
  /**
   * The calendar date that picks the policy and rate card, when the account's day is not the UTC
   * day of `sentAt` (Meta dates changes in the business account's time zone).
   */
  sendDate?: IsoDate
  /** `ServiceWindow.open` at send time. */
  serviceWindowOpen: boolean
  /** `FreeEntryPoint.nextMessageFree` at send time: a free window is open or this message opens one. */
  freeEntryPoint: boolean
  settings?: PricingSettings
  /** The card to use instead of the shipped one in force (e.g. `rateCardOn(date, [...shipped, ...owner's])`). */
  rateCard?: RateCard | null
  /**
   * How much of this calendar month's free service allowance is used: service messages charged
   * or allowance-free so far (from October 2026), or service conversations opened so far (before
   * November 2024). Free entry point messages and reactions do not count. Default 0.
   */
  serviceAllowanceUsed?: number
  /**
   * Conversation-based dates only: conversations opened with this customer, e.g. collected from
   * earlier quotes' `opensConversation`. Those covering `sentAt` are open.
   */
  conversations?: readonly OpenedConversation[]
}

export type FreeReason =
  | 'freeEntryPoint'
  | 'insideServiceWindow'
  | 'serviceFree'
  | 'reactionFree'
  | 'serviceAllowance'
  | 'conversationAlreadyOpen'

export type ChargedReason =
  | 'marketingAlwaysCharged'
  | 'utilityOutsideWindow'
  | 'utilityInsideWindowCharged'
  | 'authenticationAlwaysCharged'
  | 'serviceCharged'
  | 'conversationOpened'

/** The message would not be delivered: nothing to price, something to tell the owner. */
export type RefusalReason = 'noMarketingToUS' | 'outsideServiceWindow'

interface QuoteBase {
  outcome: 'quote'
  /** The category billed: authentication-international bills as authentication in markets without that rate. */
  category: BillingCategory
  pricingModel: PricingModel
  policyId: string
  rateCardFrom: IsoDate | null
  /** Conversation-based dates: the conversation this message opens, to pass on to later quotes. */
  opensConversation: ConversationCategory | null
}

export interface FreeQuote extends QuoteBase {
  charged: false
  reason: FreeReason
  usdMicros: 0
}

export interface ChargedQuote extends QuoteBase {
  charged: true
  reason: ChargedReason
  /** Null when the rate card in force has no rate for this market and category. */
  usdMicros: number | null
}

export interface Refusal {
  outcome: 'refused'
  reason: RefusalReason
  category: BillingCategory
  policyId: string
}

export type PriceQuote = FreeQuote | ChargedQuote
export type PriceResult = PriceQuote | Refusal

interface Context {
  input: PriceMessageInput
  category: BillingCategory
  rates: MarketRates | null
  base: Omit<QuoteBase, 'category' | 'opensConversation'>
}

function billedCategory(category: BillingCategory, rates: MarketRates | null): BillingCategory {
  if (
    category === 'authentication-international' &&
    rates &&
    rates.authenticationInternational === undefined
  ) {
    return 'authentication'
  }
  return category
}

/** A category's list price in a market's rates under a pricing model; null when unknown. */
export function rateOf(
  category: BillingCategory,
  rates: MarketRates | null,
  model: PricingModel,
): number | null {
  if (!rates) return null
  switch (category) {
    case 'marketing':
      return rates.marketing
    case 'utility':
      return rates.utility
    case 'authentication':
      return rates.authentication
    case 'authentication-international':
      return rates.authenticationInternational ?? null
    case 'service':
      // Conversation-based service conversations had their own rate; per-message service is
      // charged at the utility rate.
      return model === 'CBP' ? (rates.service ?? null) : (rates.service ?? rates.utility)
  }
}

function free(
  context: Context,
  reason: FreeReason,
  opensConversation: ConversationCategory | null = null,
): FreeQuote {
  return {
    ...context.base,
    category: context.category,
    opensConversation,
    charged: false,
    reason,
    usdMicros: 0,
  }
}

function charged(
  context: Context,
  reason: ChargedReason,
  opensConversation: ConversationCategory | null = null,
): ChargedQuote {
  return {
    ...context.base,
    category: context.category,
    opensConversation,
    charged: true,
    reason,
    usdMicros: rateOf(context.category, context.rates, context.base.pricingModel),
  }
}

function perMessage(context: Context, policy: PerMessagePolicy): PriceQuote {
  const { input } = context
  // Everything the business sends inside a free entry point window is free.
  if (input.freeEntryPoint) return free(context, 'freeEntryPoint')
  const message = input.message
  if (message.kind === 'reaction' && policy.reactions === 'free') {
    return free(context, 'reactionFree')
  }
  if (message.kind !== 'template') {
    if (policy.service === 'free') return free(context, 'serviceFree')
    const used = input.serviceAllowanceUsed ?? 0
    return used < policy.freeServiceMessagesPerMonth
      ? free(context, 'serviceAllowance')
      : charged(context, 'serviceCharged')
  }
  switch (message.category) {
    case 'marketing':
      return charged(context, 'marketingAlwaysCharged')
    case 'utility':
      if (!input.serviceWindowOpen) return charged(context, 'utilityOutsideWindow')
      return policy.utilityInsideServiceWindow === 'free'
        ? free(context, 'insideServiceWindow')
        : charged(context, 'utilityInsideWindowCharged')
    case 'authentication':
    case 'authentication-international':
      return charged(context, 'authenticationAlwaysCharged')
  }
}

function conversationCategoryOf(message: OutgoingMessage): ConversationCategory {
  if (message.kind !== 'template') return 'service'
  return message.category === 'authentication-international' ? 'authentication' : message.category
}

function conversationBased(context: Context, policy: ConversationPolicy): PriceQuote {
  const { input } = context
  // A free entry point conversation closes the others and no new one opens while it lasts.
  if (input.freeEntryPoint) return free(context, 'freeEntryPoint')
  const open = (input.conversations ?? []).filter(
    (conversation) =>
      conversation.openedAt <= input.sentAt &&
      input.sentAt < conversation.openedAt + conversationMs,
  )
  const category = conversationCategoryOf(input.message)
  if (category !== 'service') {
    return open.some((conversation) => conversation.category === category)
      ? free(context, 'conversationAlreadyOpen')
      : charged(context, 'conversationOpened', category)
  }
  // Free-form messages open a service conversation only when no conversation of any kind is open.
  if (open.length > 0) return free(context, 'conversationAlreadyOpen')
  if (policy.serviceConversations === 'free') return free(context, 'serviceFree', 'service')
  const used = input.serviceAllowanceUsed ?? 0
  return used < policy.freeServiceConversationsPerMonth
    ? free(context, 'serviceAllowance', 'service')
    : charged(context, 'conversationOpened', 'service')
}

export function priceMessage(input: PriceMessageInput): PriceResult {
  const date = input.sendDate ?? utcDateOf(input.sentAt)
  const policy = policyOn(date, input.settings)
  const card = input.rateCard === undefined ? rateCardOn(date) : input.rateCard
  const rates = card?.ratesUsdMicros[input.recipient.market] ?? null
  const category = billedCategory(categoryOfMessage(input.message), rates)

  if (input.message.kind !== 'template' && !input.serviceWindowOpen) {
    return { outcome: 'refused', reason: 'outsideServiceWindow', category, policyId: policy.id }
  }
  const toUs = input.recipient.country?.toUpperCase() === 'US'
  if (category === 'marketing' && toUs && policy.marketingToUs === 'notDelivered') {
    return { outcome: 'refused', reason: 'noMarketingToUS', category, policyId: policy.id }
  }

  const context: Context = {
    input,
    category,
    rates,
    base: {
      outcome: 'quote',
      pricingModel: policy.model,
      policyId: policy.id,
      rateCardFrom: card?.effectiveFrom ?? null,
    },
  }
  return policy.model === 'CBP' ? conversationBased(context, policy) : perMessage(context, policy)
}
