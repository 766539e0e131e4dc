/**
 * What a notification may show of a customer's message: it is read here, from the open vault,
 * at the moment the notification is made. The event that announces a message carries ids only,
 * so while the vault is locked nothing exists that could show the text.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import type { MessageItem } from '../../../src-shared/inbox/inbox-view'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'
import { readCustomer } from './customers'
import { messageItems } from './inbox-view'

export function notificationContent(
  shop: OpenShop,
  messageId: string,
): { conversationId: string; customerName: string | null; message: MessageItem } {
  const row = statement(
    shop.db,
    `SELECT m.conversation_id AS conversationId, m.sent_at AS sentAt, c.customer_id AS customerId
       FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.id = ? AND m.direction = 'inbound'`,
  ).get(messageId) as { conversationId: string; sentAt: number; customerId: string } | undefined
  if (!row) throw new BridgeFailure('NOT_FOUND', 'That message is not in this shop.')
  // The newest few of its conversation hold it when it is fresh; an old one is not announced.
  const message = messageItems(shop, row.conversationId, 20).find((item) => item.id === messageId)
  if (!message) throw new BridgeFailure('NOT_FOUND', 'That message is no longer new.')
  const customer = readCustomer(shop, row.customerId)
  return {
    conversationId: row.conversationId,
    customerName: customer?.name ?? customer?.profileName ?? customer?.phone ?? null,
    message,
  }
}
