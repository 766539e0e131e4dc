/**
 * From a price to what the outbox writes: the ledger estimate of a message being queued, after
 * the budget has had its say.
 */
import type { PriceQuote } from '../../../src-shared/pricing'
import type { OpenShop } from '../vault/vault'
import type { QueuedEstimate } from '../outbox/outbox'
import { guardBudget } from './budget-guard'

export function estimateForQueue(
  shop: OpenShop,
  quote: PriceQuote,
  market: string,
  now: number,
  overrideBudget: boolean,
): QueuedEstimate {
  const override = guardBudget(shop, quote, now, overrideBudget)
  return {
    category: quote.category,
    market,
    charged: quote.charged,
    usdMicros: quote.usdMicros ?? 0,
    reason: quote.usdMicros === null ? `${quote.reason}:rateUnknown` : quote.reason,
    overrideBudget: override,
  }
}
