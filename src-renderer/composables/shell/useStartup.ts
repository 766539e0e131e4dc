/**
 * Loads what the shell needs from core once, and says when the first screen can be drawn:
 * after the saved language is known (or known to be unreachable), so it never flickers.
 */
import { computed } from 'vue'
import { useAppInfoStore } from '../../stores/app-info'
import { usePreferencesStore } from '../../stores/preferences'

export function useStartup() {
  const preferences = usePreferencesStore()
  const appInfo = useAppInfoStore()
  void preferences.hydrate()
  void appInfo.hydrate()
  const ready = computed(() => preferences.status === 'done' || preferences.status === 'error')
  return { ready }
}
