import { describe, expect, it } from 'vitest'
import { hourMs, timeLeft } from '../../../src-shared/windows'

describe('timeLeft', () => {
  it('describes a closed window', () => {
    expect(timeLeft({ msLeft: 0 })).toEqual({ state: 'closed' })
  })

  it('gives hours and minutes, rounded up to the minute', () => {
    expect(timeLeft({ msLeft: 5 * hourMs + 20 * 60_000 })).toEqual({
      state: 'open',
      hours: 5,
      minutes: 20,
      closingSoon: false,
    })
    expect(timeLeft({ msLeft: 30_000 })).toEqual({
      state: 'open',
      hours: 0,
      minutes: 1,
      closingSoon: true,
    })
    expect(timeLeft({ msLeft: 24 * hourMs })).toMatchObject({ hours: 24, minutes: 0 })
  })

  it('flags the last stretch with a threshold the UI may choose', () => {
    expect(timeLeft({ msLeft: 90 * 60_000 }, 2 * hourMs)).toMatchObject({ closingSoon: true })
  })
})
