/**
 * The owner's quick replies (table `quick_replies`). Shortcut, text and attachment are sealed
 * like everything the owner writes; the order (`sort`) and the usage count stay in clear for
 * sorting. Deleting only stamps `deleted_at`, so "undo" puts the very same row back.
 *
 * Every change is an edit of the shop's synced `quickReply` (src-main/core/sync): recorded as
 * operations and written to the table by `materialiseQuickReply`, the same writer that applies
 * the other devices' edits, so every device shows the same list. The usage count is one counter
 * per device (`uses.<device>`), summed. The starter set is the exception: its ids are fixed and
 * each device puts it in alone, so a device joining later cannot overwrite an edited starter.
 *
 * The rules (shortcut format and uniqueness, text limits, the JSON file, the starter set) are the
 * shared ones in src-shared/quick-replies; this file only keeps what they accept.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import type { Language } from '../../../src-shared/preferences/preferences'
import {
  checkQuickReply,
  exportQuickReplies,
  freeShortcut,
  importQuickReplies,
  normalizeDraft,
  quickRepliesFileText,
  quickReplyAttachmentSchema,
  starterQuickReplies,
  type QuickReply,
  type QuickReplyAttachment,
  type QuickReplyDraft,
  type QuickReplyIssue,
  type RejectedQuickReply,
} from '../../../src-shared/quick-replies'
import type { JsonValue } from '../../../src-shared/sync/canonical-json'
import { newId } from '../ids'
import { statement } from '../store/statements'
import { readEntityFields, type StoredField } from '../sync/field-store'
import type { Edit, EditRecorder } from '../sync/sync-log'
import type { OpenShop } from '../vault/vault'

interface QuickReplyRow {
  id: string
  shortcut_sealed: Buffer
  text_sealed: Buffer
  attachment_sealed: Buffer | null
  sort: number
  usage_count: number
}

/** Set once the starter set went in, so a shop that deleted all of it does not get it back. */
const seededKey = 'quick_replies.starter_set'

function fromRow(shop: OpenShop, row: QuickReplyRow): QuickReply | null {
  const shortcut = shop.open('quick_replies', 'shortcut', row.id, row.shortcut_sealed)
  const text = shop.open('quick_replies', 'text', row.id, row.text_sealed)
  if (shortcut === null || text === null) return null
  const attachmentJson = shop.open('quick_replies', 'attachment', row.id, row.attachment_sealed)
  const attachment = attachmentJson
    ? quickReplyAttachmentSchema.safeParse(JSON.parse(attachmentJson))
    : null
  return {
    id: row.id,
    shortcut,
    text,
    ...(attachment?.success ? { attachment: attachment.data } : {}),
    order: row.sort,
    usageCount: row.usage_count,
  }
}

const columns = 'id, shortcut_sealed, text_sealed, attachment_sealed, sort, usage_count'

/** The shop's quick replies in the owner's order (a row that does not open is left out). */
export function listQuickReplies(shop: OpenShop): QuickReply[] {
  const rows = statement(
    shop.db,
    `SELECT ${columns} FROM quick_replies WHERE deleted_at IS NULL ORDER BY sort, id`,
  ).all() as QuickReplyRow[]
  return rows.flatMap((row) => fromRow(shop, row) ?? [])
}

function sealAttachment(shop: OpenShop, id: string, attachment?: QuickReplyAttachment) {
  return attachment
    ? shop.sealer.seal('quick_replies', 'attachment', id, JSON.stringify(attachment))
    : null
}

/** The operations that make (or fully rewrite) a quick reply. */
function editsOf(quickReply: Omit<QuickReply, 'usageCount'>): Edit[] {
  const edit = (field: string, value: JsonValue): Edit => ({
    entity: 'quickReply',
    id: quickReply.id,
    field,
    value,
  })
  return [
    edit('shortcut', quickReply.shortcut),
    edit('text', quickReply.text),
    edit('attachment', quickReply.attachment ?? null),
    edit('order', quickReply.order),
  ]
}

const stampWall = (field: StoredField) => parseInt(field.hlc.slice(0, 12), 16)

/**
 * Writes one quick reply's row from its merged fields, over what the row already says (a
 * starter the device put in itself). Without a row and without shortcut and text there is
 * nothing to show yet.
 */
