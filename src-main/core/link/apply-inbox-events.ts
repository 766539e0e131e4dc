/**
 * Writes what the relay delivered into the vault: customers' messages, replies typed in the
 * phone app, and delivery statuses. Every step is idempotent (messages by wamid, statuses only
 * forward), so the same item applied twice, or statuses out of order, change nothing.
 */
import { z } from 'zod'
import { advanceStatus, isOutboundStatus } from '../../../src-shared/inbox/delivery-status'
import { recipientOf } from '../../../src-shared/markets'
import type { MessageContent, WebhookEvent } from '../../../src-shared/whatsapp'
import { ensureConversation } from '../inbox/conversations'
import { upsertCustomer } from '../inbox/customers'
import { insertMessages, sealingBodies } from '../inbox/messages'
import { confirmCharge } from '../costs/confirm-charge'
import { createLogger } from '../logger'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

const log = createLogger('inbox-events')

// The relay runs the same parser, but it is another machine: check what core relies on.
const customerShape = z.object({
  waId: z.string().nullable(),
  userId: z.string().nullable(),
  name: z.string().nullable(),
})
const messageShape = z.object({
  kind: z.literal('message'),
  wamid: z.string().min(1),
  sentAt: z.number(),
  customer: customerShape,
  content: z.object({ type: z.string() }).loose(),
  replyTo: z.object({ wamid: z.string() }).loose().nullable(),
  referral: z
    .object({ headline: z.string().nullable(), sourceUrl: z.string().nullable() })
    .loose()
    .nullable(),
})
const echoShape = z.object({
  kind: z.literal('messageEcho'),
  wamid: z.string().min(1),
  sentAt: z.number(),
  customer: customerShape,
  content: z.object({ type: z.string() }).loose(),
})
const statusShape = z.object({
  kind: z.literal('status'),
  wamid: z.string().min(1),
  status: z.string(),
  statusAt: z.number(),
  errors: z.array(z.object({ code: z.number() }).loose()),
  bizOpaqueCallbackData: z.string().nullable(),
  // What the platform says the message cost (see costs/confirm-charge.ts).
  pricing: z
    .object({
      pricingModel: z.string().nullable().optional(),
      type: z.string().nullable().optional(),
      category: z.string().nullable().optional(),
      billable: z.boolean().nullable().optional(),
    })
    .loose()
    .nullable()
    .optional(),
  conversation: z.object({ id: z.string() }).loose().nullable().optional(),
})

/** Words a customer uses to stop promotions (domain.md section 3). */
const optOutWords = new Set([
  'stop',
  'berhenti',
  'unsubscribe',
  'stop promotions',
  'berhenti promosi',
])

function saysStop(content: MessageContent | { type: string }): boolean {
  const text =
    content.type === 'text'
      ? (content as { body: string }).body
      : content.type === 'templateButton'
        ? (content as { text: string }).text
        : null
  return (
    text !== null &&
    optOutWords.has(
      text
        .trim()
        .toLowerCase()
        .replace(/[.!]+$/, ''),
    )
  )
}

export interface AppliedEvents {
  conversationIds: Set<string>
  /** New messages from customers (not replays, not the shop's own echoes), for notifications. */
  customerMessages: { conversationId: string; messageId: string; sentAt: number }[]
  messages: number
  statuses: number
  /** Confirmations written to the ledger. */
  confirmations: number
}

function conversationFor(
  shop: OpenShop,
  customer: z.infer<typeof customerShape>,
  at: number,
): { customerId: string; conversationId: string } | null {
  if (!customer.waId && !customer.userId) return null
  const { market, country } = recipientOf({
    phone: customer.waId ? `+${customer.waId}` : null,
    userId: customer.userId,
  })
  const customerId = upsertCustomer(shop, {
    waId: customer.waId,
    userId: customer.userId,
    profileName: customer.name,
    country,
    market,
    at,
  })
  return { customerId, conversationId: ensureConversation(shop, customerId, at) }
}

