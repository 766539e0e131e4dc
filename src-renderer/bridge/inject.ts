import { inject, type InjectionKey } from 'vue'
import type { BridgeClient } from '../../src-shared/bridge/client'

export const bridgeKey: InjectionKey<BridgeClient> = Symbol('bridge')

export function useBridge(): BridgeClient {
  const bridge = inject(bridgeKey)
  if (!bridge) throw new Error('The bridge was not provided')
  return bridge
}
