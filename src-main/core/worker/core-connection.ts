/**
 * What a shell holds of core: a way to hand it a call envelope, hear its events, let calls in
 * flight finish, and close it. Core runs in a worker thread in both shells; tests may run it
 * in-process through the same interface.
 */
import type { EventEnvelope, ResponseEnvelope } from '../../../src-shared/bridge/envelope'
import { createBridgeServer } from '../bridge-server'
import type { Core } from '../core'

export interface CoreConnection {
  handle(envelope: unknown): Promise<ResponseEnvelope>
  subscribe(listener: (event: EventEnvelope) => void): () => void
  /** Refuses new calls and resolves when those in flight have answered. */
  drain(): Promise<void>
  close(): Promise<void>
}

export function inProcessConnection(core: Core): CoreConnection {
  const bridge = createBridgeServer(core.handlers)
  return {
    handle: (envelope) => bridge.handle(envelope),
    subscribe: (listener) => core.events.subscribe(listener),
    drain: () => bridge.drain(),
    async close() {
      await bridge.drain()
      await core.close()
    },
  }
}
