/**
 * Picks the transport: the preload's object inside the desktop app, otherwise the loopback
 * WebSocket of browser mode. Nothing above this file knows which one it got, except that a
 * browser-mode address without its token can say so instead of failing vaguely.
 */
import { createBridgeClient, type BridgeClient } from '../../src-shared/bridge/client'
import { preloadGlobalName, type PreloadBridge } from '../../src-shared/bridge/preload-api'
import { createIpcTransport } from './ipc-transport'
import { createRefusedTransport } from './refused-transport'
import { createWebSocketTransport, tokenFromLocation } from './websocket-transport'

export interface BridgeConnection {
  client: BridgeClient
  /** Browser mode opened without `#token=...`: no call can succeed. */
  missingToken: boolean
}

export function connectBridge(): BridgeConnection {
  const preload = (window as unknown as Record<string, PreloadBridge | undefined>)[
    preloadGlobalName
  ]
  if (preload)
    return { client: createBridgeClient(createIpcTransport(preload)), missingToken: false }
  const token = tokenFromLocation(window.location)
  if (!token) {
    const transport = createRefusedTransport('This address is missing its access token.')
    return { client: createBridgeClient(transport), missingToken: true }
  }
  const url = `ws://${window.location.host}/bridge?token=${encodeURIComponent(token)}`
  return { client: createBridgeClient(createWebSocketTransport(url)), missingToken: false }
}
