/** Which Kedai this is (name, version) and which shell it runs in, as core reports it. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ResultOf } from '../../src-shared/bridge/contract'
import { useBridge } from '../bridge/inject'
import type { LoadStatus } from './load-status'

export type AppInfo = ResultOf<'app.info'>

export const useAppInfoStore = defineStore('appInfo', () => {
  const bridge = useBridge()
  const info = ref<AppInfo | null>(null)
  const status = ref<LoadStatus>('idle')

  async function hydrate(): Promise<void> {
    status.value = 'loading'
    const result = await bridge.call('app.info', {})
    info.value = result.ok ? result.value : null
    status.value = result.ok ? 'done' : 'error'
  }

  return { info, status, hydrate }
})
