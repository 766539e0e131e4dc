/**
 * Files attached to quick replies, sealed in the vault (table `media`). A quick reply names its
 * file by the row's id (`mediaRef`); the bytes leave the vault only on their way to the relay,
 * which uploads them to the platform when a reply carrying them is sent.
 */
import { attachmentKindOf } from '../../../src-shared/quick-replies/attachment-rules'
import type {
  AttachmentKind,
  QuickReplyAttachment,
} from '../../../src-shared/quick-replies/quick-reply'
import { newId } from '../ids'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

export interface MediaInfo {
  id: string
  kind: AttachmentKind
  mimeType: string
  fileName: string
}

export type AddMediaResult =
  | { ok: true; attachment: QuickReplyAttachment }
  | { ok: false; issue: Exclude<ReturnType<typeof attachmentKindOf>, { ok: true }>['issue'] }

/** Checks the file against the platform's rules and keeps it sealed. */
export function addMedia(
  shop: OpenShop,
  file: { fileName: string; mimeType: string; bytes: Buffer },
  at: number,
): AddMediaResult {
  const checked = attachmentKindOf({ mimeType: file.mimeType, size: file.bytes.length })
  if (!checked.ok) return checked
  const id = newId(at)
  const mimeType = file.mimeType.toLowerCase().split(';')[0]!.trim()
  statement(
    shop.db,
    `INSERT INTO media (id, kind, mime_type, size, file_name_sealed, bytes_sealed, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    checked.kind,
    mimeType,
    file.bytes.length,
    shop.sealer.seal('media', 'file_name', id, file.fileName),
    shop.sealer.seal('media', 'bytes', id, file.bytes.toString('base64')),
    at,
  )
  return { ok: true, attachment: { kind: checked.kind, mediaRef: id, fileName: file.fileName } }
}

/** What the file is, or null when this computer does not hold it (attached on another device). */
export function mediaInfo(shop: OpenShop, id: string): MediaInfo | null {
  const row = statement(
    shop.db,
    'SELECT id, kind, mime_type, file_name_sealed FROM media WHERE id = ?',
  ).get(id) as
    { id: string; kind: AttachmentKind; mime_type: string; file_name_sealed: Buffer } | undefined
  if (!row) return null
  // A field that does not open is reported by the vault; the file then counts as missing.
  const fileName = shop.open('media', 'file_name', id, row.file_name_sealed)
  if (fileName === null) return null
  return { id: row.id, kind: row.kind, mimeType: row.mime_type, fileName }
}

/** The file's bytes, opened only on their way to the relay. */
export function mediaBytes(shop: OpenShop, id: string): Buffer | null {
  const row = statement(shop.db, 'SELECT bytes_sealed FROM media WHERE id = ?').get(id) as
    { bytes_sealed: Buffer } | undefined
  const opened = row ? shop.open('media', 'bytes', id, row.bytes_sealed) : null
  return opened === null ? null : Buffer.from(opened, 'base64')
}
