/**
 * The sealed fields core could not open since the last unlock (which conversation, which
 * message), so the owner learns that something is hidden instead of missing it silently.
 * Shop data: emptied whenever the vault is not unlocked.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BridgeError } from '../../src-shared/bridge/errors'
import type { TamperReport } from '../../src-shared/vault/vault-status'
import { useBridge } from '../bridge/inject'
import type { LoadStatus } from './load-status'
import { useVaultStore } from './vault'

export const useTamperReportsStore = defineStore('tamperReports', () => {
  const bridge = useBridge()
  const vault = useVaultStore()

  const reports = ref<TamperReport[]>([])
  const status = ref<LoadStatus>('idle')
  const loadError = ref<BridgeError | null>(null)

  /** Core adds a report whenever it meets a field that does not open, so this is read on demand. */
  async function load(): Promise<void> {
    const session = vault.session
    status.value = 'loading'
    const result = await bridge.call('vault.tamperReports', {})
    if (vault.session !== session || !vault.unlocked) return
    if (result.ok) {
      reports.value = result.value
      loadError.value = null
      status.value = 'done'
    } else {
      loadError.value = result.error
      status.value = 'error'
    }
  }

  function forget(): void {
    reports.value = []
    status.value = 'idle'
    loadError.value = null
  }

  vault.registerShopData({ forget })

  return { reports, status, loadError, load, forget }
})
