/**
 * Picks the transport: the preload's object inside the desktop app, otherwise the loopback
 * WebSocket of browser mode. Nothing above this file knows which one it got.
 */
import { createBridgeClient, type BridgeClient } from '../../src-shared/bridge/client'
import { preloadGlobalName, type PreloadBridge } from '../../src-shared/bridge/preload-api'
import { createIpcTransport } from './ipc-transport'
import { createWebSocketTransport, tokenFromLocation } from './websocket-transport'

export function connectBridge(): BridgeClient {
  const preload = (window as unknown as Record<string, PreloadBridge | undefined>)[
    preloadGlobalName
  ]
  if (preload) return createBridgeClient(createIpcTransport(preload))
  const token = tokenFromLocation(window.location) ?? ''
  const url = `ws://${window.location.host}/bridge?token=${encodeURIComponent(token)}`
  return createBridgeClient(createWebSocketTransport(url))
}
