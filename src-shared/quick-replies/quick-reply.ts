/** A quick reply: the owner's own canned answer, typed after "/" and sent as free text. */
import { z } from 'zod'
import { expandVariables, literalLength, textMessageLimit, type Expansion } from './expand'
import { type ReplyContext } from './reply-context'
import { checkShortcut, normalizeShortcut, shortcutMaxLength, type ShortcutIssue } from './shortcut'

/**
 * With a photo or document the text travels as its caption, and the platform caps captions at
 * 1,024 characters (Cloud API image/document messages, "Maximum 1024 characters",
 * developers.facebook.com/documentation/business-messaging/whatsapp/messages/image-messages).
 */
export const captionLimit = 1024

export const attachmentKinds = ['image', 'document'] as const
export type AttachmentKind = (typeof attachmentKinds)[number]

export const quickReplyAttachmentSchema = z.object({
  kind: z.enum(attachmentKinds),
  /** Where core keeps the file (a vault media id); opaque here. */
  mediaRef: z.string().min(1),
  fileName: z.string().min(1).optional(),
})
export type QuickReplyAttachment = z.infer<typeof quickReplyAttachmentSchema>

export const quickReplySchema = z.object({
  id: z.string().min(1),
  /** Stored without the leading "/" (see shortcut.ts). */
  shortcut: z.string().min(1).max(shortcutMaxLength),
  text: z.string(),
  attachment: quickReplyAttachmentSchema.optional(),
  /** Position in the owner's list; the composer's "/" list follows it. */
  order: z.number().int(),
  usageCount: z.number().int().nonnegative(),
})
export type QuickReply = z.infer<typeof quickReplySchema>

/** What the manager's form edits: a quick reply before it has an id, order and usage. */
export interface QuickReplyDraft {
  shortcut: string
  text: string
  attachment?: QuickReplyAttachment
}

/** The limit the text must fit once its variables are filled. */
export function textLimitFor(quickReply: { attachment?: QuickReplyAttachment }): number {
  return quickReply.attachment ? captionLimit : textMessageLimit
}

export type QuickReplyIssue =
  ShortcutIssue | { code: 'text_empty' } | { code: 'text_too_long'; length: number; limit: number }

/**
 * Every rule a quick reply breaks before it is saved. The text's length here counts only its
 * literal parts, the least it can be once expanded; the exact check happens at send time.
 * A photo with no text is a fine quick reply, so text is required only without an attachment.
 */
export function checkQuickReply(
  draft: QuickReplyDraft,
  others: readonly QuickReply[],
  selfId?: string,
): QuickReplyIssue[] {
  const issues: QuickReplyIssue[] = checkShortcut(draft.shortcut, others, selfId)
  if (draft.text.trim().length === 0 && !draft.attachment) issues.push({ code: 'text_empty' })
  const limit = textLimitFor(draft)
  const length = literalLength(draft.text)
  if (length > limit) issues.push({ code: 'text_too_long', length, limit })
  return issues
}

/** The draft as it will be stored: shortcut normalised, nothing else touched. */
export function normalizeDraft(draft: QuickReplyDraft): QuickReplyDraft {
  return { ...draft, shortcut: normalizeShortcut(draft.shortcut) }
}

/** The quick reply's text filled for this customer, checked against its own limit. */
export function expandQuickReply(
  quickReply: Pick<QuickReply, 'text' | 'attachment'>,
  context: ReplyContext,
): Expansion {
  return expandVariables(quickReply.text, context, textLimitFor(quickReply))
}
