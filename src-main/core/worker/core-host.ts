/**
 * Starts core in a worker thread and speaks to it from a shell's thread. Calls are matched to
 * answers by envelope id; if the worker dies, every waiting call is answered with an error
 * rather than left hanging.
 */
import { Worker } from 'node:worker_threads'
import type { EventEnvelope, ResponseEnvelope } from '../../../src-shared/bridge/envelope'
import type { CoreOptions } from '../core'
import { createLogger } from '../logger'
import { noKeychain, type Keychain } from '../vault/keychain'
import type { CoreConnection } from './core-connection'
import type { FromWorker, ToWorker } from './messages'

const log = createLogger('core-host')

export interface CoreWorkerOptions extends Omit<CoreOptions, 'keychain'> {
  /** The built `core-worker.js`. */
  workerPath: string
  keychain?: Keychain
}

export function startCoreWorker(options: CoreWorkerOptions): Promise<CoreConnection> {
  const { workerPath, keychain = noKeychain, ...coreOptions } = options
  const worker = new Worker(workerPath, { workerData: coreOptions })
  const send = (message: ToWorker) => worker.postMessage(message)
  const waiting = new Map<string, (response: ResponseEnvelope) => void>()
  let nextCall = 0
  const listeners = new Set<(event: EventEnvelope) => void>()
  let drained: (() => void) | undefined
  let closed: (() => void) | undefined
  let alive = true

  function answerKeychain(id: number, work: Promise<unknown>): void {
    work.then(
      (value) => send({ type: 'keychain-answer', id, ok: true, value }),
      (cause: unknown) =>
        send({
          type: 'keychain-answer',
          id,
          ok: false,
          error: cause instanceof Error ? cause.message : String(cause),
        }),
    )
  }

  return new Promise<CoreConnection>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve(connection)
          break
        case 'failed':
          reject(new Error(`Kedai's core could not start: ${message.message}`))
          break
        case 'response': {
          const pending = waiting.get(message.response.id)
          waiting.delete(message.response.id)
          pending?.(message.response)
          break
        }
        case 'event':
          for (const listener of listeners) listener(message.event)
          break
        case 'drained':
          drained?.()
          break
        case 'closed':
          closed?.()
          break
        case 'keychain':
          answerKeychain(
            message.id,
            message.operation === 'availability'
              ? keychain.availability()
              : message.operation === 'encrypt'
                ? keychain.encrypt(message.data ?? new Uint8Array())
                : keychain.decrypt(message.data ?? new Uint8Array()),
          )
          break
        default: {
          const unexpected: never = message
          log.warn(`unexpected message ${JSON.stringify(unexpected)}`)
        }
      }
    })
    worker.on('error', (cause) => {
      log.error('the core worker failed', cause)
      reject(cause)
    })
    worker.on('exit', (code) => {
      alive = false
      if (code !== 0) log.error(`the core worker stopped (exit ${code})`)
      for (const [id, answer] of waiting) {
        answer({
          id,
          ok: false,
          error: { code: 'INTERNAL', message: "Kedai's core stopped. Restart Kedai." },
        })
      }
      waiting.clear()
      drained?.()
      closed?.()
    })

    const connection: CoreConnection = {
      handle(envelope) {
        const callerId =
          typeof (envelope as { id?: unknown })?.id === 'string'
            ? (envelope as { id: string }).id
            : ''
        if (!alive) {
          return Promise.resolve({
            id: callerId,
            ok: false,
            error: { code: 'INTERNAL', message: "Kedai's core stopped. Restart Kedai." },
          })
        }
        if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
          return Promise.resolve({
            id: callerId,
            ok: false,
            error: { code: 'INVALID_INPUT', message: 'The request was not a well-formed call.' },
          })
        }
        // Each window or tab numbers its own calls; the worker sees ids that cannot collide.
        const id = `w${++nextCall}`
        const forwarded = { ...envelope, id }
        return new Promise<ResponseEnvelope>((answer) => {
          waiting.set(id, (response) => answer({ ...response, id: callerId }))
          send({ type: 'call', envelope: forwarded })
        })
      },
      subscribe(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      drain() {
        if (!alive) return Promise.resolve()
        return new Promise<void>((done) => {
          drained = done
          send({ type: 'drain' })
        })
      },
      async close() {
        if (alive) {
          await new Promise<void>((done) => {
            closed = done
            send({ type: 'close' })
          })
        }
        await worker.terminate()
      },
    }
  })
}
