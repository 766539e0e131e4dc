/**
 * What a feature's handlers are given: the shop's vault, the platform link and the event
 * channel. Each feature builds its part of `CoreHandlers` from this in its own file, so core.ts
 * only puts the parts together.
 */
import type { z } from 'zod'
import type { MethodMap } from '../../../src-shared/bridge/features/method-map'
import type { CoreEvents } from '../events'
import type { PlatformLink } from '../link/platform-link'
import type { SyncLog } from '../sync/sync-log'
import type { Vault } from '../vault/vault'

export interface FeatureContext {
  readonly vault: Vault
  readonly link: PlatformLink
  readonly events: CoreEvents
  /** The operation log: shop data edits are recorded through it, in the edit's transaction. */
  readonly sync: SyncLog
  /** The clock every handler reads; tests may set it. */
  now(): number
}

/** The handlers for one feature's methods, typed by that feature's part of the contract. */
export type HandlersFor<M extends MethodMap> = {
  [K in keyof M]: (
    params: z.output<M[K]['params']>,
  ) => Promise<z.output<M[K]['result']>> | z.output<M[K]['result']>
}
