/** Quick replies (`quickReplies.*`) and the shop's message templates (`templates.*`). */
import { z } from 'zod'
import { storedTemplateSchema } from '../../templates/stored-template'
import type { EventMap, MethodMap } from './method-map'

const nothing = z.object({}).strict()

export const replyMethods = {
  /** Every template of the shop with its review status, category in force and quality. */
  'templates.list': { params: nothing, result: z.array(storedTemplateSchema) },
} as const satisfies MethodMap

export const replyEvents = {} as const satisfies EventMap