export function materialiseQuickReply(
  shop: OpenShop,
  id: string,
  fields: ReadonlyMap<string, StoredField>,
): void {
  const row = statement(
    shop.db,
    `SELECT ${columns}, created_at, deleted_at FROM quick_replies WHERE id = ?`,
  ).get(id) as (QuickReplyRow & { created_at: number; deleted_at: number | null }) | undefined
  const base = row ? fromRow(shop, row) : null
  const shortcut = fields.get('shortcut')?.value ?? base?.shortcut
  const text = fields.get('text')?.value ?? base?.text
  if (typeof shortcut !== 'string' || typeof text !== 'string') return
  const attachmentField = fields.get('attachment')
  const attachment = attachmentField
    ? quickReplyAttachmentSchema.safeParse(attachmentField.value).data
    : base?.attachment
  const order = fields.get('order')?.value
  let uses: number | null = null
  for (const [field, entry] of fields) {
    if (field.startsWith('uses.') && typeof entry.value === 'number') {
      uses = (uses ?? 0) + entry.value
    }
  }
  const deleted = fields.get('deleted')
  const stamps = [...fields.values()].map(stampWall)
  const updatedAt = Math.max(...stamps)
  statement(
    shop.db,
    `INSERT INTO quick_replies
     (id, shortcut_sealed, text_sealed, attachment_sealed, sort, usage_count, created_at, updated_at, deleted_at)
     VALUES (@id, @shortcut, @text, @attachment, @sort, @uses, @createdAt, @updatedAt, @deletedAt)
     ON CONFLICT (id) DO UPDATE SET shortcut_sealed = excluded.shortcut_sealed,
       text_sealed = excluded.text_sealed, attachment_sealed = excluded.attachment_sealed,
       sort = excluded.sort, usage_count = excluded.usage_count,
       updated_at = max(updated_at, excluded.updated_at), deleted_at = excluded.deleted_at`,
  ).run({
    id,
    shortcut: shop.sealer.seal('quick_replies', 'shortcut', id, shortcut),
    text: shop.sealer.seal('quick_replies', 'text', id, text),
    attachment: sealAttachment(shop, id, attachment),
    sort: typeof order === 'number' ? order : (base?.order ?? 0),
    uses: uses ?? base?.usageCount ?? 0,
    createdAt: row?.created_at ?? Math.min(...stamps),
    updatedAt,
    deletedAt:
      deleted === undefined
        ? (row?.deleted_at ?? null)
        : deleted.value === true
          ? stampWall(deleted)
          : null,
  })
}

