/**
 * `npm run web`: Kedai in a browser. Prints the address (with this launch's token) on stdout,
 * opens it unless `--no-open`, and on SIGINT or SIGTERM lets the calls in flight finish. Demo
 * mode (simulated customers through a relay and emulator on loopback) is on unless `--no-demo`.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { startCoreWorker } from '../core/worker/core-host'
import { startDemoWorker } from '../core/demo/demo-host'
import { createLogger } from '../core/logger'
import { parseWebOptions } from './options'
import { startWebHost } from './web-host'

const log = createLogger('web')

async function main(): Promise<void> {
  let options
  try {
    options = parseWebOptions(process.argv.slice(2))
  } catch (cause) {
    process.stderr.write(`${cause instanceof Error ? cause.message : String(cause)}\n`)
    process.exit(2)
  }
  const demo = options.demo
    ? await startDemoWorker({
        workerPath: join(__dirname, 'demo-worker.js'),
        dataDir: options.dataDir,
      }).catch(() => null)
    : null
  const core = await startCoreWorker({
    workerPath: join(__dirname, 'core-worker.js'),
    dataDir: options.dataDir,
    shell: 'browser',
    ...(demo ? { demo: { relayUrl: demo.relayUrl, inviteCode: demo.inviteCode } } : {}),
  })
  const host = await startWebHost({
    core,
    rendererDir: join(__dirname, '../renderer'),
    port: options.port,
  })
  process.stdout.write(`Kedai is running at ${host.url}\n`)
  if (options.open) openInBrowser(host.url)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    log.info(`${signal}: closing`)
    host
      .close()
      .then(() => core.close())
      .then(() => demo?.close())
      .then(
        () => process.exit(0),
        (cause: unknown) => {
          log.error('closing failed', cause)
          process.exit(1)
        },
      )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]]
  const child = spawn(command, args, { stdio: 'ignore', detached: true })
  child.on('error', () =>
    process.stdout.write('Could not open a browser by itself; open the address above.\n'),
  )
  child.unref()
}

main().catch((cause: unknown) => {
  log.error('browser mode could not start', cause)
  process.exit(1)
})
