/** Devices of one shop: pairing, removal and the operation log's state (`sync.*`). */
import type { EventMap, MethodMap } from './method-map'

export const syncMethods = {} as const satisfies MethodMap

export const syncEvents = {} as const satisfies EventMap
