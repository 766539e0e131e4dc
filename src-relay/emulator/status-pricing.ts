/**
 * What a message the shop sent costs, as the platform would say in its status webhooks. The
 * rules are Kedai's shared ones (src-shared/pricing with the dated policy and rate card in force,
 * src-shared/windows from the conversation's history, src-shared/markets for the recipient), so
 * the emulator and the desktop's meter can never disagree by having two copies of them. A
 * message the rules say cannot be delivered gets the error the platform gives for it.
 */
import { recipientOf } from '../../src-shared/markets'
import {
  priceMessage,
  type OutgoingMessage,
  type PriceQuote,
  type PricingSettings,
} from '../../src-shared/pricing'
import { freeEntryPointAt, serviceWindowAt, type WindowMessage } from '../../src-shared/windows'
import type { WirePricing } from './wire-payloads'

export interface StatusPricingInput {
  waId: string
  message: OutgoingMessage
  /** The conversation before this message. */
  history: readonly WindowMessage[]
  at: number
  /** This month's service messages already priced (counts against a free allowance). */
  serviceAllowanceUsed: number
  settings?: PricingSettings
}

export type StatusPricing =
  | { deliverable: true; pricing: WirePricing; quote: PriceQuote; countsAsService: boolean }
  | { deliverable: false; errorCode: 131047 | 131049 }

function wireType(quote: PriceQuote): WirePricing['type'] {
  if (quote.charged) return 'regular'
  return quote.reason === 'freeEntryPoint' ? 'free_entry_point' : 'free_customer_service'
}

export function statusPricing(input: StatusPricingInput): StatusPricing {
  const recipient = recipientOf({ phone: input.waId })
  const result = priceMessage({
    message: input.message,
    recipient: { market: recipient.market, country: recipient.country },
    sentAt: input.at,
    serviceWindowOpen: serviceWindowAt(input.history, input.at).open,
    freeEntryPoint: freeEntryPointAt(input.history, input.at).nextMessageFree,
    serviceAllowanceUsed: input.serviceAllowanceUsed,
    settings: input.settings,
  })
  if (result.outcome === 'refused') {
    // Free-form outside the window: 131047. Marketing to a US number: not delivered, 131049.
    return {
      deliverable: false,
      errorCode: result.reason === 'outsideServiceWindow' ? 131047 : 131049,
    }
  }
  return {
    deliverable: true,
    quote: result,
    countsAsService: result.reason === 'serviceAllowance' || result.reason === 'serviceCharged',
    pricing: {
      billable: result.charged,
      pricing_model: result.pricingModel,
      type: wireType(result),
      category: result.category,
    },
  }
}
