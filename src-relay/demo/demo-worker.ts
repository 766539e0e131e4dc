/**
 * Demo mode in a worker thread. The app's shell starts this file by path (it never imports
 * src-relay) with `workerData` = `{dataDir?, nativeBinding?, seed?, paceMs?}`; the worker posts
 * `{type: 'ready', relayUrl, inviteCode}` once the relay and the emulator listen, or
 * `{type: 'failed', message}`. Sent `{type: 'close'}`, it stops both, posts `{type: 'closed'}`
 * and lets the thread end.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { createLogger } from '../logger'
import { startDemo, type Demo, type DemoOptions } from './start-demo'

export type DemoWorkerData = DemoOptions

export type FromDemoWorker =
  | { type: 'ready'; relayUrl: string; inviteCode: string }
  | { type: 'failed'; message: string }
  | { type: 'closed' }

export type ToDemoWorker = { type: 'close' }

const log = createLogger('demo-worker')
function threadPort(): MessagePort {
  if (!parentPort) throw new Error('demo-worker must run in a worker thread')
  return parentPort
}

const port = threadPort()
const post = (message: FromDemoWorker) => port.postMessage(message)

let demo: Demo | undefined
let closeAsked = false

async function close(): Promise<void> {
  closeAsked = true
  if (demo) await demo.close()
  post({ type: 'closed' })
  port.close()
}

port.on('message', (message: ToDemoWorker) => {
  if (message?.type === 'close') {
    close().catch((cause: unknown) => {
      log.error('demo mode did not stop cleanly', cause)
      post({ type: 'closed' })
      port.close()
    })
  }
})

startDemo((workerData ?? {}) as DemoWorkerData).then(
  async (started) => {
    demo = started
    if (closeAsked) return started.close()
    post({ type: 'ready', relayUrl: started.relayUrl, inviteCode: started.inviteCode })
  },
  (cause: unknown) => {
    log.error('demo mode could not start', cause)
    post({ type: 'failed', message: cause instanceof Error ? cause.message : String(cause) })
    port.close()
  },
)
