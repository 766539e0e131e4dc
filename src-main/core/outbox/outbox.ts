/**
 * The outbox: a reply is written and queued in one transaction, with a client id (ULID) from
 * birth, so it survives a crash or a restart and is never sent twice: the relay calls the
 * platform at most once per client id, so handing it the same id again is always safe.
 */
import type { MessageContent } from '../../../src-shared/whatsapp'
import type { SentTemplateContent } from '../../../src-shared/inbox/sent-template'
import type { SendOutcome } from '../../../src-shared/relay/device-protocol'
import { advanceStatus, isOutboundStatus } from '../../../src-shared/inbox/delivery-status'
import { confirmCharge } from '../costs/confirm-charge'
import { appendLedgerEntry } from '../costs/ledger'
import type { BillingCategory } from '../../../src-shared/pricing'
import { newId } from '../ids'
import { insertMessages, sealingBodies } from '../inbox/messages'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

export type OutboxState = 'queued' | 'sending' | 'sent' | 'unknown' | 'failed'

export interface QueuedReply {
  messageId: string
  clientId: string
}

/** Kedai's price for a message being queued: written to the ledger with the message. */
export interface QueuedEstimate {
  category: BillingCategory
  market: string
  charged: boolean
  /** 0 when free, or when charged at a rate the card does not know. */
  usdMicros: number
  /** `priceMessage`'s reason: why it is free or charged. */
  reason: string
  /** Sent past a used-up budget on the owner's explicit word. */
  overrideBudget?: boolean
}

export function queueReply(
  shop: OpenShop,
  reply: {
    conversationId: string
    content: MessageContent | SentTemplateContent
    replyToWamid?: string | null
    at: number
    /** Template messages: the template's name and the category billed at send time. */
    templateName?: string | null
    estimate?: QueuedEstimate
  },
): QueuedReply {
  const clientId = newId(reply.at)
  let messageId = ''
  shop.db.transaction(() => {
    ;[messageId] = insertMessages(
      shop,
      [
        {
          conversationId: reply.conversationId,
          direction: 'outbound',
          kind: reply.content.type,
          body: reply.content,
          status: 'queued',
          sentAt: reply.at,
          clientId,
          replyToWamid: reply.replyToWamid ?? null,
          templateName: reply.templateName ?? null,
          category: reply.estimate?.category ?? null,
        },
      ],
      sealingBodies(shop),
    ) as [string]
    const estimate = reply.estimate
    if (estimate) {
      const entry = {
        messageId,
        clientId,
        category: estimate.category,
        market: estimate.market,
        charged: estimate.charged,
        usdMicros: estimate.usdMicros,
        at: reply.at,
      }
      if (estimate.overrideBudget) {
        appendLedgerEntry(shop, { ...entry, entry: 'override', reason: 'budgetExceeded' })
      }
      appendLedgerEntry(shop, { ...entry, entry: 'estimate', reason: estimate.reason })
    }
    statement(
      shop.db,
      `INSERT INTO outbox (client_id, message_id, conversation_id, state, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, 'queued', ?, ?, ?)`,
    ).run(clientId, messageId, reply.conversationId, reply.at, reply.at, reply.at)
  })()
  return { messageId, clientId }
}

export interface DueSend {
  clientId: string
  messageId: string
  conversationId: string
  state: OutboxState
  attempts: number
}

/** Sends waiting for the relay (queued, or unsettled), oldest first, so each conversation keeps its order. */
export function dueSends(shop: OpenShop, now: number, limit = 50): DueSend[] {
  return statement(
    shop.db,
    `SELECT client_id AS clientId, message_id AS messageId, conversation_id AS conversationId,
       state, attempts FROM outbox
     WHERE state IN ('queued', 'sending', 'unknown') AND next_attempt_at <= ?
     ORDER BY created_at, client_id LIMIT ?`,
  ).all(now, limit) as DueSend[]
}

export function countWaiting(shop: OpenShop): number {
  return (
    statement(
      shop.db,
      "SELECT count(*) AS n FROM outbox WHERE state IN ('queued', 'sending', 'unknown')",
    ).get() as {
      n: number
    }
  ).n
}

/** The relay could not be reached: try this one again later, with backoff. */
export function postpone(shop: OpenShop, clientId: string, now: number): void {
  const row = statement(shop.db, 'SELECT attempts FROM outbox WHERE client_id = ?').get(
    clientId,
  ) as { attempts: number } | undefined
  const attempts = (row?.attempts ?? 0) + 1
  const delayMs = Math.min(60_000, 1_000 * 2 ** Math.min(attempts, 6))
  statement(
    shop.db,
    `UPDATE outbox SET attempts = ?, next_attempt_at = ?, updated_at = ? WHERE client_id = ?`,
  ).run(attempts, now + delayMs, now, clientId)
}

/** Records what the relay said; returns the conversation whose view changed, if any. */
export function recordOutcome(shop: OpenShop, outcome: SendOutcome, now: number): string | null {
  const send = statement(
    shop.db,
    'SELECT message_id AS messageId, conversation_id AS conversationId FROM outbox WHERE client_id = ?',
  ).get(outcome.clientId) as { messageId: string; conversationId: string } | undefined
  if (!send) return null
  const message = statement(shop.db, 'SELECT status FROM messages WHERE id = ?').get(
    send.messageId,
  ) as { status: string } | undefined
  const current = message && isOutboundStatus(message.status) ? message.status : 'queued'
  shop.db.transaction(() => {
    switch (outcome.state) {
      case 'pending':
        // The relay holds it (pacing a rate limit); ask again a little later.
        statement(
          shop.db,
          `UPDATE outbox SET state = 'sending', next_attempt_at = ?, updated_at = ? WHERE client_id = ?`,
        ).run(now + 5_000, now, outcome.clientId)
        break
      case 'unknown':
        // The platform's answer was lost: never resend; a status webhook settles it.
        statement(
          shop.db,
          `UPDATE outbox SET state = 'unknown', next_attempt_at = ?, updated_at = ? WHERE client_id = ?`,
        ).run(now + 30_000, now, outcome.clientId)
        statement(shop.db, 'UPDATE messages SET status = ?, status_at = ? WHERE id = ?').run(
          advanceStatus(current, 'unknown'),
          now,
          send.messageId,
        )
        break
      case 'sent':
        statement(
          shop.db,
          `UPDATE outbox SET state = 'sent', updated_at = ? WHERE client_id = ?`,
        ).run(now, outcome.clientId)
        statement(
          shop.db,
          'UPDATE messages SET status = ?, status_at = ?, wamid = coalesce(wamid, ?) WHERE id = ?',
        ).run(advanceStatus(current, 'sent'), now, outcome.wamid, send.messageId)
        break
      case 'failed':
        statement(
          shop.db,
          `UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ? WHERE client_id = ?`,
        ).run(JSON.stringify(outcome.error), now, outcome.clientId)
        statement(
          shop.db,
          `UPDATE messages SET status = ?, status_at = ?, wamid = coalesce(wamid, ?),
             error_code = ? WHERE id = ?`,
        ).run(
          advanceStatus(current, 'failed'),
          now,
          outcome.wamid ?? null,
          typeof outcome.error.code === 'number' ? outcome.error.code : null,
          send.messageId,
        )
        // The platform refused it: a failed message costs nothing.
        confirmCharge(shop, { messageId: send.messageId, status: 'failed', at: now, pricing: null })
        break
    }
  })()
  return send.conversationId
}
