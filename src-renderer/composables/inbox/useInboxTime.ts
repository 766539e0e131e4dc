/**
 * Times and durations as the inbox writes them, in the owner's language: the shop's own clock
 * for message times, the customer's clock on hover where their country has one time zone, and
 * windows as time left ("5 h left", "closes in 3 h 12 m").
 */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { type ServiceWindow, timeLeft } from '../../../src-shared/windows'
import { singleTimeZoneOf } from './customer-time-zone'

const minuteMs = 60_000
const hourMs = 60 * minuteMs
const dayMs = 24 * hourMs

function startOfDay(at: number): number {
  const day = new Date(at)
  day.setHours(0, 0, 0, 0)
  return day.getTime()
}

/** Whole days between two moments by the shop's calendar (0: the same day). */
export function calendarDaysBetween(earlier: number, later: number): number {
  return Math.round((startOfDay(later) - startOfDay(earlier)) / dayMs)
}

interface Formats {
  time: Intl.DateTimeFormat
  weekday: Intl.DateTimeFormat
  shortDate: Intl.DateTimeFormat
  dayInYear: Intl.DateTimeFormat
  fullDay: Intl.DateTimeFormat
  full: Intl.DateTimeFormat
  date: Intl.DateTimeFormat
  /** The customer's clock, by time zone. */
  zoned: Map<string, Intl.DateTimeFormat>
}

// Formatters are costly to build and every list row needs them: one set per language.
const formatsByLocale = new Map<string, Formats>()

function formatsFor(locale: string): Formats {
  let formats = formatsByLocale.get(locale)
  if (!formats) {
    formats = {
      time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
      weekday: new Intl.DateTimeFormat(locale, { weekday: 'short' }),
      shortDate: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
      dayInYear: new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
      }),
      fullDay: new Intl.DateTimeFormat(locale, { dateStyle: 'full' }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }),
      zoned: new Map(),
    }
    formatsByLocale.set(locale, formats)
  }
  return formats
}

export function useInboxTime() {
  const { t, locale } = useI18n()

  const formats = computed(() => formatsFor(locale.value))

  const clockTime = (at: number) => formats.value.time.format(at)
  const fullTime = (at: number) => formats.value.full.format(at)
  const dateText = (at: number) => formats.value.date.format(at)

  /** A day separator: Today, Yesterday, or the date. */
  function dayLabel(at: number, now: number): string {
    const days = calendarDaysBetween(at, now)
    if (days === 0) return t('inbox.time.today')
    if (days === 1) return t('inbox.time.yesterday')
    return new Date(at).getFullYear() === new Date(now).getFullYear()
      ? formats.value.dayInYear.format(at)
      : formats.value.fullDay.format(at)
  }

  /** The list's last-activity column: a time today, a weekday this week, a date before. */
  function listTime(at: number, now: number): string {
    const days = calendarDaysBetween(at, now)
    if (days <= 0) return clockTime(at)
    if (days === 1) return t('inbox.time.yesterday')
    if (days < 7) return formats.value.weekday.format(at)
    return formats.value.shortDate.format(at)
  }

  /** How long, roughly: "4 min", "2 h", "3 d". */
  function duration(ms: number): string {
    if (ms < minuteMs) return t('inbox.time.lessThanMinute')
    if (ms < hourMs) return t('inbox.time.minutes', { count: Math.floor(ms / minuteMs) })
    if (ms < dayMs) return t('inbox.time.hours', { count: Math.floor(ms / hourMs) })
    return t('inbox.time.days', { count: Math.floor(ms / dayMs) })
  }

  /** The list's window column: "5 h left", "25 min left", "closed". */
  function windowLeft(window: ServiceWindow): string {
    const left = timeLeft(window)
    if (left.state === 'closed') return t('inbox.window.closed')
    return left.hours > 0
      ? t('inbox.window.hoursLeft', { hours: left.hours })
      : t('inbox.window.minutesLeft', { minutes: left.minutes })
  }

  /** The composer's countdown: "closes in 3 h 12 m". */
  function countdown(window: ServiceWindow): string {
    const left = timeLeft(window)
    if (left.state === 'closed') return t('inbox.window.closed')
    return left.hours > 0
      ? t('inbox.window.closesIn', { hours: left.hours, minutes: left.minutes })
      : t('inbox.window.closesInMinutes', { minutes: left.minutes })
  }

  /** The hover text of a message time: the full date, and the customer's clock where it is known. */
  function timeTitle(at: number, country: string | null): string {
    const zone = singleTimeZoneOf(country)
    if (zone === null) return fullTime(at)
    const zoned = formats.value.zoned
    let format = zoned.get(zone)
    if (!format) {
      format = new Intl.DateTimeFormat(locale.value, { timeStyle: 'short', timeZone: zone })
      zoned.set(zone, format)
    }
    const theirs = format.format(at)
    return t('inbox.time.withCustomerTime', { time: fullTime(at), theirs, zone })
  }

  return {
    clockTime,
    fullTime,
    dateText,
    dayLabel,
    listTime,
    duration,
    windowLeft,
    countdown,
    timeTitle,
  }
}
