/**
 * Puts the chosen theme on <html data-theme>, where theme.css picks its colours. "system"
 * follows the computer's light or dark setting, also when it changes while Kedai is open.
 */
import { onScopeDispose, ref, watchEffect } from 'vue'
import { usePreferencesStore } from '../../stores/preferences'

export type AppliedTheme = 'light' | 'dark'

export function useTheme(): void {
  const preferences = usePreferencesStore()
  const darkQuery = window.matchMedia('(prefers-color-scheme: dark)')
  const systemIsDark = ref(darkQuery.matches)
  const follow = (event: MediaQueryListEvent) => (systemIsDark.value = event.matches)
  darkQuery.addEventListener('change', follow)
  onScopeDispose(() => darkQuery.removeEventListener('change', follow))

  watchEffect(() => {
    const theme = preferences.theme
    const applied: AppliedTheme =
      theme === 'system' ? (systemIsDark.value ? 'dark' : 'light') : theme
    document.documentElement.dataset.theme = applied
  })
}
