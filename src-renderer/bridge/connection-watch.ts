/**
 * Wraps the bridge client to tell whether core is reachable: any answer from core (even a
 * refusal such as INVALID_INPUT) proves the line works; these codes mean core never answered.
 */
import type { BridgeClient } from '../../src-shared/bridge/client'
import type { ErrorCode } from '../../src-shared/bridge/errors'

const lineDownCodes: ReadonlySet<ErrorCode> = new Set(['DISCONNECTED', 'TIMEOUT', 'SHUTTING_DOWN'])

export interface ConnectionObserver {
  noteAnswer(): void
  noteLost(): void
}

export function watchConnection(client: BridgeClient, observer: ConnectionObserver): BridgeClient {
  return {
    async call(method, params) {
      const result = await client.call(method, params)
      if (!result.ok && lineDownCodes.has(result.error.code)) observer.noteLost()
      else observer.noteAnswer()
      return result
    },
    on: (event, listener) => client.on(event, listener),
  }
}
