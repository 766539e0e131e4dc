/**
 * The owner's marks on a conversation: read up to now, pinned, archived (the customer's name is
 * customer-name.ts). Each is an edit other devices of the shop see too: it is recorded as an
 * operation on the customer (src-main/core/sync) and written to the tables by the same merge that
 * applies other devices' edits, in one transaction.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { statement } from '../store/statements'
import type { SyncLog } from '../sync/sync-log'
import type { OpenShop } from '../vault/vault'
import { customerSyncIdFor } from './customers'

function customerOf(shop: OpenShop, conversationId: string): string {
  const row = statement(shop.db, 'SELECT customer_id FROM conversations WHERE id = ?').get(
    conversationId,
  ) as { customer_id: string } | undefined
  if (!row) throw new BridgeFailure('NOT_FOUND', 'That conversation is not in this shop.')
  return row.customer_id
}

function recordOnCustomer(
  shop: OpenShop,
  sync: SyncLog,
  customerId: string,
  field: string,
  value: boolean | number | string | null,
): void {
  shop.db.transaction(() => {
    sync.record(shop, [
      { entity: 'customer', id: customerSyncIdFor(shop, sync, customerId), field, value },
    ])
  })()
}

/**
 * Everything the customer wrote so far counts as read. Returns the newest customer message's
 * wamid, for the platform's read receipt (blue ticks on the customer's phone).
 */
export function markConversationRead(
  shop: OpenShop,
  sync: SyncLog,
  conversationId: string,
): string | null {
  const customerId = customerOf(shop, conversationId)
  const conversation = statement(
    shop.db,
    'SELECT coalesce(last_inbound_at, 0) AS upTo, read_up_to_at AS readUpTo FROM conversations WHERE id = ?',
  ).get(conversationId) as { upTo: number; readUpTo: number }
  // Read up to is a high-water mark: an older view on another device never marks anything unread.
  if (conversation.upTo > conversation.readUpTo) {
    recordOnCustomer(shop, sync, customerId, 'readUpToAt', conversation.upTo)
  }
  const newest = statement(
    shop.db,
    `SELECT wamid FROM messages WHERE conversation_id = ? AND direction = 'inbound' AND echo = 0
     ORDER BY sent_at DESC LIMIT 1`,
  ).get(conversationId) as { wamid: string | null } | undefined
  return newest?.wamid ?? null
}

export function setPinned(
  shop: OpenShop,
  sync: SyncLog,
  conversationId: string,
  pinned: boolean,
): void {
  recordOnCustomer(shop, sync, customerOf(shop, conversationId), 'pinned', pinned)
}

export function setArchived(
  shop: OpenShop,
  sync: SyncLog,
  conversationId: string,
  archived: boolean,
): void {
  recordOnCustomer(shop, sync, customerOf(shop, conversationId), 'archived', archived)
}
