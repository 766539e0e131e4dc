/**
 * Pacing by the generic cell rate algorithm: each key (a phone number, or a phone number and one
 * customer) allows a burst of `burst` messages, then one per `intervalMs`. `reserve` books the
 * earliest slot for a message and says how long to wait for it, so queued messages keep their
 * order. After the platform says "too fast", `holdOff` pushes the key's next slot out.
 */

export interface Rate {
  burst: number
  intervalMs: number
}

export interface Pacer {
  /** Books a slot under every key and returns the wait (0 when it may go now). */
  reserve(keys: readonly { key: string; rate: Rate }[], now: number): number
  /** True and booked when a message may go now under `key`; false and untouched otherwise. */
  tryTake(key: string, rate: Rate, now: number): boolean
  /** Nothing goes under `key` before `until`, and then the burst starts empty. */
  holdOff(key: string, rate: Rate, until: number): void
}

export function createPacer(): Pacer {
  // Theoretical arrival time per key: when the bucket would be exactly full again.
  const tat = new Map<string, number>()
  const allowedAt = (key: string, rate: Rate, now: number) =>
    Math.max(now, (tat.get(key) ?? now) - (rate.burst - 1) * rate.intervalMs)
  const book = (key: string, rate: Rate, at: number) =>
    tat.set(key, Math.max(tat.get(key) ?? at, at) + rate.intervalMs)
  // A key whose bucket is full again says nothing a missing key would not; drop them now and then.
  const prune = (now: number) => {
    if (tat.size < 10_000) return
    for (const [key, time] of tat) if (time <= now) tat.delete(key)
  }

  return {
    reserve(keys, now) {
      prune(now)
      const at = Math.max(now, ...keys.map(({ key, rate }) => allowedAt(key, rate, now)))
      for (const { key, rate } of keys) book(key, rate, at)
      return at - now
    },
    tryTake(key, rate, now) {
      if (allowedAt(key, rate, now) > now) return false
      book(key, rate, now)
      return true
    },
    holdOff(key, rate, until) {
      // One slot at `until`, the rest of the burst refilling from there.
      tat.set(key, Math.max(tat.get(key) ?? 0, until + (rate.burst - 1) * rate.intervalMs))
    },
  }
}
