/**
 * The shop's message templates (table `templates`). What the platform decides about a template
 * (status, rejection reason, quality, category) lives in plain columns so it can change on a
 * webhook without opening anything; the owner's wording (header, body, footer, buttons,
 * examples) is sealed as one JSON value in `content_sealed`.
 *
 * The category column is the one in force: the platform may move a utility template to marketing
 * after approval, and the price follows that column, not the category the owner first chose.
 *
 * Synced between the shop's devices (a `template` in src-main/core/sync): what the owner writes
 * (name, language, category chosen, the wording as `components`, deletion) and the platform's id
 * once a draft was sent for review (`platformId`), so the other devices show it pending and stop
 * editing it. What the platform decides (status, reason, quality, the category in force) does not
 * travel: every device pulls the platform's webhooks and template list from the relay itself.
 * A template first seen in the platform's list gets the id `p-<platform id>` on every device.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import {
  templateDraftSchema,
  templateStatusSchema,
  type StoredTemplate,
  type TemplateCategory,
  type TemplateDraft,
  type TemplateQuality,
  type TemplateStatus,
} from '../../../src-shared/templates'
import type { JsonValue } from '../../../src-shared/sync/canonical-json'
import { entityIdPattern } from '../../../src-shared/sync/operation'
import { newId } from '../ids'
import { createLogger } from '../logger'
import { statement } from '../store/statements'
import type { StoredField } from '../sync/field-store'
import type { Edit, EditRecorder } from '../sync/sync-log'
import type { OpenShop } from '../vault/vault'

const log = createLogger('templates')

interface TemplateRow {
  id: string
  name: string
  language: string
  category: string
  status: string
  quality: string
  platform_id: string | null
  rejected_reason: string | null
  content_sealed: Buffer
  created_at: number
  updated_at: number
  upcoming_category: string | null
  upcoming_category_at: number | null
}

const columns =
  'id, name, language, category, status, quality, platform_id, rejected_reason, content_sealed, created_at, updated_at, upcoming_category, upcoming_category_at'

/** A template as the platform reports it (its list or a review outcome). */
export interface PlatformTemplate {
  platformId: string
  status: TemplateStatus
  quality: TemplateQuality
  /** Name, language and category included: the platform's word wins over the local one. */
  content: TemplateDraft
}

/** How a webhook names a template: by the platform's id, else by name and language. */
export interface TemplateMatch {
  platformId?: string | null
  name?: string | null
  language?: string | null
}

function sealContent(shop: OpenShop, id: string, draft: TemplateDraft): Buffer {
  return shop.sealer.seal('templates', 'content', id, JSON.stringify(draft))
}

function statusOf(row: TemplateRow): TemplateStatus {
  const parsed = templateStatusSchema.safeParse(
    row.status === 'rejected'
      ? { state: 'rejected', reason: row.rejected_reason ?? '' }
      : { state: row.status },
  )
  // A state this version does not know (the platform adds some) reads as paused: not sendable.
  return parsed.success ? parsed.data : { state: 'paused' }
}

/** A row whose content does not open (reported by the vault) is left out, like a note. */
/**
 * The category in force now, and the one announced for later. An announced move whose time has
 * passed is in force even before the platform's "done" webhook arrives: it is what gets billed.
 */
function categoriesOf(row: TemplateRow, now: number) {
  const upcoming =
    row.upcoming_category !== null && row.upcoming_category_at !== null
      ? { category: row.upcoming_category as TemplateCategory, at: row.upcoming_category_at }
      : null
  if (upcoming && upcoming.at <= now) return { category: upcoming.category, upcomingCategory: null }
  return { category: row.category as TemplateCategory, upcomingCategory: upcoming }
}

