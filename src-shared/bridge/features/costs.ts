/** The cost meter: prices before sending, the ledger, budgets and the costs screen (`costs.*`). */
import type { EventMap, MethodMap } from './method-map'

export const costMethods = {} as const satisfies MethodMap

export const costEvents = {} as const satisfies EventMap
