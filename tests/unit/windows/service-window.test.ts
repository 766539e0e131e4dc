import { describe, expect, it } from 'vitest'
import {
  type WindowMessage,
  hourMs,
  serviceWindowAt,
  serviceWindowMs,
} from '../../../src-shared/windows'

const t0 = Date.UTC(2026, 10, 2, 9, 0)
const minute = 60_000

function customer(at: number): WindowMessage {
  return { direction: 'inbound', at }
}
function business(at: number, echo = false): WindowMessage {
  return { direction: 'outbound', at, echo }
}

describe('serviceWindowAt', () => {
  it('is closed when the customer never wrote, even after business messages', () => {
    expect(serviceWindowAt([], t0)).toEqual({ open: false, msLeft: 0 })
    expect(serviceWindowAt([business(t0 - hourMs)], t0)).toEqual({ open: false, msLeft: 0 })
  })

  it('opens with a customer message for 24 hours', () => {
    const window = serviceWindowAt([customer(t0)], t0 + 2 * hourMs)
    expect(window).toEqual({
      open: true,
      opensAt: t0,
      closesAt: t0 + serviceWindowMs,
      msLeft: 22 * hourMs,
    })
  })

  it('is reset by each new customer message', () => {
    const history = [customer(t0), customer(t0 + 20 * hourMs)]
    const window = serviceWindowAt(history, t0 + 30 * hourMs)
    expect(window.open).toBe(true)
    expect(window.opensAt).toBe(t0)
    expect(window.closesAt).toBe(t0 + 44 * hourMs)
    expect(window.msLeft).toBe(14 * hourMs)
  })

  it('is never opened or extended by business messages', () => {
    const history = [customer(t0), business(t0 + 23 * hourMs), business(t0 + 23.5 * hourMs)]
    expect(serviceWindowAt(history, t0 + 23.9 * hourMs).closesAt).toBe(t0 + serviceWindowMs)
    expect(serviceWindowAt(history, t0 + 25 * hourMs).open).toBe(false)
  })

  it('ignores smb_message_echoes, whatever their direction', () => {
    const history: WindowMessage[] = [
      customer(t0),
      business(t0 + 23 * hourMs, true),
      { direction: 'inbound', at: t0 + 23 * hourMs, echo: true },
    ]
    expect(serviceWindowAt(history, t0 + 24 * hourMs).open).toBe(false)
  })

  it('closes exactly 24 hours after the last customer message', () => {
    const history = [customer(t0)]
    const justBefore = serviceWindowAt(history, t0 + serviceWindowMs - 1)
    expect(justBefore).toMatchObject({ open: true, msLeft: 1 })
    const atBoundary = serviceWindowAt(history, t0 + serviceWindowMs)
    expect(atBoundary).toEqual({
      open: false,
      opensAt: t0,
      closesAt: t0 + serviceWindowMs,
      msLeft: 0,
    })
  })

  it('starts a new window after a gap of a full day', () => {
    const history = [customer(t0), customer(t0 + serviceWindowMs)]
    const window = serviceWindowAt(history, t0 + serviceWindowMs + minute)
    expect(window.opensAt).toBe(t0 + serviceWindowMs)
    expect(window.open).toBe(true)
  })

  it('takes history in any order and ignores messages after now', () => {
    const history = [customer(t0 + 10 * hourMs), customer(t0), customer(t0 + 40 * hourMs)]
    const window = serviceWindowAt(history, t0 + 12 * hourMs)
    expect(window).toEqual({
      open: true,
      opensAt: t0,
      closesAt: t0 + 34 * hourMs,
      msLeft: 22 * hourMs,
    })
  })
})
