/**
 * The link to the shop's relay as the indicator shows it: online or offline (since when),
 * replies waiting to be sent, when the shop last synced, and the relay's refusal. Core pushes
 * `link.changed` on every change and after every sync round; the store also asks once on unlock.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LinkStatus } from '../../src-shared/relay/link-status'
import type { BridgeError } from '../../src-shared/bridge/errors'
import { useBridge } from '../bridge/inject'
import { useVaultStore } from './vault'

export const useSyncStatusStore = defineStore('syncStatus', () => {
  const bridge = useBridge()
  const vault = useVaultStore()

  const status = ref<LinkStatus | null>(null)
  const syncing = ref(false)
  const syncError = ref<BridgeError | null>(null)
  let unsubscribe: (() => void) | null = null

  function apply(next: LinkStatus): void {
    // A status pushed while locked carries no shop data, but nothing is shown then anyway.
    if (vault.unlocked) status.value = next
  }

  async function refresh(): Promise<void> {
    const result = await bridge.call('link.status', {})
    if (result.ok) apply(result.value)
  }

  /** Subscribes once and loads; the indicator calls it when it first shows. */
  async function start(): Promise<void> {
    unsubscribe ??= bridge.on('link.changed', apply)
    await refresh()
  }

  /** The "sync now" action: pushes and pulls at once, whatever the backoff was. */
  async function syncNow(): Promise<void> {
    if (syncing.value) return
    syncing.value = true
    syncError.value = null
    const result = await bridge.call('sync.now', {})
    syncing.value = false
    if (result.ok) apply(result.value.link)
    else syncError.value = result.error
  }

  vault.registerShopData({
    forget() {
      status.value = null
      syncError.value = null
    },
    hydrate: refresh,
  })

  return { status, syncing, syncError, apply, refresh, start, syncNow }
})
