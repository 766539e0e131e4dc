/** Core's outgoing events, typed by the contract; each transport subscribes and forwards. */
import type { EventEnvelope } from '../../src-shared/bridge/envelope'
import type { EventName, PayloadOf } from '../../src-shared/bridge/contract'

export interface CoreEvents {
  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void
  subscribe(listener: (envelope: EventEnvelope) => void): () => void
}

export function createCoreEvents(): CoreEvents {
  const listeners = new Set<(envelope: EventEnvelope) => void>()
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) listener({ event, payload })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
