/** A Pinia installed on a bare app that provides the fake bridge, as main.ts does for real. */
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createApp } from 'vue'
import type { BridgeClient } from '../../src-shared/bridge/client'
import { bridgeKey } from '../../src-renderer/bridge/inject'

export function piniaWithBridge(bridge: BridgeClient): Pinia {
  const app = createApp({})
  app.provide(bridgeKey, bridge)
  const pinia = createPinia()
  app.use(pinia)
  setActivePinia(pinia)
  return pinia
}
