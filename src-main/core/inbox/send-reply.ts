/**
 * Free text to a customer, checked against the platform's rules before it is queued: inside the
 * customer service window only, and within the platform's length. What passes is priced,
 * checked against the budget, and written, queued and estimated in the ledger in one step (see
 * outbox/outbox.ts).
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { serviceWindowAt } from '../../../src-shared/windows'
import { characterCount, sendLimits } from '../../../src-shared/whatsapp/send-limits'
import { estimateForQueue } from '../costs/estimate'
import { priceNextMessage } from '../costs/price-next-message'
import { queueReply, type QueuedReply } from '../outbox/outbox'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

export function sendTextReply(
  shop: OpenShop,
  request: {
    conversationId: string
    text: string
    replyToWamid?: string | null
    overrideBudget?: boolean
  },
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
  // Free inside the window until October 2026; from then past the month's free allowance a
  // reply is charged like any other message, and the budget applies to it too.
  const priced = priceNextMessage(shop, request.conversationId, { kind: 'service' }, now)
  if (priced.result.outcome === 'refused') {
    throw new BridgeFailure(
      'WINDOW_CLOSED',
      "The customer's 24-hour window is closed, so WhatsApp only allows an approved template now.",
    )
  }
  const estimate = estimateForQueue(
    shop,
    priced.result,
    priced.market,
    now,
    request.overrideBudget ?? false,
  )
  return queueReply(shop, {
    conversationId: request.conversationId,
    content: { type: 'text', body: request.text },
    replyToWamid: request.replyToWamid ?? null,
    at: now,
    estimate,
  })
}
