/** The Settings choice of idle time before Kedai locks itself, saved through core. */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { usePreferencesStore } from '../../stores/preferences'

/** Minutes offered; 0 never locks by itself. */
export const autoLockChoices = [0, 5, 15, 30, 60] as const

export function useAutoLockSetting() {
  const { t } = useI18n()
  const preferences = usePreferencesStore()

  const selected = computed<number>({
    get: () => preferences.preferences.autoLockMinutes,
    set: (autoLockMinutes) => void preferences.update({ autoLockMinutes }),
  })

  function label(minutes: number): string {
    if (minutes === 0) return t('settings.security.autoLock.never')
    if (minutes === 60) return t('settings.security.autoLock.hour')
    return t('settings.security.autoLock.minutes', { count: minutes })
  }

  // A time chosen elsewhere (another device's settings file) still shows, as itself.
  const choices = computed(() => {
    const offered: number[] = [...autoLockChoices]
    if (!offered.includes(selected.value)) offered.push(selected.value)
    return offered.sort((a, b) => a - b).map((value) => ({ value, label: label(value) }))
  })

  return { selected, choices }
}
