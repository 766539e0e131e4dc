/** The owner's marks on a conversation: read up to now, pinned, archived. */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

function requireConversation(shop: OpenShop, conversationId: string): void {
  if (!statement(shop.db, 'SELECT 1 FROM conversations WHERE id = ?').get(conversationId)) {
    throw new BridgeFailure('NOT_FOUND', 'That conversation is not in this shop.')
  }
}

/**
 * Everything the customer wrote so far counts as read. Returns the newest customer message's
 * wamid, for the platform's read receipt (blue ticks on the customer's phone).
 */
export function markConversationRead(shop: OpenShop, conversationId: string): string | null {
  requireConversation(shop, conversationId)
  statement(
    shop.db,
    `UPDATE conversations SET read_up_to_at = max(read_up_to_at, coalesce(last_inbound_at, 0)),
       unread_count = 0 WHERE id = ?`,
  ).run(conversationId)
  const newest = statement(
    shop.db,
    `SELECT wamid FROM messages WHERE conversation_id = ? AND direction = 'inbound' AND echo = 0
     ORDER BY sent_at DESC LIMIT 1`,
  ).get(conversationId) as { wamid: string | null } | undefined
  return newest?.wamid ?? null
}

export function setPinned(
  shop: OpenShop,
  conversationId: string,
  pinned: boolean,
  at: number,
): void {
  requireConversation(shop, conversationId)
  statement(shop.db, 'UPDATE conversations SET pinned_at = ? WHERE id = ?').run(
    pinned ? at : null,
    conversationId,
  )
}

export function setArchived(
  shop: OpenShop,
  conversationId: string,
  archived: boolean,
  at: number,
): void {
  requireConversation(shop, conversationId)
  statement(shop.db, 'UPDATE conversations SET archived_at = ? WHERE id = ?').run(
    archived ? at : null,
    conversationId,
  )
}
