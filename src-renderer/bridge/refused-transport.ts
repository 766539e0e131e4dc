/**
 * The transport for a browser-mode address without its token: the web host would refuse the
 * WebSocket anyway, so no connection is attempted and every call fails at once.
 */
import type { BridgeTransport } from '../../src-shared/bridge/client'

export function createRefusedTransport(reason: string): BridgeTransport {
  return {
    request: () => Promise.reject(new Error(reason)),
    subscribe: () => () => undefined,
  }
}
