/**
 * The fields every send body shares: who it goes to, which message it answers, and the opaque
 * data the platform echoes back in status webhooks.
 *
 * The `+` of an E.164 number is kept. Meta accepts the number with or without it (its own send
 * examples show both), core keeps numbers as E.164 with `+`, and sending exactly what the owner
 * saw is simplest to reason about. A bare number (a `wa_id` taken from a webhook) is sent as
 * given too: the builder never adds or strips anything. A customer known only by a
 * business-scoped user id (`ID.1234...`) is addressed with `recipient` instead of `to`.
 */
import { refuse, sendLimits, characterCount, type SendBuild } from './send-limits'

export interface SendAddress {
  /** `+6281234567890` (E.164), a bare `wa_id`, or a business-scoped user id `ID.1234...`. */
  to: string
  /** The wamid of the message this answers; WhatsApp shows it quoted. */
  replyTo?: string
  /** Echoed back in every status webhook of this message; the relay puts the client id here. */
  bizOpaqueCallbackData?: string
}

export interface SendEnvelope {
  messaging_product: 'whatsapp'
  recipient_type: 'individual'
  to?: string
  recipient?: string
  context?: { message_id: string }
  biz_opaque_callback_data?: string
}

const phoneNumber = /^\+?[1-9]\d{6,14}$/
const businessScopedUserId = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/
/** Message ids are opaque; all Kedai checks is that one is there and has no spaces. */
const messageId = /^\S{1,512}$/

export function isMessageId(text: string): boolean {
  return messageId.test(text)
}

export function buildEnvelope(address: SendAddress): SendBuild<SendEnvelope> {
  const envelope: SendEnvelope = { messaging_product: 'whatsapp', recipient_type: 'individual' }
  if (phoneNumber.test(address.to)) envelope.to = address.to
  else if (businessScopedUserId.test(address.to)) envelope.recipient = address.to
  else {
    return refuse(
      'invalidRecipient',
      `"${address.to}" is neither an E.164 phone number nor a business-scoped user id`,
    )
  }
  if (address.replyTo !== undefined) {
    if (!isMessageId(address.replyTo)) {
      return refuse('invalidReplyTo', 'the message to reply to has no valid id')
    }
    envelope.context = { message_id: address.replyTo }
  }
  if (address.bizOpaqueCallbackData !== undefined) {
    const length = characterCount(address.bizOpaqueCallbackData)
    if (length === 0 || length > sendLimits.bizOpaqueCallbackData) {
      return refuse(
        'invalidCallbackData',
        `biz_opaque_callback_data must be 1 to ${sendLimits.bizOpaqueCallbackData} characters, not ${length}`,
      )
    }
    envelope.biz_opaque_callback_data = address.bizOpaqueCallbackData
  }
  return { ok: true, body: envelope }
}
