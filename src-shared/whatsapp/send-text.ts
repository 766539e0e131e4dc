/** The body of a free-form text message, only deliverable inside the customer service window. */
import { buildEnvelope, type SendAddress, type SendEnvelope } from './send-envelope'
import { characterCount, refuse, sendLimits, type SendBuild } from './send-limits'

export interface TextSend extends SendAddress {
  body: string
  /** Let WhatsApp render a preview of the first link in the text. */
  previewUrl?: boolean
}

export interface TextSendBody extends SendEnvelope {
  type: 'text'
  text: { preview_url?: boolean; body: string }
}

export function buildTextMessage(input: TextSend): SendBuild<TextSendBody> {
  if (input.body.trim() === '') return refuse('emptyText', 'the message is empty')
  const length = characterCount(input.body)
  if (length > sendLimits.textBody) {
    return refuse(
      'textTooLong',
      `the message has ${length} characters; WhatsApp takes at most ${sendLimits.textBody}`,
    )
  }
  const envelope = buildEnvelope(input)
  if (!envelope.ok) return envelope
  const text: TextSendBody['text'] =
    input.previewUrl === undefined
      ? { body: input.body }
      : { preview_url: input.previewUrl, body: input.body }
  return { ok: true, body: { ...envelope.body, type: 'text', text } }
}
