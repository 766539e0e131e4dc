/**
 * Time left in a window as data for the UI to put into words ("5 h left", "closed"); the words
 * themselves belong to i18n.
 */
import { hourMs } from './window-message'

export type TimeLeft =
  | { state: 'closed' }
  | {
      state: 'open'
      /** Whole hours and the minutes beyond them, rounded up to the minute so 30 s reads 0 h 1 min. */
      hours: number
      minutes: number
      /** Less than `soonMs` left (an hour by default): time to hurry, or to switch to a template. */
      closingSoon: boolean
    }

export function timeLeft(window: { msLeft: number }, soonMs: number = hourMs): TimeLeft {
  if (window.msLeft <= 0) return { state: 'closed' }
  const totalMinutes = Math.ceil(window.msLeft / 60_000)
  return {
    state: 'open',
    hours: Math.floor(totalMinutes / 60),
    minutes: totalMinutes % 60,
    closingSoon: window.msLeft < soonMs,
  }
}
