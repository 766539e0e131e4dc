/**
 * A BridgeClient for renderer tests: answers from handlers the test gives (or an error it sets),
 * records every call, and lets the test push core events.
 */
import type { BridgeClient } from '../../src-shared/bridge/client'
import type {
  EventName,
  MethodName,
  ParamsOf,
  PayloadOf,
  ResultOf,
} from '../../src-shared/bridge/contract'
import type { Result } from '../../src-shared/bridge/envelope'
import type { BridgeError } from '../../src-shared/bridge/errors'

export type FakeHandlers = {
  [M in MethodName]?: (params: ParamsOf<M>) => ResultOf<M> | BridgeError
}

export interface FakeBridge extends BridgeClient {
  readonly calls: { method: MethodName; params: unknown }[]
  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void
  /** Calls wait for this before answering, so a test can look at the state in between. */
  hold(): () => void
}

export function createFakeBridge(handlers: FakeHandlers): FakeBridge {
  const calls: { method: MethodName; params: unknown }[] = []
  const listeners = new Set<{ event: EventName; listener: (payload: never) => void }>()
  let gate: Promise<void> = Promise.resolve()

  return {
    calls,
    async call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<Result<ResultOf<M>>> {
      calls.push({ method, params })
      await gate
      const handler = handlers[method]
      if (!handler) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } }
      const answer = handler(params)
      return isBridgeError(answer) ? { ok: false, error: answer } : { ok: true, value: answer }
    },
    on(event, listener) {
      const entry = { event, listener: listener as (payload: never) => void }
      listeners.add(entry)
      return () => listeners.delete(entry)
    },
    emit(event, payload) {
      for (const entry of listeners) if (entry.event === event) entry.listener(payload as never)
    },
    hold() {
      let release = () => undefined as void
      gate = new Promise<void>((resolve) => (release = resolve))
      return () => {
        release()
        gate = Promise.resolve()
      }
    },
  }
}

function isBridgeError(answer: unknown): answer is BridgeError {
  return typeof answer === 'object' && answer !== null && 'code' in answer && 'message' in answer
}
