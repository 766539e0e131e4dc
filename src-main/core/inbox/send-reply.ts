/**
 * Free text to a customer, or a quick reply's photo or document with the text as its caption,
 * checked against the platform's rules before it is queued: inside the customer service window
 * only, and within the platform's length. What passes is priced, checked against the budget, and
 * written, queued and estimated in the ledger in one step (see outbox/outbox.ts). A file goes to
 * the platform only when the reply is sent (outbox drain), so an offline queue holds it too.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { serviceWindowAt } from '../../../src-shared/windows'
import { characterCount, sendLimits } from '../../../src-shared/whatsapp/send-limits'
import { estimateForQueue } from '../costs/estimate'
import { priceNextMessage } from '../costs/price-next-message'
import { queueReply, type QueuedReply } from '../outbox/outbox'
import { mediaInfo } from '../quick-replies/media-store'
import type { QuickReplyAttachment } from '../../../src-shared/quick-replies/quick-reply'
import type { MessageContent } from '../../../src-shared/whatsapp'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

export function sendTextReply(
  shop: OpenShop,
  request: {
    conversationId: string
    text: string
    replyToWamid?: string | null
    attachment?: QuickReplyAttachment
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
  const content = replyContent(shop, request.text, request.attachment)
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
    content,
    replyToWamid: request.replyToWamid ?? null,
    at: now,
    estimate,
  })
}

/** What the reply says: text, or the attached file with the text as its caption. */
function replyContent(
  shop: OpenShop,
  text: string,
  attachment: QuickReplyAttachment | undefined,
): MessageContent {
  const length = characterCount(text)
  if (!attachment) {
    if (text.trim() === '') throw new BridgeFailure('INVALID_INPUT', 'The message is empty.')
    if (length > sendLimits.textBody) {
      throw new BridgeFailure(
        'INVALID_INPUT',
        `The message has ${length} characters; WhatsApp takes at most ${sendLimits.textBody}.`,
      )
    }
    return { type: 'text', body: text }
  }
  if (length > sendLimits.mediaCaption) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `The caption has ${length} characters; with a photo or document WhatsApp takes at most ${sendLimits.mediaCaption}.`,
    )
  }
  const file = mediaInfo(shop, attachment.mediaRef)
  if (!file) {
    throw new BridgeFailure(
      'NOT_FOUND',
      'The file of this quick reply is not on this computer yet: it comes from the computer it was attached on with the next sync. Try again in a moment, or send the text alone.',
    )
  }
  // The id is the vault's own until the drain uploads the file and names the platform's id.
  const media = { id: file.id, mimeType: file.mimeType, sha256: null, url: null }
  const caption = text.trim() === '' ? null : text
  return file.kind === 'image'
    ? { type: 'image', media, caption }
    : { type: 'document', media, caption, filename: file.fileName }
}
