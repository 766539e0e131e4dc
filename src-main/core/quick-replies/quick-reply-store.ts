/**
 * The owner's quick replies (table `quick_replies`). Shortcut, text and attachment are sealed
 * like everything the owner writes; the order (`sort`) and the usage count stay in clear for
 * sorting. Deleting only stamps `deleted_at`, so "undo" puts the very same row back.
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
import { newId } from '../ids'
import { statement } from '../store/statements'
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
    insert(shop, quickReply, at)
    return { ok: true, quickReply: requireQuickReply(shop, quickReply.id) }
  }
  requireQuickReply(shop, id)
  statement(
    shop.db,
    `UPDATE quick_replies SET shortcut_sealed = ?, text_sealed = ?, attachment_sealed = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    shop.sealer.seal('quick_replies', 'shortcut', id, draft.shortcut),
    shop.sealer.seal('quick_replies', 'text', id, draft.text),
    sealAttachment(shop, id, draft.attachment),
    at,
    id,
  )
  return { ok: true, quickReply: requireQuickReply(shop, id) }
}

/** A copy placed right after the original, with a free shortcut (`ongkir-2`). */
export function duplicateQuickReply(shop: OpenShop, id: string, at: number): QuickReply {
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
  shop.db.transaction(() => {
    statement(
      shop.db,
      'UPDATE quick_replies SET sort = sort + 1, updated_at = ? WHERE sort > ? AND deleted_at IS NULL',
    ).run(at, original.order)
    insert(shop, copy, at)
  })()
  return requireQuickReply(shop, copy.id)
}

export function deleteQuickReply(shop: OpenShop, id: string, at: number): void {
  const changed = statement(
    shop.db,
    'UPDATE quick_replies SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
  ).run(at, at, id).changes
  if (changed === 0) {
    throw new BridgeFailure('NOT_FOUND', 'This quick reply is not in this shop any more.')
  }
}

/**
 * Undo of a delete: the same row, same place. If its shortcut was given to another quick reply
 * in the meantime, the owner is told rather than left with two of the same shortcut.
 */
export function restoreQuickReply(shop: OpenShop, id: string, at: number): QuickReply {
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
  statement(shop.db, 'UPDATE quick_replies SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(
    at,
    id,
  )
  return requireQuickReply(shop, id)
}

/** The owner's new order: `ids` first in that order, any quick reply not named after them. */
export function reorderQuickReplies(shop: OpenShop, ids: readonly string[], at: number): void {
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
  const update = statement(
    shop.db,
    'UPDATE quick_replies SET sort = ?, updated_at = ? WHERE id = ?',
  )
  shop.db.transaction(() => order.forEach((id, index) => update.run(index, at, id)))()
}

/** One more use from the composer; the manager shows the count. */
export function recordQuickReplyUse(shop: OpenShop, id: string): number {
  const row = statement(
    shop.db,
    'UPDATE quick_replies SET usage_count = usage_count + 1 WHERE id = ? AND deleted_at IS NULL RETURNING usage_count',
  ).get(id) as { usage_count: number } | undefined
  if (!row) throw new BridgeFailure('NOT_FOUND', 'This quick reply is not in this shop any more.')
  return row.usage_count
}

export type ImportOutcome =
  | { ok: false; problem: 'not_json' | 'not_quick_replies' | 'newer_version' }
  | { ok: true; added: QuickReply[]; rejected: RejectedQuickReply[] }

/** A JSON file's good items added after the existing ones; bad items reported, not lost. */
export function importQuickRepliesFile(
  shop: OpenShop,
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
  shop.db.transaction(() => added.forEach((quickReply) => insert(shop, quickReply, at)))()
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
