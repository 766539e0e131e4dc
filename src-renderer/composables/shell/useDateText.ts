/** A moment written the way the owner's language writes dates, e.g. for a backup's time. */
import { useI18n } from 'vue-i18n'

export function useDateText() {
  const { locale } = useI18n()
  return (at: number): string =>
    new Intl.DateTimeFormat(locale.value, { dateStyle: 'long', timeStyle: 'short' }).format(at)
}
