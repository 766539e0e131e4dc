/**
 * A send's life on the relay, as a state machine that only moves forward. Every change goes
 * through `transitionAllowed`, which the store applies as a compare-and-set, so a late HTTP
 * answer can never undo what a status webhook already settled (and the other way round).
 *
 * queued ──▶ calling ──▶ sent ──▶ failed (a failed status webhook after acceptance)
 *   ▲           │  ├───▶ unknown ──▶ sent | failed (settled by a status webhook)
 *   └─retrying◀─┘  └───▶ failed
 */
import type { RelaySendError, SendOutcome } from '../../src-shared/relay/device-protocol'

export const sendStates = ['queued', 'calling', 'retrying', 'unknown', 'sent', 'failed'] as const
export type SendState = (typeof sendStates)[number]

/** Why a send failed (described with the device protocol it travels in). */
export type SendError = RelaySendError

export interface SendRecord {
  shopId: string
  clientId: string
  state: SendState
  wamid: string | null
  error: SendError | null
  /** Calls made to the Cloud API for this client id; more than one only after a refusal. */
  attempts: number
  createdAt: number
  updatedAt: number
}

export type SendTransition =
  | { to: 'calling' }
  | { to: 'retrying'; error: SendError }
  | { to: 'unknown' }
  | { to: 'sent'; wamid: string }
  | { to: 'failed'; error: SendError; wamid?: string }

/** The states each transition may start from. */
export const transitionFrom: Readonly<Record<SendTransition['to'], readonly SendState[]>> = {
  // Recorded (committed) before every call: only a send nobody is calling can be called.
  calling: ['queued', 'retrying'],
  // A refusal the platform gave before accepting anything.
  retrying: ['calling'],
  unknown: ['calling'],
  // The answer, or a status webhook that beat the answer or settles an unknown.
  sent: ['calling', 'unknown'],
  // Refused, given up, or a failed status webhook: final from anywhere but itself.
  failed: ['queued', 'calling', 'retrying', 'unknown', 'sent'],
}

export function transitionAllowed(from: SendState, transition: SendTransition): boolean {
  return transitionFrom[transition.to].includes(from)
}

/** What the device API says about a send: waiting, sent, failed, or not known. */
export type { SendOutcome }

export function outcomeOf(record: SendRecord): SendOutcome {
  const clientId = record.clientId
  switch (record.state) {
    case 'queued':
    case 'calling':
    case 'retrying':
      return { clientId, state: 'pending' }
    case 'unknown':
      return { clientId, state: 'unknown' }
    case 'sent':
      // A sent record always has its wamid: it is set by the same transition.
      return { clientId, state: 'sent', wamid: record.wamid ?? '' }
    case 'failed': {
      const error = record.error ?? { code: 'NOT_SENT', reason: 'unknown', message: 'failed' }
      return record.wamid
        ? { clientId, state: 'failed', error, wamid: record.wamid }
        : { clientId, state: 'failed', error }
    }
    default: {
      const unexpected: never = record.state
      throw new Error(`unknown send state ${String(unexpected)}`)
    }
  }
}
