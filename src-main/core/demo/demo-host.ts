/**
 * Starts demo mode (a relay and the Cloud API emulator on loopback, src-relay/demo) in its own
 * worker thread, by file path: the shells never import the relay. Its data lives in the shop's
 * data directory, so the demo shop keeps its history and its enrolment across restarts.
 */
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { createLogger } from '../logger'

const log = createLogger('demo')

export interface RunningDemo {
  relayUrl: string
  inviteCode: string
  close(): Promise<void>
}

type FromDemo =
  | { type: 'ready'; relayUrl: string; inviteCode: string }
  | { type: 'failed'; message: string }
  | { type: 'closed' }

export function demoDataDir(shopDataDir: string): string {
  return join(shopDataDir, 'demo-relay')
}

export function startDemoWorker(options: {
  workerPath: string
  dataDir: string
  nativeBinding?: string
  timeoutMs?: number
}): Promise<RunningDemo> {
  const worker = new Worker(options.workerPath, {
    workerData: { dataDir: demoDataDir(options.dataDir), nativeBinding: options.nativeBinding },
  })
  return new Promise<RunningDemo>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(new Error('demo mode did not start in time'))
    }, options.timeoutMs ?? 20_000)
    worker.once('error', (cause) => {
      clearTimeout(timer)
      reject(cause)
    })
    worker.on('message', (message: FromDemo) => {
      if (message.type === 'failed') {
        clearTimeout(timer)
        reject(new Error(message.message))
      }
      if (message.type !== 'ready') return
      clearTimeout(timer)
      resolve({
        relayUrl: message.relayUrl,
        inviteCode: message.inviteCode,
        close: () =>
          new Promise<void>((done) => {
            const force = setTimeout(() => void worker.terminate().then(() => done()), 5_000)
            worker.on('message', (next: FromDemo) => {
              if (next.type === 'closed') {
                clearTimeout(force)
                done()
              }
            })
            worker.once('exit', () => {
              clearTimeout(force)
              done()
            })
            worker.postMessage({ type: 'close' })
          }),
      })
    })
  }).catch((cause: unknown) => {
    log.error('demo mode could not start; Kedai runs without it', cause)
    throw cause
  })
}
