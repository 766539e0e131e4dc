/** Unread customer messages in the whole shop: the app badge's and the tray's number. */
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

export function unreadTotal(shop: OpenShop): number {
  const row = statement(
    shop.db,
    'SELECT coalesce(sum(max(unread_count, 0)), 0) AS total FROM conversations',
  ).get() as { total: number }
  return row.total
}
