/**
 * Free text to a customer, checked against the platform's rules before it is queued: inside the
 * customer service window only, and within the platform's length. What passes is written and
 * queued in one step (see outbox/outbox.ts).
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { serviceWindowAt } from '../../../src-shared/windows'
import { characterCount, sendLimits } from '../../../src-shared/whatsapp/send-limits'
import { queueReply, type QueuedReply } from '../outbox/outbox'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

export function sendTextReply(
  shop: OpenShop,
  request: { conversationId: string; text: string; replyToWamid?: string | null },
  now: number,
): QueuedReply {
  const conversation = statement(
    shop.db,
    'SELECT last_inbound_at FROM conversations WHERE id = ?',
  ).get(request.conversationId) as { last_inbound_at: number | null } | undefined
  if (!conversation) throw new BridgeFailure('NOT_FOUND', 'That conversation is not in this shop.')
  const history =
    conversation.last_inbound_at === null
      ? []
      : [{ direction: 'inbound' as const, at: conversation.last_inbound_at }]
  if (!serviceWindowAt(history, now).open) {
    throw new BridgeFailure(
      'WINDOW_CLOSED',
      "The customer's 24-hour window is closed, so WhatsApp only allows an approved template now.",
    )
  }
  if (request.text.trim() === '') throw new BridgeFailure('INVALID_INPUT', 'The message is empty.')
  const length = characterCount(request.text)
  if (length > sendLimits.textBody) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `The message has ${length} characters; WhatsApp takes at most ${sendLimits.textBody}.`,
    )
  }
  return queueReply(shop, {
    conversationId: request.conversationId,
    content: { type: 'text', body: request.text },
    replyToWamid: request.replyToWamid ?? null,
    at: now,
  })
}
