/** The desktop app's transport: the one object the preload exposed. */
import type { BridgeTransport } from '../../src-shared/bridge/client'
import type { PreloadBridge } from '../../src-shared/bridge/preload-api'

export function createIpcTransport(preload: PreloadBridge): BridgeTransport {
  return {
    request: (envelope) => preload.call(envelope),
    subscribe: (listener) => preload.onEvent(listener),
  }
}
