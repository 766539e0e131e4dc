/** Core's handlers for `src-shared/bridge/features/replies.ts`. */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import type { replyMethods } from '../../../src-shared/bridge/features/replies'
import { checkTemplate, type TemplateDraft } from '../../../src-shared/templates'
import { RelayRefused, RelayUnreachable, type RelayClient } from '../link/relay-client'
import {
  deleteQuickReply,
  duplicateQuickReply,
  exportQuickRepliesFile,
  importQuickRepliesFile,
  listQuickReplies,
  recordQuickReplyUse,
  reorderQuickReplies,
  restoreQuickReply,
  saveQuickReply,
  seedStarterSet,
} from '../quick-replies/quick-reply-store'
import {
  deleteTemplate,
  listTemplates,
  requireTemplate,
  saveTemplateDraft,
} from '../templates/template-store'
import { pullTemplates, submitTemplate } from '../templates/template-sync'
import { addMedia } from '../quick-replies/media-store'
import { attachmentRefusal } from '../quick-replies/attachment-refusal'
import type { FeatureContext, HandlersFor } from './feature-context'

/** The name rules only: a draft must be storable (unique name per language) to be kept. */
const keepingRules = new Set(['name_format', 'name_too_long', 'name_taken', 'language_format'])

export function createReplyHandlers(context: FeatureContext): HandlersFor<typeof replyMethods> {
  const { vault, link, events } = context
  const now = () => context.now()
  const shop = () => vault.shop()
  const { sync } = context
  const changed = (templateIds: string[]) => events.emit('templates.changed', { templateIds })
  /** An edit goes to the shop's other devices now, not at the next poll. */
  function edited<T>(result: T): T {
    link.syncSoon(0)
    return result
  }

  function relay(): RelayClient {
    vault.shop()
    const client = link.relay()
    if (!client) {
      throw new BridgeFailure(
        'DISCONNECTED',
        'Kedai is not connected to the platform yet. Connect a relay in Settings first.',
      )
    }
    return client
  }

  async function throughRelay<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (cause) {
      if (cause instanceof RelayRefused) {
        throw new BridgeFailure('INVALID_INPUT', `The platform refused: ${cause.message}`)
      }
      if (cause instanceof RelayUnreachable) {
        throw new BridgeFailure('DISCONNECTED', `The relay could not be reached: ${cause.message}`)
      }
      throw cause
    }
  }

  function issuesOf(draft: TemplateDraft, selfId?: string) {
    return checkTemplate(draft, { others: listTemplates(shop()), ...(selfId ? { selfId } : {}) })
  }

  return {
    'quickReplies.list': ({ starterLanguage }) => {
      if (starterLanguage) seedStarterSet(shop(), starterLanguage, now())
      return listQuickReplies(shop())
    },
    'quickReplies.save': ({ id, draft }) => edited(saveQuickReply(shop(), sync, draft, now(), id)),
    'quickReplies.attachFile': ({ fileName, mimeType, data }) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
        throw new BridgeFailure('INVALID_INPUT', 'The file did not arrive whole. Attach it again.')
      }
      const added = addMedia(
        shop(),
        { fileName, mimeType, bytes: Buffer.from(data, 'base64') },
        now(),
      )
      if (!added.ok) throw new BridgeFailure('INVALID_INPUT', attachmentRefusal(added.issue))
      return added.attachment
    },
    'quickReplies.duplicate': ({ id }) => edited(duplicateQuickReply(shop(), sync, id, now())),
    'quickReplies.delete': ({ id }) => {
      deleteQuickReply(shop(), sync, id)
      return edited({ done: true })
    },
    'quickReplies.undoDelete': ({ id }) => edited(restoreQuickReply(shop(), sync, id)),
    'quickReplies.reorder': ({ ids }) => {
      reorderQuickReplies(shop(), sync, ids)
      return edited({ done: true })
    },
    'quickReplies.import': ({ text }) => edited(importQuickRepliesFile(shop(), sync, text, now())),
    'quickReplies.export': () => exportQuickRepliesFile(shop(), now()),
    'quickReplies.recordUse': ({ id }) =>
      edited({ usageCount: recordQuickReplyUse(shop(), sync, id) }),

    'templates.list': () => listTemplates(shop()),
    'templates.save': ({ id, draft }) => {
      const blocking = issuesOf(draft, id).filter((issue) => keepingRules.has(issue.code))
      if (blocking.length > 0) return { ok: false, issues: blocking }
      const template = saveTemplateDraft(shop(), sync, draft, now(), id)
      changed([template.id])
      return edited({ ok: true, template })
    },
    'templates.duplicate': ({ id }) => {
      const original = requireTemplate(shop(), id)
      const names = new Set(
        listTemplates(shop())
          .filter((t) => t.language === original.language)
          .map((t) => t.name),
      )
      let n = 2
      while (names.has(`${original.name}_${n}`)) n++
      const { name, language, category, header, body, footer, buttons, fillFrom } = original
      const copy = saveTemplateDraft(
        shop(),
        sync,
        {
          name: `${name}_${n}`,
          language,
          category,
          header,
          body,
          ...(footer !== undefined ? { footer } : {}),
          buttons,
          ...(fillFrom ? { fillFrom } : {}),
        },
        now(),
      )
      changed([copy.id])
      return edited(copy)
    },
    'templates.delete': ({ id }) => {
      deleteTemplate(shop(), sync, id)
      changed([id])
      return edited({ done: true })
    },
    'templates.submit': async ({ id }) => {
      const template = requireTemplate(shop(), id)
      if (template.status.state !== 'draft') {
        throw new BridgeFailure('INVALID_INPUT', 'Only a draft can be sent for review.')
      }
      const issues = issuesOf(template, id)
      if (issues.length > 0) return { ok: false, issues }
      const client = relay()
      const submitted = await throughRelay(() => submitTemplate(client, shop, sync, id, now))
      changed([id])
      return edited({ ok: true, template: submitted })
    },
    'templates.refresh': async () => {
      const client = relay()
      const ids = await throughRelay(() => pullTemplates(client, shop, now))
      if (ids.length > 0) changed(ids)
      return listTemplates(shop())
    },
  }
}
