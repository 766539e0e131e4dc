/** The Settings choice of theme, saved through core; useTheme applies it. */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { themes, type Theme } from '../../../src-shared/preferences/preferences'
import { usePreferencesStore } from '../../stores/preferences'

export function useThemeSetting() {
  const { t } = useI18n()
  const preferences = usePreferencesStore()

  const selected = computed<Theme>({
    get: () => preferences.theme,
    set: (theme) => void preferences.update({ theme }),
  })

  const choices = computed(() =>
    themes.map((theme) => ({ value: theme, label: t(`settings.theme.${theme}`) })),
  )

  return { selected, choices }
}
