/**
 * The one contract between the renderer and core: every method with its parameter and result
 * schemas, and every event core pushes. Core implements it as one object typed against
 * `CoreHandlers`; the renderer's client is typed by the same maps.
 */
import { z } from 'zod'
import { preferencesSchema } from '../preferences/preferences'
import { maximumPassphraseLength } from '../vault/passphrase'
import { tamperReportSchema, vaultStatusSchema } from '../vault/vault-status'

const nothing = z.object({}).strict()

export const shells = ['electron', 'browser'] as const
export type Shell = (typeof shells)[number]

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(shells),
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
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>

export const events = {
  'preferences.changed': preferencesSchema,
  /** Every change of the vault's state; on `locked` the renderer forgets everything it showed. */
  'vault.changed': vaultStatusSchema,
} as const satisfies Record<string, z.ZodType>

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
