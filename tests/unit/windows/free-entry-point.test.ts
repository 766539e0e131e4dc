import { describe, expect, it } from 'vitest'
import {
  type WindowMessage,
  freeEntryPointAt,
  freeEntryPointMs,
  hourMs,
} from '../../../src-shared/windows'

const t0 = Date.UTC(2026, 10, 2, 9, 0)

const fromAd = (at: number): WindowMessage => ({ direction: 'inbound', at, referral: true })
const customer = (at: number): WindowMessage => ({ direction: 'inbound', at })
const business = (at: number, echo = false): WindowMessage => ({ direction: 'outbound', at, echo })

describe('freeEntryPointAt', () => {
  it('waits for an answer to an ad customer, and says until when it opens a free window', () => {
    const state = freeEntryPointAt([fromAd(t0)], t0 + hourMs)
    expect(state).toEqual({
      open: false,
      msLeft: 0,
      answerBefore: t0 + 24 * hourMs,
      nextMessageFree: true,
    })
  })

  it('opens 72 hours from an answer within 24 hours', () => {
    const history = [fromAd(t0), business(t0 + 2 * hourMs)]
    const state = freeEntryPointAt(history, t0 + 50 * hourMs)
    expect(state).toEqual({
      open: true,
      opensAt: t0 + 2 * hourMs,
      closesAt: t0 + 2 * hourMs + freeEntryPointMs,
      msLeft: 24 * hourMs,
      nextMessageFree: true,
    })
    const after = freeEntryPointAt(history, t0 + 2 * hourMs + freeEntryPointMs)
    expect(after).toMatchObject({ open: false, msLeft: 0, nextMessageFree: false })
  })

  it('is forfeited when the first answer comes after 24 hours', () => {
    const history = [fromAd(t0), business(t0 + 25 * hourMs)]
    expect(freeEntryPointAt(history, t0 + 26 * hourMs)).toEqual({
      open: false,
      msLeft: 0,
      nextMessageFree: false,
    })
    // Unanswered past 24 hours: nothing is pending either.
    expect(freeEntryPointAt([fromAd(t0)], t0 + 24 * hourMs).nextMessageFree).toBe(false)
  })

  it('needs a referral: an ordinary customer message opens no free window', () => {
    const history = [customer(t0), business(t0 + hourMs)]
    expect(freeEntryPointAt(history, t0 + 2 * hourMs).nextMessageFree).toBe(false)
  })

  it('is not opened by a reply from the phone app (echo)', () => {
    const history = [fromAd(t0), business(t0 + hourMs, true)]
    expect(freeEntryPointAt(history, t0 + 2 * hourMs)).toMatchObject({
      open: false,
      answerBefore: t0 + 24 * hourMs,
    })
  })

  it('is not extended by another ad click while it runs', () => {
    const history = [fromAd(t0), business(t0 + hourMs), fromAd(t0 + 10 * hourMs)]
    const state = freeEntryPointAt(history, t0 + 20 * hourMs)
    expect(state.closesAt).toBe(t0 + hourMs + freeEntryPointMs)
    expect(state.answerBefore).toBeUndefined()
  })
})
