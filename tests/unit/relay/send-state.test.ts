import { describe, expect, it } from 'vitest'
import {
  outcomeOf,
  sendStates,
  transitionAllowed,
  type SendRecord,
  type SendState,
  type SendTransition,
} from '../../../src-relay/sending/send-state'

const error = { code: 131047, reason: 'windowClosed', message: 'Re-engagement message' }
const transitions: SendTransition[] = [
  { to: 'calling' },
  { to: 'retrying', error },
  { to: 'unknown' },
  { to: 'sent', wamid: 'wamid.x' },
  { to: 'failed', error },
]

function allowedFrom(state: SendState): string[] {
  return transitions
    .filter((transition) => transitionAllowed(state, transition))
    .map((transition) => transition.to)
}

describe('a send only moves forward', () => {
  it('allows exactly these moves', () => {
    expect(Object.fromEntries(sendStates.map((state) => [state, allowedFrom(state)]))).toEqual({
      queued: ['calling', 'failed'],
      calling: ['retrying', 'unknown', 'sent', 'failed'],
      retrying: ['calling', 'failed'],
      unknown: ['sent', 'failed'],
      sent: ['failed'],
      failed: [],
    })
  })

  it('never calls again once the platform may have the message', () => {
    for (const state of ['calling', 'unknown', 'sent', 'failed'] as const) {
      expect(transitionAllowed(state, { to: 'calling' })).toBe(false)
    }
  })

  it('shows queued, calling and retrying as pending', () => {
    const record = (state: SendState, extra: Partial<SendRecord> = {}): SendRecord => ({
      shopId: 's',
      clientId: 'c',
      state,
      wamid: null,
      error: null,
      attempts: 0,
      createdAt: 0,
      updatedAt: 0,
      ...extra,
    })
    expect(
      ['queued', 'calling', 'retrying'].map((state) => outcomeOf(record(state as SendState)).state),
    ).toEqual(['pending', 'pending', 'pending'])
    expect(outcomeOf(record('unknown'))).toEqual({ clientId: 'c', state: 'unknown' })
    expect(outcomeOf(record('sent', { wamid: 'wamid.x' }))).toEqual({
      clientId: 'c',
      state: 'sent',
      wamid: 'wamid.x',
    })
    expect(outcomeOf(record('failed', { error }))).toEqual({
      clientId: 'c',
      state: 'failed',
      error,
    })
    expect(outcomeOf(record('failed', { error, wamid: 'wamid.x' }))).toEqual({
      clientId: 'c',
      state: 'failed',
      error,
      wamid: 'wamid.x',
    })
  })
})
