/** The price line the composer and the template picker show before sending. */
import type { MessagePrice } from '../../../src-shared/costs/cost-views'
import type { OutgoingMessage } from '../../../src-shared/pricing'
import type { OpenShop } from '../vault/vault'
import { budgetBlocks } from './budget-guard'
import { toShopMinor } from './meter'
import { priceNextMessage } from './price-next-message'

export function messagePrice(
  shop: OpenShop,
  conversationId: string,
  message: OutgoingMessage,
  now: number,
): MessagePrice {
  const priced = priceNextMessage(shop, conversationId, message, now)
  const { result, settings } = priced
  const base = {
    market: priced.market,
    country: priced.country,
    currency: settings.currency,
    category: result.category,
    reason: result.reason,
  }
  if (result.outcome === 'refused') {
    return {
      ...base,
      outcome: 'refused',
      charged: false,
      usdMicros: null,
      minor: null,
      blockedByBudget: false,
    }
  }
  return {
    ...base,
    outcome: 'quote',
    charged: result.charged,
    usdMicros: result.usdMicros,
    minor: result.usdMicros === null ? null : toShopMinor(result.usdMicros, settings),
    blockedByBudget: budgetBlocks(shop, result, now),
  }
}
