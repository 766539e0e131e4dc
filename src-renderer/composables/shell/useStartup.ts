/**
 * Loads what the shell needs from core once, and says when the first screen can be drawn:
 * after the saved language is known and the vault has said whether it is new, locked or open
 * (or either is known to be unreachable), so nothing flickers.
 */
import { computed } from 'vue'
import { useAppInfoStore } from '../../stores/app-info'
import { usePreferencesStore } from '../../stores/preferences'
import { useVaultStore } from '../../stores/vault'

export function useStartup() {
  const preferences = usePreferencesStore()
  const appInfo = useAppInfoStore()
  const vault = useVaultStore()
  void preferences.hydrate()
  void appInfo.hydrate()
  void vault.hydrate()
  const settled = (status: string) => status === 'done' || status === 'error'
  const ready = computed(() => settled(preferences.status) && settled(vault.loadStatus))
  return { ready }
}
