/** The Settings choice of language: the computer's, or one of Kedai's two, saved through core. */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Language } from '../../../src-shared/preferences/preferences'
import { usePreferencesStore } from '../../stores/preferences'

export type LanguageChoice = Language | 'system'

export function useLanguageSetting() {
  const { t } = useI18n()
  const preferences = usePreferencesStore()

  const selected = computed<LanguageChoice>({
    get: () => preferences.preferences.language ?? 'system',
    set: (choice) => void preferences.update({ language: choice === 'system' ? null : choice }),
  })

  const choices = computed(() => [
    {
      value: 'system' as const,
      label: t('settings.language.system', {
        language: t(`languageNames.${preferences.systemLanguage}`),
      }),
    },
    { value: 'id' as const, label: t('languageNames.id') },
    { value: 'en' as const, label: t('languageNames.en') },
  ])

  return { selected, choices }
}