function fromRow(shop: OpenShop, row: TemplateRow, now = Date.now()): StoredTemplate | null {
  const json = shop.open('templates', 'content', row.id, row.content_sealed)
  if (json === null) return null
  const content = templateDraftSchema.safeParse(JSON.parse(json))
  if (!content.success) return null
  const status = statusOf(row)
  return {
    ...content.data,
    id: row.id,
    name: row.name,
    language: row.language,
    ...categoriesOf(row, now),
    ...(row.platform_id ? { platformId: row.platform_id } : {}),
    status,
    quality: row.quality as TemplateQuality,
    rejectedReason: status.state === 'rejected' ? status.reason : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Every template of the shop that was not deleted, by name then language. */
export function listTemplates(shop: OpenShop): StoredTemplate[] {
  const rows = statement(
    shop.db,
    `SELECT ${columns} FROM templates WHERE deleted_at IS NULL ORDER BY name, language`,
  ).all() as TemplateRow[]
  return rows.flatMap((row) => fromRow(shop, row) ?? [])
}

/** One template by Kedai's id, or null when it does not exist or was deleted. */
export function findTemplate(shop: OpenShop, id: string): StoredTemplate | null {
  const row = statement(
    shop.db,
    `SELECT ${columns} FROM templates WHERE id = ? AND deleted_at IS NULL`,
  ).get(id) as TemplateRow | undefined
  return row ? fromRow(shop, row) : null
}

/** The same lookup, failing in the owner's words when it is not there. */
export function requireTemplate(shop: OpenShop, id: string): StoredTemplate {
  const found = findTemplate(shop, id)
  if (!found) throw new BridgeFailure('NOT_FOUND', 'This template is not in this shop any more.')
  return found
}

function rowByMatch(shop: OpenShop, match: TemplateMatch): TemplateRow | undefined {
  if (match.platformId) {
    const byId = statement(shop.db, `SELECT ${columns} FROM templates WHERE platform_id = ?`).get(
      match.platformId,
    ) as TemplateRow | undefined
    if (byId) return byId
  }
  if (match.name && match.language) {
    return statement(
      shop.db,
      `SELECT ${columns} FROM templates WHERE name = ? AND language = ?`,
    ).get(match.name, match.language) as TemplateRow | undefined
  }
  return undefined
}

/** Which states the owner may still edit: nothing the platform has approved or is reviewing. */
export function isEditable(status: TemplateStatus): boolean {
  return status.state === 'draft' || status.state === 'rejected'
}

/**
 * Creates a draft, or saves the owner's edit of one (a rejected template becomes a draft again,
 * keeping its platform id so the next submission edits it). The rules are checked by the caller
 * with check-template; here only what the table itself demands: one template per name and
 * language.
 */
export function saveTemplateDraft(
  shop: OpenShop,
  sync: EditRecorder,
  draft: TemplateDraft,
  at: number,
  id?: string,
): StoredTemplate {
  const clash = statement(
    shop.db,
    'SELECT id, deleted_at FROM templates WHERE name = ? AND language = ?',
  ).get(draft.name, draft.language) as { id: string; deleted_at: number | null } | undefined
  if (clash && clash.id !== id && clash.deleted_at === null) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `There is already a template called ${draft.name} in this language.`,
    )
  }
  if (id !== undefined) {
    const current = requireTemplate(shop, id)
    if (!isEditable(current.status)) {
      throw new BridgeFailure(
        'INVALID_INPUT',
        'The platform has this template (pending or approved), so it cannot be changed. Duplicate it and edit the copy.',
      )
    }
  }
  const templateId = id ?? newId(at)
  sync.record(shop, draftEdits(templateId, draft))
  return requireTemplate(shop, templateId)
}

/** The owner's fields of a draft, as operations. */
function draftEdits(id: string, draft: TemplateDraft): Edit[] {
  const { name, language, category, ...components } = draft
  const edit = (field: string, value: JsonValue): Edit => ({ entity: 'template', id, field, value })
  return [
    edit('name', name),
    edit('language', language),
    edit('category', category),
    edit('components', JSON.parse(JSON.stringify(components)) as JsonValue),
  ]
}

const ownerFields = ['name', 'language', 'category', 'components'] as const
const stampWall = (field: StoredField) => parseInt(field.hlc.slice(0, 12), 16)

/**
 * Writes a template's row from its merged owner fields. A draft edited after it was sent for
 * review (a rejected one reworked) is a draft again; one sent after its last edit is pending
 * until the platform's webhook says more. Once the platform has it (pending, approved...), its
 * wording and category are the platform's, so owner fields no longer overwrite them.
 */