export function applyInboxEvents(shop: OpenShop, events: readonly unknown[]): AppliedEvents {
  const applied: AppliedEvents = {
    conversationIds: new Set(),
    customerMessages: [],
    messages: 0,
    statuses: 0,
    confirmations: 0,
  }
  const bodies = sealingBodies(shop)
  for (const raw of events) {
    const kind = (raw as Partial<WebhookEvent> | null)?.kind
    if (kind === 'message') {
      const event = messageShape.safeParse(raw)
      if (!event.success) {
        log.warn('skipped a message event of an unexpected shape')
        continue
      }
      const { customer, wamid, sentAt, content, replyTo, referral } = event.data
      const where = conversationFor(shop, customer, sentAt)
      if (!where) continue
      const body = referral
        ? { ...content, referral: { headline: referral.headline, sourceUrl: referral.sourceUrl } }
        : content
      const written = insertMessages(
        shop,
        [
          {
            conversationId: where.conversationId,
            direction: 'inbound',
            kind: content.type,
            body,
            status: 'received',
            sentAt,
            wamid,
            replyToWamid: replyTo?.wamid ?? null,
            fromAd: referral !== null,
          },
        ],
        bodies,
      )
      if (written.length > 0) {
        applied.messages++
        applied.conversationIds.add(where.conversationId)
        applied.customerMessages.push({
          conversationId: where.conversationId,
          messageId: written[0]!,
          sentAt,
        })
        if (saysStop(content)) {
          statement(
            shop.db,
            'UPDATE customers SET opted_out_at = coalesce(opted_out_at, ?) WHERE id = ?',
          ).run(sentAt, where.customerId)
        }
      }
    } else if (kind === 'messageEcho') {
      const event = echoShape.safeParse(raw)
      if (!event.success) continue
      const where = conversationFor(shop, event.data.customer, event.data.sentAt)
      if (!where) continue
      const written = insertMessages(
        shop,
        [
          {
            conversationId: where.conversationId,
            direction: 'outbound',
            kind: event.data.content.type,
            body: event.data.content,
            status: 'sent',
            sentAt: event.data.sentAt,
            wamid: event.data.wamid,
            echo: true,
          },
        ],
        bodies,
      )
      if (written.length > 0) {
        applied.messages++
        applied.conversationIds.add(where.conversationId)
      }
    } else if (kind === 'status') {
      const event = statusShape.safeParse(raw)
      if (!event.success || !isOutboundStatus(event.data.status)) continue
      const status = event.data
      // One transaction: a status and the ledger's confirmation land together or not at all.
      shop.db.transaction(() => {
        const result = applyStatusAndCharge(shop, status)
        if (!result) return
        if (result.changed) applied.statuses++
        if (result.confirmed) applied.confirmations++
        if (result.changed || result.confirmed) applied.conversationIds.add(result.conversationId)
      })()
    }
    // Template, quality and account events are read by the features that own them.
  }
  return applied
}

type StatusEvent = z.infer<typeof statusShape>

/** A status and the ledger's confirmation from its pricing, together. */
function applyStatusAndCharge(
  shop: OpenShop,
  status: StatusEvent,
): { conversationId: string; changed: boolean; confirmed: boolean } | null {
  const result = applyStatus(shop, status)
  if (!result) return null
  const confirmed = confirmCharge(shop, {
    messageId: result.messageId,
    status: status.status,
    at: status.statusAt,
    pricing: status.pricing ?? null,
    conversationId: status.conversation?.id ?? null,
  })
  return { conversationId: result.conversationId, changed: result.changed, confirmed }
}

function applyStatus(
  shop: OpenShop,
  event: StatusEvent,
): { conversationId: string; messageId: string; changed: boolean } | null {
  const row = statement(
    shop.db,
    `SELECT id, conversation_id, status, status_at, wamid FROM messages
     WHERE wamid = ? OR (client_id IS NOT NULL AND client_id = ?) LIMIT 1`,
  ).get(event.wamid, event.bizOpaqueCallbackData) as
    | {
        id: string
        conversation_id: string
        status: string
        status_at: number
        wamid: string | null
      }
    | undefined
  if (!row && event.bizOpaqueCallbackData) {
    // Another device's reply whose fact has not reached this device yet: kept for it.
    statement(
      shop.db,
      `INSERT OR IGNORE INTO early_statuses (client_id, status, event)
       VALUES (?, ?, ?)`,
    ).run(event.bizOpaqueCallbackData, event.status, JSON.stringify(event))
    return null
  }
  if (!row || !isOutboundStatus(row.status) || !isOutboundStatus(event.status)) return null
  const next = advanceStatus(row.status, event.status)
  const found = { conversationId: row.conversation_id, messageId: row.id }
  if (next === row.status && row.wamid) return { ...found, changed: false }
  statement(
    shop.db,
    `UPDATE messages SET status = ?, status_at = max(status_at, ?), wamid = coalesce(wamid, ?),
       error_code = CASE WHEN ? = 'failed' THEN ? ELSE error_code END
     WHERE id = ?`,
  ).run(next, event.statusAt, event.wamid, next, event.errors[0]?.code ?? null, row.id)
  return { ...found, changed: true }
}

/** Plays the statuses (and their prices) that arrived before the reply `clientId` onto it. */
export function applyEarlyStatuses(shop: OpenShop, clientId: string): void {
  const early = statement(
    shop.db,
    'SELECT event FROM early_statuses WHERE client_id = ? ORDER BY rowid',
  ).all(clientId) as { event: string }[]
  if (early.length === 0) return
  statement(shop.db, 'DELETE FROM early_statuses WHERE client_id = ?').run(clientId)
  for (const row of early) {
    const event = statusShape.safeParse(JSON.parse(row.event))
    if (event.success) applyStatusAndCharge(shop, event.data)
  }
}
