/**
 * Reads the two template webhooks: `message_template_status_update` (approved, rejected, paused,
 * disabled...) and `template_category_update` (Meta moved a template to another category).
 */
import { z } from 'zod'
import type { ChangeRead, EntryRoute } from './change-reading'
import {
  templateStatuses,
  type TemplateCategory,
  type TemplateCategoryEvent,
  type TemplateStatus,
  type TemplateStatusEvent,
} from './webhook-events'
import { describeIssue, epochSecondsAsMillis, graphId, textOrNull } from './wire-values'

export function templateCategoryOf(raw: string): TemplateCategory {
  const word = raw.trim().toLowerCase()
  return word === 'marketing' || word === 'utility' || word === 'authentication' ? word : 'unknown'
}

function templateStatusOf(raw: string): TemplateStatus {
  const word = raw.trim().toUpperCase()
  return (templateStatuses as readonly string[]).includes(word)
    ? (word as TemplateStatus)
    : 'UNKNOWN'
}

const templateIdentity = {
  message_template_id: graphId,
  message_template_name: z.string().min(1),
  message_template_language: z.string().min(1),
}

const wireTemplateStatus = z.object({
  ...templateIdentity,
  event: z.string().min(1),
  reason: z.string().optional(),
  message_template_category: z.string().optional(),
  rejection_info: z
    .object({ reason: z.string(), recommendation: z.string().optional() })
    .optional(),
  other_info: z
    .object({ title: z.string().optional(), description: z.string().optional() })
    .optional(),
})

export function readTemplateStatus(
  value: unknown,
  base: string,
  entry: EntryRoute,
): ChangeRead<TemplateStatusEvent> {
  const read = wireTemplateStatus.safeParse(value)
  if (!read.success) return { ok: false, problem: describeIssue(base, read.error) }
  const wire = read.data
  const reason = textOrNull(wire.reason)
  return {
    ok: true,
    event: {
      kind: 'templateStatus',
      ...entry,
      templateId: wire.message_template_id,
      templateName: wire.message_template_name,
      language: wire.message_template_language,
      status: templateStatusOf(wire.event),
      reason: reason === null || reason.toUpperCase() === 'NONE' ? null : reason,
      category: wire.message_template_category
        ? templateCategoryOf(wire.message_template_category)
        : null,
      rejection: wire.rejection_info
        ? {
            reason: wire.rejection_info.reason,
            recommendation: textOrNull(wire.rejection_info.recommendation),
          }
        : null,
      otherInfo: wire.other_info
        ? {
            title: textOrNull(wire.other_info.title),
            description: textOrNull(wire.other_info.description),
          }
        : null,
    },
  }
}

const wireTemplateCategory = z.object({
  ...templateIdentity,
  new_category: z.string().min(1),
  previous_category: z.string().optional(),
  correct_category: z.string().optional(),
  category_update_timestamp: epochSecondsAsMillis.optional(),
})

export function readTemplateCategory(
  value: unknown,
  base: string,
  entry: EntryRoute,
): ChangeRead<TemplateCategoryEvent> {
  const read = wireTemplateCategory.safeParse(value)
  if (!read.success) return { ok: false, problem: describeIssue(base, read.error) }
  const wire = read.data
  // Meta's naming is a trap: in the day-ahead warning `new_category` is the category the
  // template has now and `correct_category` the one it is about to get; once done,
  // `previous_category` is the old one and `new_category` the new one.
  const impending = wire.correct_category !== undefined
  return {
    ok: true,
    event: {
      kind: 'templateCategory',
      ...entry,
      templateId: wire.message_template_id,
      templateName: wire.message_template_name,
      language: wire.message_template_language,
      stage: impending ? 'impending' : 'completed',
      fromCategory: impending
        ? templateCategoryOf(wire.new_category)
        : wire.previous_category
          ? templateCategoryOf(wire.previous_category)
          : null,
      toCategory: templateCategoryOf(
        impending ? (wire.correct_category ?? wire.new_category) : wire.new_category,
      ),
      effectiveAt: impending ? (wire.category_update_timestamp ?? null) : entry.notifiedAt,
    },
  }
}
