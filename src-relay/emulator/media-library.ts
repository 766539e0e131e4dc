/**
 * The emulator's media store: what `POST /{phone-number-id}/media` accepted, and what an image or
 * document send may name. The Cloud API takes JPEG and PNG photos up to 5 MB and documents (PDF,
 * text, Office) up to 100 MB ("Supported media types"); the emulator knows the kinds Kedai sends,
 * with the types listed in src-shared/quick-replies/attachment-rules.ts and the platform's sizes.
 * Only a file's facts are kept (type, size, name, SHA-256), never its bytes.
 */
import { createHash } from 'node:crypto'
import { attachmentRules } from '../../src-shared/quick-replies/attachment-rules'
import { characterCount, sendLimits } from '../../src-shared/whatsapp/send-limits'

const megabyte = 1024 * 1024

/** The platform's own limits, larger than Kedai's for documents. */
export const platformMediaLimits = {
  image: { mimeTypes: attachmentRules.image.mimeTypes, maxBytes: 5 * megabyte },
  document: { mimeTypes: attachmentRules.document.mimeTypes, maxBytes: 100 * megabyte },
} as const

/** The largest upload the emulator reads before refusing (a document, and the form around it). */
export const maxUploadBytes = platformMediaLimits.document.maxBytes + megabyte

export interface UploadedMedia {
  id: string
  mimeType: string
  size: number
  fileName: string
  sha256: string
}

export type MediaCheck = { ok: true; id: string } | { ok: false; details: string }

/** What an image or document send names, once its object was read. */
export type MediaReference = { ok: true; known: boolean } | { ok: false; details: string }

export function createMediaLibrary(mediaId: () => string) {
  const uploaded = new Map<string, UploadedMedia>()

  return {
    /** The fields of an upload form, already parsed; refusals say which parameter is wrong. */
    async upload(form: FormData): Promise<MediaCheck> {
      if (form.get('messaging_product') !== 'whatsapp') {
        return { ok: false, details: 'Param messaging_product must be "whatsapp".' }
      }
      const type = form.get('type')
      if (typeof type !== 'string' || type === '') {
        return { ok: false, details: 'Param type is required.' }
      }
      const file = form.get('file')
      if (file === null || typeof file === 'string') {
        return { ok: false, details: 'Param file must be a file.' }
      }
      const mimeType = type.toLowerCase()
      const kind = (['image', 'document'] as const).find((candidate) =>
        platformMediaLimits[candidate].mimeTypes.includes(mimeType),
      )
      if (!kind) {
        const accepted = [
          ...platformMediaLimits.image.mimeTypes,
          ...platformMediaLimits.document.mimeTypes,
        ]
        return {
          ok: false,
          details: `Param file must be a file with one of the following types: ${accepted.join(', ')}. Received file of type '${mimeType}'.`,
        }
      }
      if (file.size === 0) return { ok: false, details: 'Param file is empty.' }
      const limit = platformMediaLimits[kind].maxBytes
      if (file.size > limit) {
        return {
          ok: false,
          details: `Param file is ${file.size} bytes; ${kind === 'image' ? 'an image' : 'a document'} may have at most ${limit} bytes.`,
        }
      }
      const bytes = Buffer.from(await file.arrayBuffer())
      const id = mediaId()
      uploaded.set(id, {
        id,
        mimeType,
        size: bytes.length,
        fileName: file.name,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      })
      return { ok: true, id }
    },

    /**
     * The `image` or `document` object of a send: an uploaded id or an https link, and a caption
     * within 1,024 characters. An id the platform never issued is still accepted at first; the
     * platform fails the message later with 131053 (`known: false`).
     */
    reference(object: unknown): MediaReference {
      if (typeof object !== 'object' || object === null || Array.isArray(object)) {
        return { ok: false, details: 'The media object is missing.' }
      }
      const media = object as { id?: unknown; link?: unknown; caption?: unknown }
      if (media.caption !== undefined) {
        if (typeof media.caption !== 'string') {
          return { ok: false, details: 'Param caption must be a string.' }
        }
        if (characterCount(media.caption) > sendLimits.mediaCaption) {
          return {
            ok: false,
            details: `Param caption must be at most ${sendLimits.mediaCaption} characters long.`,
          }
        }
      }
      if (typeof media.id === 'string' && media.id !== '') {
        return { ok: true, known: uploaded.has(media.id) }
      }
      if (typeof media.link === 'string' && /^https:\/\/\S+$/.test(media.link)) {
        return { ok: true, known: true }
      }
      return { ok: false, details: 'The media object needs an id or an https link.' }
    },

    uploaded: (): UploadedMedia[] => [...uploaded.values()].map((media) => ({ ...media })),
  }
}

export type MediaLibrary = ReturnType<typeof createMediaLibrary>
