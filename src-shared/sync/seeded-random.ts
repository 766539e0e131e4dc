/**
 * A small seeded pseudo-random generator (mulberry32) for simulations and property tests: the
 * same seed always replays the same schedule, so a failing seed reproduces its failure. Not for
 * anything secret.
 */

export interface SeededRandom {
  readonly seed: number
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** A shuffled copy (Fisher–Yates); `items` is not touched. */
  shuffle<T>(items: readonly T[]): T[]
  /** An independent generator derived from this one, so adding draws in one place leaves others alone. */
  fork(): SeededRandom
}

export function createSeededRandom(seed: number): SeededRandom {
  const start = seed >>> 0
  let state = start

  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  function int(maxExclusive: number): number {
    if (!(maxExclusive >= 1)) throw new Error(`No integer below ${maxExclusive} to draw`)
    return Math.floor(next() * maxExclusive)
  }

  return {
    seed: start,
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('Cannot pick from nothing')
      return items[int(items.length)] as T
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1)
        ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
      }
      return copy
    },
    fork: () => createSeededRandom(Math.floor(next() * 4294967296)),
  }
}
