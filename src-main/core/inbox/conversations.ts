/** One conversation per customer; its ordering and counters stay in clear columns for sorting. */
import { statement } from '../store/statements'
import { newId } from '../ids'
import type { OpenShop } from '../vault/vault'

export function ensureConversation(shop: OpenShop, customerId: string, at: number): string {
  const existing = statement(shop.db, 'SELECT id FROM conversations WHERE customer_id = ?').get(
    customerId,
  ) as { id: string } | undefined
  if (existing) return existing.id
  const id = newId()
  statement(
    shop.db,
    'INSERT INTO conversations (id, customer_id, last_message_at, created_at) VALUES (?, ?, ?, ?)',
  ).run(id, customerId, at, at)
  return id
}

export interface ConversationSummary {
  id: string
  customerId: string
  lastMessageAt: number
  lastInboundAt: number | null
  unreadCount: number
  pinnedAt: number | null
  archivedAt: number | null
}

export function listConversations(shop: OpenShop, limit = 100): ConversationSummary[] {
  return statement(
    shop.db,
    `SELECT id, customer_id AS customerId, last_message_at AS lastMessageAt,
         last_inbound_at AS lastInboundAt, unread_count AS unreadCount, pinned_at AS pinnedAt,
         archived_at AS archivedAt
       FROM conversations ORDER BY pinned_at IS NULL, pinned_at DESC, last_message_at DESC LIMIT ?`,
  ).all(limit) as ConversationSummary[]
}
