import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NextRound } from '../../../src-main/core/link/next-round'

describe('the next sync round', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('is not postponed by a later ask: a wake-up during a round survives its "poll again later"', () => {
    const run = vi.fn()
    const next = new NextRound(run)
    next.within(0) // another device's edit woke us while a round was finishing
    next.within(15_000) // the round ends and asks to poll again later
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(20_000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('is brought forward by a sooner ask, and runs once for many asks', () => {
    const run = vi.fn()
    const next = new NextRound(run)
    next.within(15_000)
    next.within(2_000)
    next.within(5_000)
    vi.advanceTimersByTime(1_999)
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(30_000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('asks again freely once it ran, and a cancelled round never runs', () => {
    const run = vi.fn()
    const next = new NextRound(run)
    next.within(0)
    vi.advanceTimersByTime(1)
    next.within(15_000)
    vi.advanceTimersByTime(15_000)
    expect(run).toHaveBeenCalledTimes(2)
    next.within(100)
    next.cancel()
    vi.advanceTimersByTime(1_000)
    expect(run).toHaveBeenCalledTimes(2)
  })
})
