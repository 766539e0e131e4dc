/** The shop's devices as the relay knows them, and removing one (Settings › Devices). */
import { ref } from 'vue'
import type { DeviceItem } from '../../../src-shared/bridge/features/sync'
import type { BridgeError } from '../../../src-shared/bridge/errors'
import { useBridge } from '../../bridge/inject'

export function useDevices() {
  const bridge = useBridge()
  const items = ref<DeviceItem[]>([])
  const loading = ref(false)
  const loadError = ref<BridgeError | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    const result = await bridge.call('sync.devices', {})
    loading.value = false
    if (result.ok) {
      // The shop's current devices first, this computer at the top; removed ones after.
      items.value = [...result.value].sort(
        (a, b) =>
          Number(a.removedAt !== null) - Number(b.removedAt !== null) ||
          Number(b.thisDevice) - Number(a.thisDevice) ||
          a.createdAt - b.createdAt,
      )
      loadError.value = null
    } else {
      loadError.value = result.error
    }
  }

  /** Resolves to the refusal, or null once the relay removed it (the list is then reloaded). */
  async function remove(deviceId: string): Promise<BridgeError | null> {
    const result = await bridge.call('sync.removeDevice', { deviceId })
    if (!result.ok) return result.error
    await load()
    return null
  }

  return { items, loading, loadError, load, remove }
}
