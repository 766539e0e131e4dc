/**
 * Quick replies as a JSON file the owner can keep or carry to another shop. The file names its
 * kind and version so a later Kedai can read today's files, and today's Kedai refuses a newer
 * file plainly instead of half-reading it. Ids and usage counts stay behind: they belong to the
 * shop that made them, and the importing shop's core gives each item a fresh id.
 */
import { z } from 'zod'
import {
  checkQuickReply,
  quickReplyAttachmentSchema,
  type QuickReply,
  type QuickReplyDraft,
  type QuickReplyIssue,
} from './quick-reply'
import { normalizeShortcut } from './shortcut'

export const quickRepliesFileKind = 'kedai.quick-replies'
export const quickRepliesFileVersion = 1

const fileItemSchema = z.object({
  shortcut: z.string(),
  text: z.string(),
  attachment: quickReplyAttachmentSchema.optional(),
})

export const quickRepliesFileSchema = z.object({
  kind: z.literal(quickRepliesFileKind),
  version: z.literal(quickRepliesFileVersion),
  /** ISO 8601, for the owner looking at the file; not read back. */
  exportedAt: z.string(),
  quickReplies: z.array(fileItemSchema),
})
export type QuickRepliesFile = z.infer<typeof quickRepliesFileSchema>

/** The file for these quick replies, in the owner's order. */
export function exportQuickReplies(
  quickReplies: readonly QuickReply[],
  exportedAt: number,
): QuickRepliesFile {
  return {
    kind: quickRepliesFileKind,
    version: quickRepliesFileVersion,
    exportedAt: new Date(exportedAt).toISOString(),
    quickReplies: [...quickReplies]
      .sort((a, b) => a.order - b.order)
      .map(({ shortcut, text, attachment }) =>
        attachment ? { shortcut, text, attachment } : { shortcut, text },
      ),
  }
}

/** The file's text: indented, so an owner can read and hand-edit it. */
export function quickRepliesFileText(file: QuickRepliesFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}

export type ImportIssue =
  | QuickReplyIssue
  | { code: 'duplicate_in_file'; firstIndex: number }
  /** The item is not a quick reply at all; `field` is the first wrong field, e.g. `text`. */
  | { code: 'item_invalid'; field: string }

export interface ImportedQuickReply extends QuickReplyDraft {
  /** Placed after the shop's existing quick replies, in the file's order. */
  order: number
  /** Position in the file, for the report. */
  index: number
}

export interface RejectedQuickReply {
  index: number
  /** As written in the file, when there was one, so the owner can find the item. */
  shortcut: string | null
  issues: ImportIssue[]
}

export type QuickRepliesImport =
  | { ok: false; problem: 'not_json' }
  | { ok: false; problem: 'not_quick_replies' }
  | { ok: false; problem: 'newer_version'; version: number }
  | { ok: true; accepted: ImportedQuickReply[]; rejected: RejectedQuickReply[] }

const envelopeSchema = z.object({
  kind: z.literal(quickRepliesFileKind),
  version: z.number().int().positive(),
  quickReplies: z.array(z.unknown()),
})

/**
 * Reads a file against the shop's current quick replies. Good items are accepted, each bad one is
 * reported with every rule it breaks, and one bad item never sinks the rest.
 */
export function importQuickReplies(
  fileText: string,
  existing: readonly QuickReply[],
): QuickRepliesImport {
  let json: unknown
  try {
    json = JSON.parse(fileText)
  } catch {
    return { ok: false, problem: 'not_json' }
  }
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) return { ok: false, problem: 'not_quick_replies' }
  const { version, quickReplies: items } = envelope.data
  if (version > quickRepliesFileVersion) return { ok: false, problem: 'newer_version', version }

  const accepted: ImportedQuickReply[] = []
  const rejected: RejectedQuickReply[] = []
  const firstIndexOf = new Map<string, number>()
  let order = existing.reduce((last, quickReply) => Math.max(last, quickReply.order), -1) + 1

  items.forEach((item, index) => {
    const parsed = fileItemSchema.safeParse(item)
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? ''
      rejected.push({
        index,
        shortcut: shortcutOf(item),
        issues: [{ code: 'item_invalid', field }],
      })
      return
    }
    const draft: QuickReplyDraft = {
      ...parsed.data,
      shortcut: normalizeShortcut(parsed.data.shortcut),
    }
    const issues: ImportIssue[] = checkQuickReply(draft, existing)
    const firstIndex = firstIndexOf.get(draft.shortcut)
    if (firstIndex === undefined) firstIndexOf.set(draft.shortcut, index)
    else issues.push({ code: 'duplicate_in_file', firstIndex })
    if (issues.length > 0) rejected.push({ index, shortcut: parsed.data.shortcut, issues })
    else accepted.push({ ...draft, order: order++, index })
  })
  return { ok: true, accepted, rejected }
}

function shortcutOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null || !('shortcut' in item)) return null
  return typeof item.shortcut === 'string' ? item.shortcut : null
}
