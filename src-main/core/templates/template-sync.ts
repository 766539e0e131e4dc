/**
 * Templates between the shop and the platform, through the relay: the platform's list pulled
 * when the link starts (and on demand), a draft submitted for review, and the two template
 * webhooks applied as they come through the relay's inbox.
 */
import { z } from 'zod'
import {
  readWireTemplate,
  templateCategoryFromWire,
  templateCreateBody,
  templateStatusFromWire,
  type StoredTemplate,
} from '../../../src-shared/templates'
import type { CoreEvents } from '../events'
import type { RelayClient } from '../link/relay-client'
import { createLogger } from '../logger'
import type { EditRecorder } from '../sync/sync-log'
import type { OpenShop } from '../vault/vault'
import {
  markTemplateSubmitted,
  recordPlatformTemplate,
  requireTemplate,
  setTemplateCategory,
  announceTemplateCategory,
  setTemplateStatus,
} from './template-store'

const log = createLogger('templates')

/** Records every template of the platform's list; items Kedai cannot read are skipped. */
export async function pullTemplates(
  client: RelayClient,
  shop: () => OpenShop,
  at: () => number,
): Promise<string[]> {
  const items = await client.templates()
  const current = shop()
  const ids: string[] = []
  current.db.transaction(() => {
    for (const item of items) {
      const read = readWireTemplate(item)
      if (!read) {
        log.warn('a template from the platform was not readable; skipped')
        continue
      }
      ids.push(recordPlatformTemplate(current, read, at()).id)
    }
  })()
  return ids
}

/** Sends the draft for review and records the platform's id and first status. */
export async function submitTemplate(
  client: RelayClient,
  shop: () => OpenShop,
  sync: EditRecorder,
  id: string,
  at: () => number,
): Promise<StoredTemplate> {
  const template = requireTemplate(shop(), id)
  const answer = await client.submitTemplate(templateCreateBody(template))
  const current = shop()
  markTemplateSubmitted(current, sync, id, answer.id, templateStatusFromWire(answer.status), at())
  const category = answer.category ? templateCategoryFromWire(answer.category) : null
  // The platform may file it under another category at once (a "utility" text that sells).
  if (category && category !== template.category) {
    setTemplateCategory(current, { platformId: answer.id }, category, at())
  }
  return requireTemplate(current, id)
}

// The relay runs the same parser; core checks only what it relies on.
const statusEventShape = z.object({
  kind: z.literal('templateStatus'),
  templateId: z.string(),
  templateName: z.string(),
  language: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  rejection: z.object({ reason: z.string() }).loose().nullable().optional(),
})
const categoryEventShape = z.object({
  kind: z.literal('templateCategory'),
  templateId: z.string(),
  templateName: z.string(),
  language: z.string(),
  stage: z.enum(['impending', 'completed']),
  toCategory: z.string(),
  effectiveAt: z.number().nullable().default(null),
})

/**
 * A template webhook from the relay's inbox, applied; the template's id when it changed one.
 * A category change is applied when it is done; the day-ahead warning is kept as the category
 * to come, in force (and billed) from its time even if the "done" webhook is late.
 */
export function applyTemplateEvent(shop: OpenShop, raw: unknown, at: number): string | null {
  const status = statusEventShape.safeParse(raw)
  if (status.success) {
    const event = status.data
    const match = {
      platformId: event.templateId,
      name: event.templateName,
      language: event.language,
    }
    // The platform's reason word and, when it wrote one, its sentence for the owner.
    const reason = [event.reason, event.rejection?.reason].filter(Boolean).join(': ')
    return (
      setTemplateStatus(shop, match, templateStatusFromWire(event.status, reason || null), at)
        ?.id ?? null
    )
  }
  const category = categoryEventShape.safeParse(raw)
  if (category.success) {
    const event = category.data
    const to = templateCategoryFromWire(event.toCategory)
    if (!to) return null
    const match = {
      platformId: event.templateId,
      name: event.templateName,
      language: event.language,
    }
    // The day-ahead warning is kept to show the owner the price to come (and to bill it once
    // its time has passed); the move itself is applied when the platform says it is done.
    if (event.stage === 'impending') {
      return event.effectiveAt === null
        ? null
        : (announceTemplateCategory(shop, match, to, event.effectiveAt, at)?.id ?? null)
    }
    return setTemplateCategory(shop, match, to, at)?.id ?? null
  }
  return null
}

/**
 * Best effort when the link starts; true when the list came. Offline now, the link tries again
 * when it is next online (core.ts), so every device of the shop ends with the platform's list.
 */
export async function refreshTemplatesOnStart(
  client: RelayClient,
  vault: { readonly unlocked: boolean; shop(): OpenShop },
  events: CoreEvents,
): Promise<boolean> {
  try {
    const ids = await pullTemplates(client, () => vault.shop(), Date.now)
    if (ids.length > 0) events.emit('templates.changed', { templateIds: ids })
    return true
  } catch (cause) {
    if (vault.unlocked) log.warn('the platform template list could not be pulled', cause)
    return false
  }
}
