/**
 * Folds the WAL back into the database file from a background thread. A checkpoint ends with an
 * fsync that takes tens of milliseconds; done inside a commit (SQLite's automatic checkpoint) it
 * stalls whichever webhook happens to commit then. Here a second connection in a worker thread
 * runs a PASSIVE checkpoint every second, which never blocks the writer. The writer keeps a
 * high automatic threshold as a safety net, so the WAL stays bounded even if this thread dies.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { createLogger } from '../../logger'

const log = createLogger('checkpointer')

/** Plain JavaScript, so it runs the same from sources, tests and the bundled app. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.modulePath)
const db = new Database(workerData.path, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {})
db.pragma('busy_timeout = 2000')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: String(error && error.message) })
  }
}, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export interface Checkpointer {
  close(): Promise<void>
}

export function startCheckpointer(
  path: string,
  options: { nativeBinding?: string; intervalMs?: number } = {},
): Checkpointer | null {
  let modulePath: string
  try {
    modulePath = createRequire(__filename).resolve('better-sqlite3')
  } catch (cause) {
    log.warn('no background checkpoints (better-sqlite3 not found from here)', cause)
    return null
  }
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: {
      path,
      modulePath,
      nativeBinding: options.nativeBinding,
      intervalMs: options.intervalMs ?? 1000,
    },
  })
  worker.on('message', (message: { message?: string }) =>
    log.warn(`a background checkpoint failed: ${message.message ?? 'unknown'}`),
  )
  worker.on('error', (cause) => log.warn('the checkpoint thread stopped', cause))
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return {
    async close() {
      worker.postMessage('close')
      const timer = setTimeout(() => void worker.terminate(), 2000)
      await exited
      clearTimeout(timer)
    },
  }
}
