/** Quick replies (`quickReplies.*`) and the shop's message templates (`templates.*`). */
import { z } from 'zod'
import { languages } from '../../preferences/preferences'
import { attachmentMaxBytes } from '../../quick-replies/attachment-rules'
import { quickReplyAttachmentSchema, quickReplySchema } from '../../quick-replies/quick-reply'
import { storedTemplateSchema } from '../../templates/stored-template'
import { templateDraftSchema } from '../../templates/template'
import type { EventMap, MethodMap } from './method-map'

const nothing = z.object({}).strict()
const id = z.string().min(1).max(64)
const done = z.object({ done: z.literal(true) })

/**
 * A broken rule, named by its code with the figures the message needs (`length`, `limit`,
 * `takenBy`...): the codes are those of src-shared/quick-replies and src-shared/templates.
 */
export const ruleIssueSchema = z.looseObject({ code: z.string() })
export type RuleIssue = z.infer<typeof ruleIssueSchema>

const quickReplyDraftSchema = z
  .object({
    shortcut: z.string().max(200),
    // Bounds input only; the limit after expansion is the shared rule's, with its own message.
    text: z.string().max(4096 * 4),
    attachment: quickReplyAttachmentSchema.optional(),
  })
  .strict()

const saveResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), quickReply: quickReplySchema }),
  z.object({ ok: z.literal(false), issues: z.array(ruleIssueSchema) }),
])

export const quickReplyImportResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(false),
    problem: z.enum(['not_json', 'not_quick_replies', 'newer_version']),
  }),
  z.object({
    ok: z.literal(true),
    added: z.array(quickReplySchema),
    rejected: z.array(
      z.object({
        index: z.number().int(),
        shortcut: z.string().nullable(),
        issues: z.array(ruleIssueSchema),
      }),
    ),
  }),
])

const templateSaveResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), template: storedTemplateSchema }),
  z.object({ ok: z.literal(false), issues: z.array(ruleIssueSchema) }),
])

export const replyMethods = {
  /**
   * The shop's quick replies in the owner's order. The first time a shop asks, the starter set
   * goes in, in `starterLanguage` (the language the owner sees Kedai in).
   */
  'quickReplies.list': {
    params: z.object({ starterLanguage: z.enum(languages).optional() }).strict(),
    result: z.array(quickReplySchema),
  },
  /** Creates (no id) or edits; a draft that breaks a rule is not kept and every rule is named. */
  'quickReplies.save': {
    params: z.object({ id: id.optional(), draft: quickReplyDraftSchema }).strict(),
    result: saveResultSchema,
  },
  /**
   * Keeps a photo or document in the vault (sealed) for a quick reply to carry. `data` is the
   * file's bytes in base64. A type the platform does not take, or a file over its kind's limit
   * (src-shared/quick-replies/attachment-rules.ts), is refused with INVALID_INPUT saying why.
   */
  'quickReplies.attachFile': {
    params: z
      .object({
        fileName: z.string().trim().min(1).max(255),
        mimeType: z.string().min(1).max(200),
        data: z
          .string()
          .min(1)
          .max(Math.ceil(attachmentMaxBytes / 3) * 4 + 4),
      })
      .strict(),
    result: quickReplyAttachmentSchema,
  },
  'quickReplies.duplicate': { params: z.object({ id }).strict(), result: quickReplySchema },
  /** Hidden at once; `quickReplies.undoDelete` brings the same one back. */
  'quickReplies.delete': { params: z.object({ id }).strict(), result: done },
  'quickReplies.undoDelete': { params: z.object({ id }).strict(), result: quickReplySchema },
  'quickReplies.reorder': {
    params: z.object({ ids: z.array(id).max(10_000) }).strict(),
    result: done,
  },
  'quickReplies.import': {
    params: z.object({ text: z.string().max(5 * 1024 * 1024) }).strict(),
    result: quickReplyImportResultSchema,
  },
  'quickReplies.export': {
    params: nothing,
    result: z.object({ fileName: z.string(), text: z.string() }),
  },
  /** The composer used it: one more in its count. */
  'quickReplies.recordUse': {
    params: z.object({ id }).strict(),
    result: z.object({ usageCount: z.number().int() }),
  },

  /** Every template of the shop with its review status, category in force and quality. */
  'templates.list': { params: nothing, result: z.array(storedTemplateSchema) },
  /**
   * Keeps a draft (new, or an edit of a draft or rejected one). Only what would make it
   * impossible to keep is refused here (name format and uniqueness); the rest of the review
   * rules are named by the editor and enforced on submit.
   */
  'templates.save': {
    params: z.object({ id: id.optional(), draft: templateDraftSchema }).strict(),
    result: templateSaveResultSchema,
  },
  'templates.duplicate': { params: z.object({ id }).strict(), result: storedTemplateSchema },
  'templates.delete': { params: z.object({ id }).strict(), result: done },
  /** Sends a draft for the platform's review through the relay; every broken rule refuses it. */
  'templates.submit': { params: z.object({ id }).strict(), result: templateSaveResultSchema },
  /** Pulls the platform's list through the relay now. */
  'templates.refresh': { params: nothing, result: z.array(storedTemplateSchema) },
} as const satisfies MethodMap

export const replyEvents = {
  /** A template's status, category or quality changed (a webhook, a submission, a refresh). */
  'templates.changed': z.object({ templateIds: z.array(z.string()) }),
} as const satisfies EventMap
