/**
 * The one contract between the renderer and core: every method with its parameter and result
 * schemas, and every event core pushes. Core implements it as one object typed against
 * `CoreHandlers`; the renderer's client is typed by the same maps.
 */
import { z } from 'zod'
import { preferencesSchema } from '../preferences/preferences'

const nothing = z.object({}).strict()

export const shells = ['electron', 'browser'] as const
export type Shell = (typeof shells)[number]

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(shells),
})

export const methods = {
  'app.info': { params: nothing, result: appInfoSchema },
  'preferences.get': { params: nothing, result: preferencesSchema },
  'preferences.update': { params: preferencesSchema.partial().strict(), result: preferencesSchema },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>

export const events = {
  'preferences.changed': preferencesSchema,
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
