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

export interface StoredMedia {
  id: string
  kind: AttachmentKind
  mimeType: string
  fileName: string
  bytes: Buffer
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

/** The file, or null when this computer does not hold it (attached on another device). */
export function readMedia(shop: OpenShop, id: string): StoredMedia | null {
  const row = statement(
    shop.db,
    'SELECT id, kind, mime_type, file_name_sealed, bytes_sealed FROM media WHERE id = ?',
  ).get(id) as
    | {
        id: string
        kind: AttachmentKind
        mime_type: string
        file_name_sealed: Buffer
        bytes_sealed: Buffer
      }
    | undefined
  if (!row) return null
  // A field that does not open is reported by the vault; the file then counts as missing.
  const fileName = shop.open('media', 'file_name', id, row.file_name_sealed)
  const bytes = shop.open('media', 'bytes', id, row.bytes_sealed)
  if (fileName === null || bytes === null) return null
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mime_type,
    fileName,
    bytes: Buffer.from(bytes, 'base64'),
  }
}

/** Whether this computer holds the file (cheap: nothing is opened). */
export function hasMedia(shop: OpenShop, id: string): boolean {
  return statement(shop.db, 'SELECT 1 FROM media WHERE id = ?').get(id) !== undefined
}
