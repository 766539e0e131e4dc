/**
 * The one contract between the renderer and core: every method with its parameter and result
 * schemas, and every event core pushes. Core implements it as one object typed against
 * `CoreHandlers`; the renderer's client is typed by the same maps.
 */
import { z } from 'zod'
import { preferencesSchema } from '../preferences/preferences'
import { maximumPassphraseLength } from '../vault/passphrase'
import { tamperReportSchema, vaultStatusSchema } from '../vault/vault-status'
import { linkStatusSchema } from '../relay/link-status'
import { conversationItemSchema, messageItemSchema } from '../inbox/inbox-view'
import { sendLimits } from '../whatsapp/send-limits'
import { quickReplyAttachmentSchema } from '../quick-replies/quick-reply'
import type { EventMap, MethodMap } from './features/method-map'
import { costEvents, costMethods } from './features/costs'
import { replyEvents, replyMethods } from './features/replies'
import { syncEvents, syncMethods } from './features/sync'
import { templateSendingEvents, templateSendingMethods } from './features/template-sending'
import { searchEvents, searchMethods } from './features/search'
import { customerEvents, customerMethods } from './features/customers'

const nothing = z.object({}).strict()

export const shells = ['electron', 'browser'] as const
export type Shell = (typeof shells)[number]

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(shells),
  /** A demo shop: simulated customers through a relay and platform emulator on this computer. */
  demo: z.boolean(),
})

// Length is checked here only as a bound; the minimum is core's rule, with its own message.
const passphrase = z.string().max(maximumPassphraseLength * 4)
const done = z.object({ done: z.literal(true) })

export const methods = {
  'app.info': { params: nothing, result: appInfoSchema },
  'preferences.get': { params: nothing, result: preferencesSchema },
  'preferences.update': { params: preferencesSchema.partial().strict(), result: preferencesSchema },
  'vault.status': { params: nothing, result: vaultStatusSchema },
  'vault.create': {
    params: z.object({ shopName: z.string().max(80), passphrase }).strict(),
    result: vaultStatusSchema,
  },
  'vault.unlock': { params: z.object({ passphrase }).strict(), result: vaultStatusSchema },
  'vault.lock': { params: nothing, result: vaultStatusSchema },
  /** The owner is at the keyboard: keeps the idle auto-lock from firing. */
  'vault.activity': { params: nothing, result: done },
  'vault.changePassphrase': {
    params: z.object({ current: passphrase, next: passphrase }).strict(),
    result: done,
  },
  'vault.setRemembered': {
    params: z.object({ remember: z.boolean(), passphrase }).strict(),
    result: vaultStatusSchema,
  },
  'vault.exportBackup': {
    params: nothing,
    result: z.object({ fileName: z.string(), base64: z.string() }),
  },
  'vault.restoreBackup': {
    params: z.object({ base64: z.string().max(1024 * 1024 * 1024), passphrase }).strict(),
    result: vaultStatusSchema,
  },
  'vault.restoreLatestBackup': { params: nothing, result: vaultStatusSchema },
  'vault.tamperReports': { params: nothing, result: z.array(tamperReportSchema) },
  'link.status': { params: nothing, result: linkStatusSchema },
  /** Joins a relay with the one-time code its operator gave. */
  'link.enrol': {
    params: z
      .object({ relayUrl: z.url({ protocol: /^https?$/ }), code: z.string().min(4).max(64) })
      .strict(),
    result: linkStatusSchema,
  },
  'link.syncNow': { params: nothing, result: linkStatusSchema },
  'inbox.conversations': {
    params: z.object({ limit: z.number().int().min(1).max(10_000).default(200) }).strict(),
    result: z.array(conversationItemSchema),
  },
  'inbox.messages': {
    params: z
      .object({
        conversationId: z.string().min(1).max(64),
        limit: z.number().int().min(1).max(10_000).default(50),
      })
      .strict(),
    result: z.array(messageItemSchema),
  },
  /** The owner read the conversation: unread goes to 0 and the customer sees blue ticks. */
  'inbox.markRead': {
    params: z.object({ conversationId: z.string().min(1).max(64) }).strict(),
    result: z.object({ unreadCount: z.number().int() }),
  },
  'inbox.setPinned': {
    params: z.object({ conversationId: z.string().min(1).max(64), pinned: z.boolean() }).strict(),
    result: z.object({ done: z.literal(true) }),
  },
  'inbox.setArchived': {
    params: z.object({ conversationId: z.string().min(1).max(64), archived: z.boolean() }).strict(),
    result: z.object({ done: z.literal(true) }),
  },
  /**
   * Writes and queues a reply in one step; it goes out when the relay is reachable. With a quick
   * reply's `attachment` it goes as that photo or document, the text as its caption (which may
   * then be empty).
   */
  'inbox.sendText': {
    params: z
      .object({
        conversationId: z.string().min(1).max(64),
        // The platform's limit is checked by core with its own message; this only bounds input.
        text: z.string().max(sendLimits.textBody * 4),
        replyToWamid: z.string().max(512).optional(),
        attachment: quickReplyAttachmentSchema.optional(),
        /** Send although a budget is used up (logged in the ledger); free replies never need it. */
        overrideBudget: z.boolean().optional(),
      })
      .strict()
      .refine((params) => params.text.length > 0 || params.attachment !== undefined, {
        message: 'a reply needs text or an attachment',
        path: ['text'],
      }),
    result: z.object({ messageId: z.string(), clientId: z.string() }),
  },
  // Each later feature keeps its part of the contract in its own file under features/.
  ...replyMethods,
  ...costMethods,
  ...templateSendingMethods,
  ...syncMethods,
  ...customerMethods,
  ...searchMethods,
} as const satisfies MethodMap

export const events = {
  'preferences.changed': preferencesSchema,
  /** Every change of the vault's state; on `locked` the renderer forgets everything it showed. */
  'vault.changed': vaultStatusSchema,
  'link.changed': linkStatusSchema,
  /** New messages or statuses in these conversations. */
  'inbox.changed': z.object({ conversationIds: z.array(z.string()) }),
  ...replyEvents,
  ...costEvents,
  ...templateSendingEvents,
  ...syncEvents,
  ...customerEvents,
  ...searchEvents,
} as const satisfies EventMap

export type MethodName = keyof typeof methods
export type EventName = keyof typeof events
export type ParamsOf<M extends MethodName> = z.input<(typeof methods)[M]['params']>
export type ResultOf<M extends MethodName> = z.output<(typeof methods)[M]['result']>
export type PayloadOf<E extends EventName> = z.output<(typeof events)[E]>

/** What core must implement: one handler per method; a missing one is a compile error. */
export type CoreHandlers = {
  [M in MethodName]: (
    params: z.output<(typeof methods)[M]['params']>,
  ) => Promise<ResultOf<M>> | ResultOf<M>
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name)
}
