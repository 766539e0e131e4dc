/**
 * A reply written on this device as the `outbound` fact the shop's other devices insert: the
 * message (customer by sync id, content, time, what it answers, template and category) and its
 * ledger entries, estimate and any budget override, under their own ids, so every device's
 * ledger holds the same entries and the meter the same sums. Read back from the rows the reply's
 * transaction just wrote, so the fact says exactly what this device stored.
 */
import type { JsonValue } from '../../../src-shared/sync/canonical-json'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

export interface FactLedgerEntry {
  id: string
  entry: 'estimate' | 'override'
  category: string | null
  market: string | null
  charged: boolean
  usdMicros: number
  reason: string | null
  at: number
}

/** The shape of an `outbound` fact (see src-shared/sync/operation.ts). */
export interface OutboundFact {
  customer: string
  content: JsonValue
  at: number
  replyToWamid: string | null
  templateName?: string | null
  category?: string | null
  ledger?: FactLedgerEntry[]
}

/** The reply `clientId` as a fact, or null when it is not here (or its body does not open). */
export function replyFact(
  shop: OpenShop,
  clientId: string,
  customerSyncId: (customerId: string) => string | null,
): OutboundFact | null {
  const message = statement(
    shop.db,
    `SELECT m.id, m.conversation_id, m.body_sealed, m.sent_at, m.reply_to_wamid, m.template_name,
       m.category, c.customer_id
     FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.client_id = ?`,
  ).get(clientId) as
    | {
        id: string
        conversation_id: string
        body_sealed: Buffer | null
        sent_at: number
        reply_to_wamid: string | null
        template_name: string | null
        category: string | null
        customer_id: string
      }
    | undefined
  if (!message) return null
  const customer = customerSyncId(message.customer_id)
  const json = shop.open('messages', 'body', message.id, message.body_sealed, {
    conversationId: message.conversation_id,
    messageId: message.id,
  })
  if (!customer || json === null) return null
  const ledger = (
    statement(
      shop.db,
      `SELECT id, entry, category, market, charged, usd_micros, reason, at FROM ledger
       WHERE client_id = ? AND entry IN ('estimate', 'override') ORDER BY id`,
    ).all(clientId) as {
      id: string
      entry: 'estimate' | 'override'
      category: string | null
      market: string | null
      charged: number
      usd_micros: number
      reason: string | null
      at: number
    }[]
  ).map((row) => ({
    id: row.id,
    entry: row.entry,
    category: row.category,
    market: row.market,
    charged: row.charged === 1,
    usdMicros: row.usd_micros,
    reason: row.reason,
    at: row.at,
  }))
  return {
    customer,
    content: JSON.parse(json) as JsonValue,
    at: message.sent_at,
    replyToWamid: message.reply_to_wamid,
    templateName: message.template_name,
    category: message.category,
    ledger,
  }
}
