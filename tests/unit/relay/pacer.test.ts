import { describe, expect, it } from 'vitest'
import { createPacer } from '../../../src-relay/sending/pacer'

const pair = { burst: 45, intervalMs: 6000 }

describe('the pacer', () => {
  it('lets a burst of 45 go to one customer at once, then one every 6 seconds, in order', () => {
    const pacer = createPacer()
    const waits = Array.from({ length: 48 }, () => pacer.reserve([{ key: 'c', rate: pair }], 0))
    expect(waits.slice(0, 45)).toEqual(Array(45).fill(0))
    expect(waits.slice(45)).toEqual([6000, 12000, 18000])
    // Once the time passed, the customer's bucket refills.
    expect(pacer.reserve([{ key: 'c', rate: pair }], 10 * 60_000)).toBe(0)
  })

  it('waits for the slowest of several limits and books all of them', () => {
    const pacer = createPacer()
    const number = { burst: 2, intervalMs: 100 }
    const tight = { burst: 1, intervalMs: 1000 }
    expect(
      pacer.reserve(
        [
          { key: 'n', rate: number },
          { key: 'p', rate: tight },
        ],
        0,
      ),
    ).toBe(0)
    expect(
      pacer.reserve(
        [
          { key: 'n', rate: number },
          { key: 'p', rate: tight },
        ],
        0,
      ),
    ).toBe(1000)
    // The number's slot was booked at 1000 too.
    expect(pacer.reserve([{ key: 'n', rate: number }], 0)).toBe(1000)
  })

  it('holds a key off after the platform said "too fast"', () => {
    const pacer = createPacer()
    pacer.holdOff('c', pair, 6000)
    expect(pacer.reserve([{ key: 'c', rate: pair }], 0)).toBe(6000)
    expect(pacer.reserve([{ key: 'c', rate: pair }], 0)).toBe(12000)
  })

  it('answers without booking when only asked', () => {
    const pacer = createPacer()
    const one = { burst: 1, intervalMs: 1000 }
    expect(pacer.tryTake('k', one, 0)).toBe(true)
    expect(pacer.tryTake('k', one, 500)).toBe(false)
    expect(pacer.tryTake('k', one, 1000)).toBe(true)
  })
})
