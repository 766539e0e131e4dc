/** Keeps vue-i18n and the page's `lang` (read by screen readers and spell checkers) on the owner's language. */
import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { usePreferencesStore } from '../../stores/preferences'

export function useLanguage(): void {
  const preferences = usePreferencesStore()
  const { locale } = useI18n({ useScope: 'global' })
  watchEffect(() => {
    locale.value = preferences.language
    document.documentElement.lang = preferences.language
  })
}
