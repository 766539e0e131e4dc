/** "3 min ago", "at 14:05": the indicator's times, in the owner's language, kept fresh. */
import { useI18n } from 'vue-i18n'
import { useClock } from '../shell/useClock'

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

export function useSyncTimes() {
  const { locale, t } = useI18n()
  const now = useClock()

  /** How long ago, rounded the way people say it; under a minute is "just now". */
  function ago(at: number): string {
    const elapsed = Math.max(0, now.value - at)
    if (elapsed < minute) return t('sync.time.justNow')
    const format = new Intl.RelativeTimeFormat(locale.value, { numeric: 'always', style: 'long' })
    if (elapsed < hour) return format.format(-Math.floor(elapsed / minute), 'minute')
    if (elapsed < day) return format.format(-Math.floor(elapsed / hour), 'hour')
    return format.format(-Math.floor(elapsed / day), 'day')
  }

  /** A clock time today, a date and time otherwise. */
  function when(at: number): string {
    const sameDay = new Date(at).toDateString() === new Date(now.value).toDateString()
    return new Intl.DateTimeFormat(
      locale.value,
      sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
    ).format(at)
  }

  return { now, ago, when }
}
