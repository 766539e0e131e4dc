/**
 * The price of the next message the shop sends in a conversation, from what the vault knows at
 * `now`: the customer's market, both windows from the conversation's history, this month's use of
 * the free service allowance and the owner's settings and rate cards.
 */
import type { CostSettings } from '../../../src-shared/costs/cost-settings'
import { isMarketId, type MarketId } from '../../../src-shared/markets'
import {
  type OutgoingMessage,
  type PriceResult,
  priceMessage,
  rateCardOn,
  utcDateOf,
} from '../../../src-shared/pricing'
import {
  freeEntryPointAt,
  serviceWindowAt,
  serviceWindowMs,
  type WindowMessage,
} from '../../../src-shared/windows'
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'
import { readCostSettings, rateCardsInUse } from './cost-settings-store'
import { settledTotals } from './ledger'
import { monthKeyOf, monthPeriod } from './periods'

export interface PricedMessage {
  result: PriceResult
  customerId: string
  market: MarketId
  country: string | null
  optedOutAt: number | null
  settings: CostSettings
}

interface ConversationFacts {
  customer_id: string
  market: string | null
  country: string | null
  opted_out_at: number | null
}

/** Enough history for both windows: an ad's customer may wait 24 h, then the free window runs 72 h. */
const historyMs = 4 * serviceWindowMs

function windowHistory(shop: OpenShop, conversationId: string, now: number): WindowMessage[] {
  const rows = statement(
    shop.db,
    `SELECT direction, sent_at, from_ad, echo FROM messages
     WHERE conversation_id = ? AND sent_at >= ? AND status != 'failed'`,
  ).all(conversationId, now - historyMs) as {
    direction: 'inbound' | 'outbound'
    sent_at: number
    from_ad: number
    echo: number
  }[]
  return rows.map((row) => ({
    direction: row.direction,
    at: row.sent_at,
    referral: row.from_ad === 1,
    echo: row.echo === 1,
  }))
}

/** Service messages that used the month's free allowance or were charged past it. */
function serviceAllowanceUsed(shop: OpenShop, now: number): number {
  const month = monthPeriod(monthKeyOf(now))
  return settledTotals(shop, month, month).serviceAllowanceUsed
}

export function priceNextMessage(
  shop: OpenShop,
  conversationId: string,
  message: OutgoingMessage,
  now: number,
): PricedMessage {
  const facts = statement(
    shop.db,
    `SELECT c.customer_id, cu.market, cu.country, cu.opted_out_at
     FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?`,
  ).get(conversationId) as ConversationFacts | undefined
  if (!facts) throw new BridgeFailure('NOT_FOUND', 'That conversation is not in this shop.')
  const settings = readCostSettings(shop)
  const market: MarketId = facts.market && isMarketId(facts.market) ? facts.market : 'other'
  const history = windowHistory(shop, conversationId, now)
  const result = priceMessage({
    message,
    recipient: { market, country: facts.country },
    sentAt: now,
    serviceWindowOpen: serviceWindowAt(history, now).open,
    freeEntryPoint: freeEntryPointAt(history, now).nextMessageFree,
    settings: settings.pricing,
    rateCard: rateCardOn(utcDateOf(now), rateCardsInUse(settings)),
    serviceAllowanceUsed: serviceAllowanceUsed(shop, now),
  })
  return {
    result,
    customerId: facts.customer_id,
    market,
    country: facts.country,
    optedOutAt: facts.opted_out_at,
    settings,
  }
}
