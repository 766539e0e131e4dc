/**
 * The core worker's entry: creates core for the data directory it is given and serves the
 * bridge to the thread that started it. The OS keychain lives in the shell's thread, so
 * keychain operations are asked of it by message.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createCore, type CoreOptions } from '../core'
import { createLogger } from '../logger'
import type { Keychain } from '../vault/keychain'
import { inProcessConnection } from './core-connection'
import type { FromWorker, ToWorker } from './messages'

const log = createLogger('core-worker')
const port = parentPort
if (!port) throw new Error('core-worker must run in a worker thread')
const send = (message: FromWorker) => port.postMessage(message)

let nextKeychainId = 0
const keychainAnswers = new Map<
  number,
  (answer: { ok: boolean; value?: unknown; error?: string }) => void
>()

function askKeychain<T>(
  operation: 'availability' | 'encrypt' | 'decrypt',
  data?: Uint8Array,
): Promise<T> {
  const id = ++nextKeychainId
  return new Promise<T>((resolve, reject) => {
    keychainAnswers.set(id, (answer) =>
      answer.ok ? resolve(answer.value as T) : reject(new Error(answer.error ?? 'keychain failed')),
    )
    send({ type: 'keychain', id, operation, data })
  })
}

const keychain: Keychain = {
  availability: () => askKeychain('availability'),
  encrypt: (secret) => askKeychain('encrypt', secret),
  decrypt: (sealed) => askKeychain('decrypt', sealed),
}

async function main(): Promise<void> {
  const options = workerData as Omit<CoreOptions, 'keychain'>
  const core = await createCore({ ...options, keychain })
  const connection = inProcessConnection(core)
  connection.subscribe((event) => send({ type: 'event', event }))

  port!.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'call':
        connection.handle(message.envelope).then(
          (response) => send({ type: 'response', response }),
          (cause: unknown) => log.error('a call failed to answer', cause),
        )
        break
      case 'drain':
        void connection.drain().then(() => send({ type: 'drained' }))
        break
      case 'close':
        void connection.close().then(() => send({ type: 'closed' }))
        break
      case 'keychain-answer':
        keychainAnswers.get(message.id)?.(message)
        keychainAnswers.delete(message.id)
        break
      default: {
        const unexpected: never = message
        log.warn(`unexpected message ${JSON.stringify(unexpected)}`)
      }
    }
  })
  send({ type: 'ready' })
}

main().catch((cause: unknown) => {
  log.error('core could not start', cause)
  send({ type: 'failed', message: cause instanceof Error ? cause.message : String(cause) })
})
