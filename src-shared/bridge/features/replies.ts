/** Quick replies (`quickReplies.*`) and the shop's message templates (`templates.*`). */
import type { EventMap, MethodMap } from './method-map'

export const replyMethods = {} as const satisfies MethodMap

export const replyEvents = {} as const satisfies EventMap
