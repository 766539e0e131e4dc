/** The messages between a shell's thread and the core worker. */
import type { EventEnvelope, ResponseEnvelope } from '../../../src-shared/bridge/envelope'

export type ToWorker =
  | { type: 'call'; envelope: unknown }
  | { type: 'drain' }
  | { type: 'close' }
  | { type: 'keychain-answer'; id: number; ok: boolean; value?: unknown; error?: string }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'response'; response: ResponseEnvelope }
  | { type: 'event'; event: EventEnvelope }
  | { type: 'drained' }
  | { type: 'closed' }
  | {
      type: 'keychain'
      id: number
      operation: 'availability' | 'encrypt' | 'decrypt'
      data?: Uint8Array
    }