export function materialiseTemplate(
  shop: OpenShop,
  id: string,
  fields: ReadonlyMap<string, StoredField>,
): void {
  const row = statement(shop.db, `SELECT ${columns}, deleted_at FROM templates WHERE id = ?`).get(
    id,
  ) as (TemplateRow & { deleted_at: number | null }) | undefined
  const deleted = fields.get('deleted')
  const deletedAt = deleted
    ? deleted.value === true
      ? stampWall(deleted)
      : null
    : (row?.deleted_at ?? null)
  if (row && !ownerFields.some((field) => fields.has(field))) {
    // Only its tombstone is known here (a template from the platform's list, deleted elsewhere).
    if (deleted) {
      statement(shop.db, 'UPDATE templates SET deleted_at = ? WHERE id = ?').run(deletedAt, id)
    }
    return
  }
  const local = row ? fromRow(shop, row) : null
  const name = fields.get('name')?.value ?? local?.name
  const language = fields.get('language')?.value ?? local?.language
  const category = fields.get('category')?.value ?? local?.category
  const components = fields.get('components')?.value
  const draft = templateDraftSchema.safeParse({
    ...(local ?? {}),
    ...(components && typeof components === 'object' ? components : {}),
    name,
    language,
    category,
  })
  if (!draft.success) return // Not all of it here yet, or written by a newer Kedai.
  const submitted = fields.get('platformId')
  // Stamps compare as strings (fixed-width hex first): the latest owner edit against the sending.
  const editHlc =
    ownerFields
      .map((field) => fields.get(field)?.hlc ?? '')
      .sort()
      .at(-1) ?? ''
  const sentAfterEdit = submitted !== undefined && submitted.hlc > editHlc
  const platformId = typeof submitted?.value === 'string' ? submitted.value : null
  const updatedAt = Math.max(...[...fields.values()].map(stampWall))

  const clash = statement(
    shop.db,
    'SELECT id, deleted_at, platform_id FROM templates WHERE name = ? AND language = ? AND id != ?',
  ).get(draft.data.name, draft.data.language, id) as
    { id: string; deleted_at: number | null; platform_id: string | null } | undefined
  if (clash) {
    if (clash.deleted_at === null || clash.platform_id !== null) {
      // Two devices named two drafts alike while apart: this one waits until one is renamed.
      log.warn('a template from another device has the name of one here; kept aside')
      return
    }
    // A deleted local draft with the same name gives its name up.
    statement(shop.db, 'DELETE FROM templates WHERE id = ?').run(clash.id)
  }
  if (!row) {
    if (deletedAt !== null) return // Made and deleted elsewhere: nothing to show.
    statement(
      shop.db,
      `INSERT INTO templates (id, name, language, category, status, quality, platform_id, content_sealed, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'UNKNOWN', ?, ?, ?, ?)`,
    ).run(
      id,
      draft.data.name,
      draft.data.language,
      draft.data.category,
      sentAfterEdit ? 'pending' : 'draft',
      sentAfterEdit ? platformId : null,
      sealContent(shop, id, draft.data),
      Math.min(...[...fields.values()].map(stampWall)),
      updatedAt,
    )
    return
  }
  const editable = row.status === 'draft' || row.status === 'rejected'
  if (editable && !sentAfterEdit) {
    const status =
      row.status === 'rejected' && editHlc > (submitted?.hlc ?? '') ? 'draft' : row.status
    statement(
      shop.db,
      `UPDATE templates SET name = ?, language = ?, category = ?, status = ?,
         rejected_reason = CASE WHEN ? = 'draft' THEN NULL ELSE rejected_reason END,
         content_sealed = ?, updated_at = max(updated_at, ?), deleted_at = ? WHERE id = ?`,
    ).run(
      draft.data.name,
      draft.data.language,
      draft.data.category,
      status,
      status,
      sealContent(shop, id, draft.data),
      updatedAt,
      deletedAt,
      id,
    )
    return
  }
  statement(
    shop.db,
    `UPDATE templates SET status = CASE WHEN status = 'draft' THEN 'pending' ELSE status END,
       platform_id = coalesce(platform_id, ?), updated_at = max(updated_at, ?), deleted_at = ?
     WHERE id = ?`,
  ).run(sentAfterEdit ? platformId : null, updatedAt, deletedAt, id)
}

/** After a submission the relay answered: the platform's id and its first status. */
export function markTemplateSubmitted(
  shop: OpenShop,
  sync: EditRecorder,
  id: string,
  platformId: string,
  status: TemplateStatus,
  at: number,
): StoredTemplate {
  shop.db.transaction(() => {
    statement(
      shop.db,
      'UPDATE templates SET platform_id = ?, status = ?, rejected_reason = ?, updated_at = ? WHERE id = ?',
    ).run(platformId, status.state, status.state === 'rejected' ? status.reason : null, at, id)
    // The other devices learn it was sent (the platform's own words reach them by webhook).
    sync.record(shop, [{ entity: 'template', id, field: 'platformId', value: platformId }])
  })()
  return requireTemplate(shop, id)
}

