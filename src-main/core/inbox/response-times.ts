/**
 * How fast the shop answers, read from the clear columns of messages (direction, time, status):
 * nothing sealed is opened. The rule itself is src-shared/inbox/response-time.ts.
 */
import {
  type ResponseMessage,
  medianResponseMs,
  responseTimes,
} from '../../../src-shared/inbox/response-time'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

/** A customer who waited longer than this before a reply in the day is not looked back for. */
const lookBackMs = 30 * 24 * 60 * 60 * 1000

interface Row {
  conversationId: string
  direction: 'inbound' | 'outbound'
  sentAt: number
  status: string
}

const asResponseMessage = (row: Row): ResponseMessage => ({
  direction: row.direction,
  at: row.sentAt,
  failed: row.status === 'failed',
})

export interface ConversationFacts {
  messageCount: number
  latestResponseMs: number | null
  waitingSince: number | null
}

export function conversationFacts(shop: OpenShop, conversationId: string): ConversationFacts {
  const rows = statement(
    shop.db,
    `SELECT conversation_id AS conversationId, direction, sent_at AS sentAt, status
       FROM messages WHERE conversation_id = ? ORDER BY sent_at`,
  ).all(conversationId) as Row[]
  const times = responseTimes(rows.map(asResponseMessage))
  return {
    messageCount: rows.length,
    latestResponseMs: times.responses.at(-1)?.ms ?? null,
    waitingSince: times.waitingSince,
  }
}

/** The median over replies sent in [from, to), from conversations the shop answered then. */
export function shopResponseTimes(
  shop: OpenShop,
  from: number,
  to: number,
): { medianMs: number | null; count: number } {
  const rows = statement(
    shop.db,
    `SELECT conversation_id AS conversationId, direction, sent_at AS sentAt, status
       FROM messages
       WHERE conversation_id IN (
           SELECT DISTINCT conversation_id FROM messages
           WHERE direction = 'outbound' AND sent_at >= ? AND sent_at < ?)
         AND sent_at >= ? AND sent_at < ?
       ORDER BY conversation_id, sent_at`,
  ).all(from, to, from - lookBackMs, to) as Row[]
  const byConversation = new Map<string, ResponseMessage[]>()
  for (const row of rows) {
    const messages = byConversation.get(row.conversationId)
    if (messages) messages.push(asResponseMessage(row))
    else byConversation.set(row.conversationId, [asResponseMessage(row)])
  }
  return medianResponseMs(byConversation.values(), from, to)
}
