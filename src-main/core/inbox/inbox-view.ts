/** The inbox as the renderer sees it: conversations with their customer, and opened messages. */
import type { ConversationItem, MessageItem } from '../../../src-shared/inbox/inbox-view'
import type { OpenShop } from '../vault/vault'
import { listConversations } from './conversations'
import { readCustomer } from './customers'
import { labelIdsByCustomer } from './labels'
import { listMessages } from './messages'

export function conversationItems(shop: OpenShop, limit: number): ConversationItem[] {
  const labels = labelIdsByCustomer(shop)
  return listConversations(shop, limit).map((conversation) => {
    const customer = readCustomer(shop, conversation.customerId)
    return {
      id: conversation.id,
      customer: {
        id: conversation.customerId,
        name: customer?.name ?? customer?.profileName ?? null,
        profileName: customer?.profileName ?? null,
        phone: customer?.phone ?? null,
        country: customer?.country ?? null,
        market: customer?.market ?? null,
        optedOutAt: customer?.optedOutAt ?? null,
        firstSeenAt: customer?.firstSeenAt ?? conversation.lastMessageAt,
        labelIds: labels.get(conversation.customerId) ?? [],
      },
      lastMessageAt: conversation.lastMessageAt,
      lastInboundAt: conversation.lastInboundAt,
      unreadCount: conversation.unreadCount,
      pinnedAt: conversation.pinnedAt,
      archivedAt: conversation.archivedAt,
    }
  })
}

export function messageItems(shop: OpenShop, conversationId: string, limit: number): MessageItem[] {
  return listMessages(shop, conversationId, limit).map((message) => ({
    id: message.id,
    conversationId: message.conversationId,
    direction: message.direction,
    kind: message.kind,
    body: message.body,
    status: message.status,
    sentAt: message.sentAt,
    wamid: message.wamid ?? null,
    clientId: message.clientId ?? null,
    errorCode: message.errorCode,
    replyToWamid: message.replyToWamid ?? null,
    fromAd: message.fromAd ?? false,
    echo: message.echo ?? false,
  }))
}
