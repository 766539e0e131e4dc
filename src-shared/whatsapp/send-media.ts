/**
 * The body of a photo or document message naming a file already uploaded to the platform
 * (`POST /{phone-number-id}/media` answered its id). Like text, only deliverable inside the
 * customer service window. The caption is optional and capped at 1,024 characters; a document
 * may carry the file name the customer sees.
 */
import { buildEnvelope, type SendAddress, type SendEnvelope } from './send-envelope'
import { characterCount, refuse, sendLimits, type SendBuild } from './send-limits'

export interface MediaSend extends SendAddress {
  kind: 'image' | 'document'
  /** The platform's media id from the upload. */
  mediaId: string
  caption?: string
  /** Documents only: the name shown to the customer. */
  fileName?: string
}

interface MediaObject {
  id: string
  caption?: string
  filename?: string
}

export type MediaSendBody = SendEnvelope &
  ({ type: 'image'; image: MediaObject } | { type: 'document'; document: MediaObject })

export function buildMediaMessage(input: MediaSend): SendBuild<MediaSendBody> {
  if (!/^\S{1,512}$/.test(input.mediaId)) return refuse('invalidMedia', 'the file has no media id')
  const caption = input.caption?.trim() ? input.caption : undefined
  if (caption !== undefined && characterCount(caption) > sendLimits.mediaCaption) {
    return refuse(
      'captionTooLong',
      `the caption has ${characterCount(caption)} characters; WhatsApp takes at most ${sendLimits.mediaCaption}`,
    )
  }
  const envelope = buildEnvelope(input)
  if (!envelope.ok) return envelope
  const media: MediaObject = { id: input.mediaId, ...(caption !== undefined ? { caption } : {}) }
  if (input.kind === 'image') {
    return { ok: true, body: { ...envelope.body, type: 'image', image: media } }
  }
  const fileName = input.fileName
    ? [...input.fileName].slice(0, sendLimits.documentFileName).join('')
    : undefined
  return {
    ok: true,
    body: {
      ...envelope.body,
      type: 'document',
      document: { ...media, ...(fileName ? { filename: fileName } : {}) },
    },
  }
}