/**
 * One template from the platform's list: inserted, or the local row (matched by platform id,
 * else by name and language) brought up to date. A deleted row the platform still has comes
 * back, since it can still be sent.
 */
export function recordPlatformTemplate(
  shop: OpenShop,
  incoming: PlatformTemplate,
  at: number,
): StoredTemplate {
  const { content } = incoming
  const row = rowByMatch(shop, {
    platformId: incoming.platformId,
    name: content.name,
    language: content.language,
  })
  const reason = incoming.status.state === 'rejected' ? incoming.status.reason : null
  if (!row) {
    // The same id on every device, since each pulls the platform's list itself.
    const derived = `p-${incoming.platformId}`
    const id = entityIdPattern.test(derived) ? derived : newId(at)
    statement(
      shop.db,
      `INSERT INTO templates (id, name, language, category, status, quality, platform_id, rejected_reason, content_sealed, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      content.name,
      content.language,
      content.category,
      incoming.status.state,
      incoming.quality,
      incoming.platformId,
      reason,
      sealContent(shop, id, content),
      at,
      at,
    )
    return requireTemplate(shop, id)
  }
  // Keep the owner's example values and fill-from choices: the platform's list may omit them.
  const local = fromRow(shop, row)
  const merged: TemplateDraft = {
    ...content,
    body: {
      text: content.body.text,
      examples: { ...local?.body.examples, ...content.body.examples },
    },
    ...(local?.fillFrom ? { fillFrom: local.fillFrom } : {}),
  }
  statement(
    shop.db,
    `UPDATE templates SET name = ?, language = ?, category = ?, status = ?, quality = ?, platform_id = ?,
     rejected_reason = ?, content_sealed = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
  ).run(
    content.name,
    content.language,
    content.category,
    incoming.status.state,
    incoming.quality,
    incoming.platformId,
    reason,
    sealContent(shop, row.id, merged),
    at,
    row.id,
  )
  return requireTemplate(shop, row.id)
}

/** A review outcome (`message_template_status_update`); null when the template is unknown here. */
export function setTemplateStatus(
  shop: OpenShop,
  match: TemplateMatch,
  status: TemplateStatus,
  at: number,
): StoredTemplate | null {
  const row = rowByMatch(shop, match)
  if (!row) return null
  statement(
    shop.db,
    'UPDATE templates SET status = ?, rejected_reason = ?, platform_id = COALESCE(platform_id, ?), updated_at = ? WHERE id = ?',
  ).run(
    status.state,
    status.state === 'rejected' ? status.reason : null,
    match.platformId ?? null,
    at,
    row.id,
  )
  return findTemplate(shop, row.id)
}

/** The platform moved a template to another category (`template_category_update`). */
export function setTemplateCategory(
  shop: OpenShop,
  match: TemplateMatch,
  category: TemplateCategory,
  at: number,
): StoredTemplate | null {
  const row = rowByMatch(shop, match)
  if (!row) return null
  // Done: the announcement, if any, is over.
  statement(
    shop.db,
    `UPDATE templates SET category = ?, upcoming_category = NULL, upcoming_category_at = NULL,
       updated_at = ? WHERE id = ?`,
  ).run(category, at, row.id)
  return findTemplate(shop, row.id)
}

/** The platform's day-ahead warning: this template moves to `category` at `effectiveAt`. */
export function announceTemplateCategory(
  shop: OpenShop,
  match: TemplateMatch,
  category: TemplateCategory,
  effectiveAt: number,
  at: number,
): StoredTemplate | null {
  const row = rowByMatch(shop, match)
  if (!row) return null
  statement(
    shop.db,
    `UPDATE templates SET upcoming_category = ?, upcoming_category_at = ?, updated_at = ?
     WHERE id = ?`,
  ).run(category, effectiveAt, at, row.id)
  return findTemplate(shop, row.id)
}

/** Hides a template from the shop's lists; its row stays so a late webhook still finds it. */
export function deleteTemplate(shop: OpenShop, sync: EditRecorder, id: string): void {
  requireTemplate(shop, id)
  sync.record(shop, [{ entity: 'template', id, field: 'deleted', value: true }])
}
