/**
 * The platform's verdict on a message, from its status webhooks: the `pricing` object's type
 * (charged or free, and why) and category win over Kedai's estimate; a failed message costs
 * nothing. Written as a new confirmation entry only when it changes what the message cost, so
 * replayed webhooks (sent, delivered and read each carry `pricing`) add nothing.
 */
import { isMarketId } from '../../../src-shared/markets'
import {
  type BillingCategory,
  type StatusPricingFields,
  chargeFromStatusPricing,
  policyOn,
  rateCardOn,
  rateOf,
  utcDateOf,
} from '../../../src-shared/pricing'
import { createHash } from 'node:crypto'
import { newId } from '../ids'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'
import { readCostSettings, rateCardsInUse } from './cost-settings-store'
import { appendLedgerEntry, entriesOfMessage } from './ledger'

export interface StatusVerdict {
  messageId: string
  status: string
  at: number
  pricing: (StatusPricingFields & { pricingModel?: string | null }) | null
  /** The conversation-based era's conversation: charged once, whatever its messages say. */
  conversationId?: string | null
}

/** Price of a charged message in its market on the day it was sent; null when not known. */
function listPrice(
  shop: OpenShop,
  category: BillingCategory,
  market: string | null,
  sentAt: number,
  model: string | null | undefined,
): number | null {
  if (!market || !isMarketId(market)) return null
  const date = utcDateOf(sentAt)
  const card = rateCardOn(date, rateCardsInUse(readCostSettings(shop)))
  const pricingModel = model === 'CBP' || model === 'PMP' ? model : policyOn(date).model
  return rateOf(category, card?.ratesUsdMicros[market] ?? null, pricingModel)
}

/** Records the platform's verdict; true when the ledger changed. */
export function confirmCharge(shop: OpenShop, verdict: StatusVerdict): boolean {
  const entries = entriesOfMessage(shop, verdict.messageId)
  const confirmations = entries.filter((entry) => entry.entry === 'confirmation')
  // Failed is final: nothing the platform says later makes the message cost money.
  if (confirmations.some((entry) => entry.reason === 'failed')) return false
  const estimate = entries.find((entry) => entry.entry === 'estimate')
  const message = statement(
    shop.db,
    `SELECT m.sent_at, m.client_id, m.wamid, m.status, cu.market FROM messages m
     JOIN conversations c ON c.id = m.conversation_id JOIN customers cu ON cu.id = c.customer_id
     WHERE m.id = ?`,
  ).get(verdict.messageId) as
    | {
        sent_at: number
        client_id: string | null
        wamid: string | null
        status: string
        market: string | null
      }
    | undefined
  if (!message) return false
  const market = estimate?.market ?? message.market

  let next: {
    category: BillingCategory | null
    charged: boolean
    usdMicros: number
    reason: string
  }
  // A failure reported after the customer read the message is stale: the message stands.
  if (verdict.status === 'failed' && message.status === 'failed') {
    next = { category: estimate?.category ?? null, charged: false, usdMicros: 0, reason: 'failed' }
  } else if (verdict.pricing && verdict.status !== 'failed') {
    const charge = chargeFromStatusPricing(verdict.pricing)
    if (charge.charged === null) return false
    const category = charge.category ?? estimate?.category ?? null
    let charged = charge.charged
    let reason = verdict.pricing.type ?? (charged ? 'billable' : 'notBillable')
    // Conversation-based pricing marks every message of a paid conversation billable; the
    // conversation is paid once.
    if (charged && verdict.pricing.pricingModel === 'CBP' && verdict.conversationId) {
      reason = `conversation:${verdict.conversationId}`
      const paid = statement(
        shop.db,
        `SELECT 1 FROM ledger WHERE entry = 'confirmation' AND reason = ? AND charged = 1
           AND message_id != ? LIMIT 1`,
      ).get(reason, verdict.messageId)
      if (paid) charged = false
    }
    let usdMicros = 0
    if (charged && category) {
      const price = listPrice(shop, category, market, message.sent_at, verdict.pricing.pricingModel)
      if (price === null) reason = `${reason}:rateUnknown`
      usdMicros = price ?? 0
    }
    next = { category, charged, usdMicros, reason }
  } else {
    return false
  }

  const latest = confirmations.at(-1)
  if (
    latest &&
    latest.charged === next.charged &&
    latest.category === next.category &&
    latest.usdMicros === next.usdMicros &&
    latest.reason === next.reason
  ) {
    return false
  }
  appendLedgerEntry(
    shop,
    {
      messageId: verdict.messageId,
      clientId: message.client_id,
      entry: 'confirmation',
      category: next.category,
      market,
      charged: next.charged,
      usdMicros: next.usdMicros,
      reason: next.reason,
      at: verdict.at,
    },
    confirmationId(message.client_id ?? message.wamid ?? verdict.messageId, verdict.at, next),
  )
  return true
}

const base32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * Every device derives confirmations from the same statuses: the id is the status time (so
 * entries still sort by time, like any ledger id) and a digest of the message and the verdict,
 * so the same confirmation has the same id on every device.
 */
function confirmationId(
  message: string,
  at: number,
  verdict: { category: string | null; charged: boolean; usdMicros: number; reason: string },
): string {
  const digest = createHash('sha256')
    .update(
      [message, verdict.category, verdict.charged, verdict.usdMicros, verdict.reason].join('|'),
    )
    .digest()
  let tail = ''
  for (let i = 0; i < 16; i++) tail += base32[digest[i]! % 32]!
  return newId(at).slice(0, 10) + tail
}
