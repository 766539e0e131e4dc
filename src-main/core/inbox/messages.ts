/**
 * Messages as the vault keeps them. What was written (text, caption, location, order...) is one
 * sealed JSON body; who, when, which way and the delivery status stay clear for sorting. A
 * message whose body does not open is reported with its conversation and left out of the view.
 */
import { statement } from '../store/statements'
import { newId } from '../ids'
import type { OpenShop } from '../vault/vault'

export type Direction = 'inbound' | 'outbound'

export interface NewMessage {
  conversationId: string
  direction: Direction
  kind: string
  /** The sealed part: whatever the message says, as JSON. */
  body: unknown
  status: string
  sentAt: number
  wamid?: string | null
  clientId?: string | null
  replyToWamid?: string | null
  templateName?: string | null
  category?: string | null
  fromAd?: boolean
  echo?: boolean
}

export interface Message extends Omit<NewMessage, 'body'> {
  id: string
  body: unknown
  statusAt: number
  errorCode: number | null
}

interface MessageRow {
  id: string
  conversation_id: string
  direction: Direction
  kind: string
  wamid: string | null
  client_id: string | null
  status: string
  status_at: number
  error_code: number | null
  reply_to_wamid: string | null
  template_name: string | null
  category: string | null
  from_ad: number
  echo: number
  body_sealed: Buffer | null
  sent_at: number
}

/** Seals a body for a message row; the bench swaps in a non-sealing one to measure the cost. */
export type BodySealer = (messageId: string, json: string) => Buffer

export function sealingBodies(shop: OpenShop): BodySealer {
  return (id, json) => shop.sealer.seal('messages', 'body', id, json)
}

/**
 * Inserts messages in one transaction and keeps each conversation's counters current.
 * Duplicates (the same wamid or client id again) are ignored, so replays are harmless.
 */
export function insertMessages(
  shop: Pick<OpenShop, 'db'>,
  messages: readonly NewMessage[],
  sealBody: BodySealer,
): string[] {
  const insert = statement(
    shop.db,
    `INSERT INTO messages (id, conversation_id, direction, kind, wamid, client_id, status, status_at,
       reply_to_wamid, template_name, category, from_ad, echo, body_sealed, sent_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  )
  const touch = statement(
    shop.db,
    `UPDATE conversations SET
       last_message_at = max(last_message_at, @lastAt),
       last_inbound_at = CASE WHEN @lastInboundAt IS NULL THEN last_inbound_at
         ELSE max(coalesce(last_inbound_at, 0), @lastInboundAt) END,
       unread_count = unread_count + (
         SELECT count(*) FROM json_each(@inboundTimes) WHERE value > read_up_to_at),
       archived_at = CASE WHEN @lastInboundAt IS NULL OR archived_at IS NULL THEN archived_at
         WHEN @lastInboundAt > archived_at THEN NULL ELSE archived_at END
     WHERE id = @conversationId`,
  )
  const ids: string[] = []
  shop.db.transaction(() => {
    // Counters are settled once per conversation, not once per message.
    const touched = new Map<string, { lastAt: number; inboundTimes: number[] }>()
    for (const message of messages) {
      // The id carries when Kedai recorded the message, not when it was sent: ids then grow in
      // insertion order and each insert appends to the index instead of splitting pages
      // (about a third faster on a 100,000-message import, npm run bench).
      const id = newId()
      const inserted = insert.run(
        id,
        message.conversationId,
        message.direction,
        message.kind,
        message.wamid ?? null,
        message.clientId ?? null,
        message.status,
        message.sentAt,
        message.replyToWamid ?? null,
        message.templateName ?? null,
        message.category ?? null,
        message.fromAd ? 1 : 0,
        message.echo ? 1 : 0,
        sealBody(id, JSON.stringify(message.body)),
        message.sentAt,
        message.sentAt,
      )
      if (inserted.changes === 0) continue
      ids.push(id)
      const entry = touched.get(message.conversationId) ?? { lastAt: 0, inboundTimes: [] }
      entry.lastAt = Math.max(entry.lastAt, message.sentAt)
      if (message.direction === 'inbound') entry.inboundTimes.push(message.sentAt)
      touched.set(message.conversationId, entry)
    }
    for (const [conversationId, entry] of touched) {
      touch.run({
        conversationId,
        lastAt: entry.lastAt,
        lastInboundAt: entry.inboundTimes.length > 0 ? Math.max(...entry.inboundTimes) : null,
        inboundTimes: JSON.stringify(entry.inboundTimes),
      })
    }
  })()
  return ids
}

/** The newest `limit` messages of a conversation, oldest first, tampered ones left out. */
export function listMessages(shop: OpenShop, conversationId: string, limit = 50): Message[] {
  const rows = statement(
    shop.db,
    `SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ? ORDER BY sent_at DESC, id DESC LIMIT ?)
       ORDER BY sent_at, id`,
  ).all(conversationId, limit) as MessageRow[]
  const messages: Message[] = []
  for (const row of rows) {
    const json = shop.open('messages', 'body', row.id, row.body_sealed, {
      conversationId: row.conversation_id,
      messageId: row.id,
    })
    if (json === null && row.body_sealed !== null) continue
    messages.push({
      id: row.id,
      conversationId: row.conversation_id,
      direction: row.direction,
      kind: row.kind,
      body: json === null ? null : (JSON.parse(json) as unknown),
      status: row.status,
      statusAt: row.status_at,
      errorCode: row.error_code,
      sentAt: row.sent_at,
      wamid: row.wamid,
      clientId: row.client_id,
      replyToWamid: row.reply_to_wamid,
      templateName: row.template_name,
      category: row.category,
      fromAd: row.from_ad === 1,
      echo: row.echo === 1,
    })
  }
  return messages
}