/** The starter set only: rows each device puts in alone (see the top of this file). */
function insert(shop: OpenShop, quickReply: QuickReply, at: number): void {
  statement(
    shop.db,
    `INSERT OR IGNORE INTO quick_replies
     (id, shortcut_sealed, text_sealed, attachment_sealed, sort, usage_count, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    quickReply.id,
    shop.sealer.seal('quick_replies', 'shortcut', quickReply.id, quickReply.shortcut),
    shop.sealer.seal('quick_replies', 'text', quickReply.id, quickReply.text),
    sealAttachment(shop, quickReply.id, quickReply.attachment),
    quickReply.order,
    quickReply.usageCount,
    at,
    at,
  )
}

function nextOrder(existing: readonly QuickReply[]): number {
  return existing.reduce((last, quickReply) => Math.max(last, quickReply.order), -1) + 1
}

function requireQuickReply(shop: OpenShop, id: string): QuickReply {
  const found = listQuickReplies(shop).find((quickReply) => quickReply.id === id)
  if (!found) throw new BridgeFailure('NOT_FOUND', 'This quick reply is not in this shop any more.')
  return found
}

/**
 * The starter set in the shop's language, the first time only. Its ids are fixed, so two
 * devices of one shop that both seed land on the same rows.
 */
export function seedStarterSet(shop: OpenShop, language: Language, at: number): boolean {
  const seeded = statement(shop.db, 'SELECT value FROM settings WHERE key = ?').get(seededKey)
  if (seeded) return false
  shop.db.transaction(() => {
    for (const quickReply of starterQuickReplies(language)) insert(shop, quickReply, at)
    statement(shop.db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(
      seededKey,
      language,
      at,
    )
  })()
  return true
}

export type SaveOutcome =
  { ok: true; quickReply: QuickReply } | { ok: false; issues: QuickReplyIssue[] }

/** A new quick reply at the end of the list, or an edit; every broken rule comes back named. */
export function saveQuickReply(
  shop: OpenShop,
  sync: EditRecorder,
  typed: QuickReplyDraft,
  at: number,
  id?: string,
): SaveOutcome {
  const existing = listQuickReplies(shop)
  const draft = normalizeDraft(typed)
  const issues = checkQuickReply(draft, existing, id)
  if (issues.length > 0) return { ok: false, issues }
  if (id === undefined) {
    const quickReply: QuickReply = {
      id: newId(at),
      ...draft,
      order: nextOrder(existing),
      usageCount: 0,
    }
    sync.record(shop, editsOf(quickReply))
    return { ok: true, quickReply: requireQuickReply(shop, quickReply.id) }
  }
  const current = requireQuickReply(shop, id)
  sync.record(shop, editsOf({ ...current, ...draft, attachment: draft.attachment }).slice(0, 3))
  return { ok: true, quickReply: requireQuickReply(shop, id) }
}

/** A copy placed right after the original, with a free shortcut (`ongkir-2`). */
export function duplicateQuickReply(
  shop: OpenShop,
  sync: EditRecorder,
  id: string,
  at: number,
): QuickReply {
  const existing = listQuickReplies(shop)
  const original = requireQuickReply(shop, id)
  const copy: QuickReply = {
    id: newId(at),
    shortcut: freeShortcut(original.shortcut, existing),
    text: original.text,
    ...(original.attachment ? { attachment: original.attachment } : {}),
    order: original.order + 1,
    usageCount: 0,
  }
  const moved: Edit[] = existing
    .filter((quickReply) => quickReply.order > original.order)
    .map((quickReply) => ({
      entity: 'quickReply',
      id: quickReply.id,
      field: 'order',
      value: quickReply.order + 1,
    }))
  sync.record(shop, [...moved, ...editsOf(copy)])
  return requireQuickReply(shop, copy.id)
}

/** Deleting is a tombstone (`deleted: true`); undo writes `deleted: false` on the same id. */
export function deleteQuickReply(shop: OpenShop, sync: EditRecorder, id: string): void {
  requireQuickReply(shop, id)
  sync.record(shop, [tombstone(id, true)])
}

function tombstone(id: string, deleted: boolean): Edit {
  return { entity: 'quickReply', id, field: 'deleted', value: deleted }
}

/**
 * Undo of a delete: the same row, same place. If its shortcut was given to another quick reply
 * in the meantime, the owner is told rather than left with two of the same shortcut.
 */
export function restoreQuickReply(shop: OpenShop, sync: EditRecorder, id: string): QuickReply {
  const row = statement(
    shop.db,
    `SELECT ${columns} FROM quick_replies WHERE id = ? AND deleted_at IS NOT NULL`,
  ).get(id) as QuickReplyRow | undefined
  const deleted = row ? fromRow(shop, row) : null
  if (!deleted) throw new BridgeFailure('NOT_FOUND', 'There is nothing to undo here any more.')
  const taken = checkQuickReply(deleted, listQuickReplies(shop), id).some(
    (issue) => issue.code === 'shortcut_taken',
  )
  if (taken) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `Another quick reply now uses /${deleted.shortcut}, so this one cannot come back.`,
    )
  }
  sync.record(shop, [tombstone(id, false)])
  return requireQuickReply(shop, id)
}

/** The owner's new order: `ids` first in that order, any quick reply not named after them. */
export function reorderQuickReplies(
  shop: OpenShop,
  sync: EditRecorder,
  ids: readonly string[],
): void {
  const existing = listQuickReplies(shop)
  const known = new Set(existing.map((quickReply) => quickReply.id))
  const unknown = ids.find((id) => !known.has(id))
  if (unknown) {
    throw new BridgeFailure(
      'NOT_FOUND',
      'A quick reply in this order is not in this shop any more.',
    )
  }
  const named = new Set(ids)
  const order = [...ids, ...existing.filter((q) => !named.has(q.id)).map((q) => q.id)]
  const orderOf = new Map(existing.map((quickReply) => [quickReply.id, quickReply.order]))
  // Only the ones that moved: a reorder on another device at the same time keeps its moves.
  sync.record(
    shop,
    order.flatMap((id, index): Edit[] =>
      orderOf.get(id) === index ? [] : [{ entity: 'quickReply', id, field: 'order', value: index }],
    ),
  )
}

/**
 * One more use from the composer; the manager shows the count. Each device counts its own uses
 * in its own field and the row holds the sum, so the count is the shop's, and two devices using
 * the same reply at once both count (a single last-writer count would lose one).
 */
export function recordQuickReplyUse(shop: OpenShop, sync: EditRecorder, id: string): number {
  const found = requireQuickReply(shop, id)
  const fields = readEntityFields(shop, 'quickReply', id)
  const field = `uses.${sync.node(shop)}`
  const counted = [...fields.keys()].some((name) => name.startsWith('uses.'))
  const mine = fields.get(field)?.value
  // Uses counted on this device before any were synced become this device's count.
  const before = typeof mine === 'number' ? mine : counted ? 0 : found.usageCount
  sync.record(shop, [{ entity: 'quickReply', id, field, value: before + 1 }])
  return requireQuickReply(shop, id).usageCount
}

export type ImportOutcome =
  | { ok: false; problem: 'not_json' | 'not_quick_replies' | 'newer_version' }
  | { ok: true; added: QuickReply[]; rejected: RejectedQuickReply[] }

/** A JSON file's good items added after the existing ones; bad items reported, not lost. */
export function importQuickRepliesFile(
  shop: OpenShop,
  sync: EditRecorder,
  fileText: string,
  at: number,
): ImportOutcome {
  const read = importQuickReplies(fileText, listQuickReplies(shop))
  if (!read.ok) return { ok: false, problem: read.problem }
  const added: QuickReply[] = read.accepted.map((item) => ({
    id: newId(at),
    shortcut: item.shortcut,
    text: item.text,
    ...(item.attachment ? { attachment: item.attachment } : {}),
    order: item.order,
    usageCount: 0,
  }))
  sync.record(shop, added.flatMap(editsOf))
  return { ok: true, added, rejected: read.rejected }
}

/** The shop's quick replies as the JSON file's text, with a dated file name. */
export function exportQuickRepliesFile(
  shop: OpenShop,
  at: number,
): { fileName: string; text: string } {
  const file = exportQuickReplies(listQuickReplies(shop), at)
  return {
    fileName: `kedai-quick-replies-${new Date(at).toISOString().slice(0, 10)}.json`,
    text: quickRepliesFileText(file),
  }
}
