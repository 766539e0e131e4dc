/**
 * Which files a quick reply may carry. The platform takes JPEG and PNG photos up to 5 MB, and
 * documents (PDF, plain text, Word, Excel, PowerPoint) up to 100 MB (Cloud API "Supported media
 * types"). Kedai keeps a document to 16 MB: the file is sealed into the vault and copied into
 * every backup, and a shop's price list or catalogue is far smaller.
 */
import type { AttachmentKind } from './quick-reply'

const megabyte = 1024 * 1024

export const attachmentRules: Readonly<
  Record<AttachmentKind, { mimeTypes: readonly string[]; maxBytes: number }>
> = {
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * megabyte },
  document: {
    mimeTypes: [
      'application/pdf',
      'text/plain',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 16 * megabyte,
  },
}

/** The largest file any kind accepts, for bounding input before the rules are applied. */
export const attachmentMaxBytes = Math.max(
  ...Object.values(attachmentRules).map((rule) => rule.maxBytes),
)

/** Every accepted type, as a file picker's `accept` list. */
export const acceptedAttachmentTypes: readonly string[] = Object.values(attachmentRules).flatMap(
  (rule) => rule.mimeTypes,
)

export type AttachmentIssue =
  | { code: 'attachment_type'; mimeType: string }
  | { code: 'attachment_empty' }
  | { code: 'attachment_too_large'; kind: AttachmentKind; size: number; limit: number }

/** The kind of message a file goes out as, or what is wrong with it. */
export function attachmentKindOf(file: {
  mimeType: string
  size: number
}): { ok: true; kind: AttachmentKind } | { ok: false; issue: AttachmentIssue } {
  const mimeType = file.mimeType.toLowerCase().split(';')[0]!.trim()
  const kind = (Object.keys(attachmentRules) as AttachmentKind[]).find((candidate) =>
    attachmentRules[candidate].mimeTypes.includes(mimeType),
  )
  if (!kind) return { ok: false, issue: { code: 'attachment_type', mimeType } }
  if (file.size === 0) return { ok: false, issue: { code: 'attachment_empty' } }
  const limit = attachmentRules[kind].maxBytes
  if (file.size > limit) {
    return { ok: false, issue: { code: 'attachment_too_large', kind, size: file.size, limit } }
  }
  return { ok: true, kind }
}
