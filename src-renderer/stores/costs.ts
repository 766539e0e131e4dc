/**
 * The cost meter and the owner's cost settings as core keeps them. `costs.changed` moves the
 * meter the moment a message is queued and again when the platform confirms its price. Shop
 * data: emptied whenever the vault is not unlocked.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BridgeError } from '../../src-shared/bridge/errors'
import type { CostSettings } from '../../src-shared/costs/cost-settings'
import type { Meter } from '../../src-shared/costs/cost-views'
import { useBridge } from '../bridge/inject'
import { useVaultStore } from './vault'

export const useCostsStore = defineStore('costs', () => {
  const bridge = useBridge()
  const vault = useVaultStore()
  const meter = ref<Meter | null>(null)
  const settings = ref<CostSettings | null>(null)
  /** Bumped on every change, so open price lines ask again. */
  const generation = ref(0)
  let unsubscribe: (() => void) | null = null

  async function hydrate(): Promise<void> {
    unsubscribe ??= bridge.on('costs.changed', (next) => {
      if (!vault.unlocked) return
      meter.value = next
      generation.value += 1
    })
    const session = vault.session
    const [read, stored] = await Promise.all([
      bridge.call('costs.meter', {}),
      bridge.call('costs.settings', {}),
    ])
    if (vault.session !== session || !vault.unlocked) return
    if (read.ok) meter.value = read.value
    if (stored.ok) settings.value = stored.value
  }

  async function updateSettings(change: Partial<CostSettings>): Promise<BridgeError | null> {
    const result = await bridge.call('costs.updateSettings', change)
    if (!result.ok) return result.error
    settings.value = result.value
    return null
  }

  function forget(): void {
    meter.value = null
    settings.value = null
    generation.value += 1
  }

  vault.registerShopData({ forget, hydrate })
  // Made after the unlock (the meter mounts with the shell): load now, not at the next unlock.
  if (vault.unlocked) void hydrate()

  return { meter, settings, generation, hydrate, updateSettings, forget }
})
