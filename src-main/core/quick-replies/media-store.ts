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
  keepMedia(shop, { id, kind: checked.kind, mimeType, fileName: file.fileName }, file.bytes, at)
  return { ok: true, attachment: { kind: checked.kind, mediaRef: id, fileName: file.fileName } }
}

/**
 * Writes a file under its id: one attached here, or one another device shared (`sharedAt` set,
 * since it is on the relay already). A file already held is left as it is.
 */
export function keepMedia(
  shop: OpenShop,
  info: MediaInfo,
  bytes: Buffer,
  at: number,
  sharedAt: number | null = null,
): void {
  statement(
    shop.db,
    `INSERT INTO media (id, kind, mime_type, size, file_name_sealed, bytes_sealed, created_at, shared_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(
    info.id,
    info.kind,
    info.mimeType,
    bytes.length,
    shop.sealer.seal('media', 'file_name', info.id, info.fileName),
    shop.sealer.seal('media', 'bytes', info.id, bytes.toString('base64')),
    at,
    sharedAt,
  )
}

/** Files attached here that the shop's other devices cannot fetch yet. */
export function unsharedMedia(shop: OpenShop): string[] {
  return (
    statement(
      shop.db,
      'SELECT id FROM media WHERE shared_at IS NULL ORDER BY created_at',
    ).all() as {
      id: string
    }[]
  ).map((row) => row.id)
}

export function markMediaShared(shop: OpenShop, id: string, at: number): void {
  statement(shop.db, 'UPDATE media SET shared_at = ? WHERE id = ?').run(at, id)
}

export function holdsMedia(shop: OpenShop, id: string): boolean {
  return statement(shop.db, 'SELECT 1 FROM media WHERE id = ?').get(id) !== undefined
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
