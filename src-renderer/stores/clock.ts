/**
 * The time the inbox reads windows and waiting times against. One clock for every pane, so the
 * list, the conversation and the composer never disagree; it ticks only while something shows
 * a time (see composables/shell/useClock.ts).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Windows are shown to the minute; twice a minute keeps "closes in 3 h 12 m" honest. */
export const clockTickMs = 30_000

export const useClockStore = defineStore('clock', () => {
  const now = ref(Date.now())
  let holders = 0
  let timer: ReturnType<typeof setInterval> | undefined

  function tick(at: number = Date.now()): void {
    now.value = at
  }

  /** Starts the clock for one user of it; returns the release. */
  function hold(): () => void {
    if (holders++ === 0) {
      tick()
      timer = setInterval(tick, clockTickMs)
    }
    let released = false
    return () => {
      if (released) return
      released = true
      if (--holders === 0) clearInterval(timer)
    }
  }

  return { now, tick, hold }
})
