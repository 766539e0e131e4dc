/**
 * The desktop shell: one window per data directory (a second launch focuses the first), core in
 * a worker thread, the bridge over IPC, and a clean drain and backup on quit.
 */
import { app, type BrowserWindow, dialog } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createLogger } from '../core/logger'
import { startCoreWorker } from '../core/worker/core-host'
import { startDemoWorker, type RunningDemo } from '../core/demo/demo-host'
import type { CoreConnection } from '../core/worker/core-connection'
import { serveBridgeOverIpc, type IpcBridge } from './ipc-bridge'
import { showUnreadTotal, type UnreadBadge } from './unread-badge'
import { safeStorageKeychain } from './keychain'
import { parseAppOptions, profileDir } from './options'
import { createMainWindow, isTrustedPage, lockDownContents, lockDownSessions } from './window'

const log = createLogger('app')
const outDir = join(__dirname, '..')

/** better-sqlite3 built for Electron's ABI (see scripts/electron-native.mjs). */
function electronSqliteBinding(): string | undefined {
  const path =
    process.env.KEDAI_SQLITE_BINDING ??
    join(__dirname, '../../.electron-native/better-sqlite3/build/Release/better_sqlite3.node')
  return existsSync(path) ? path : undefined
}

function start(): void {
  let options
  try {
    options = parseAppOptions(process.argv.slice(1))
  } catch (cause) {
    dialog.showErrorBox('Kedai', cause instanceof Error ? cause.message : String(cause))
    app.exit(2)
    return
  }
  // Each data directory is its own instance with its own single-instance lock.
  const dataDir = options.dataDir ?? profileDir(app.getPath('userData'), options.profile)
  app.setPath('userData', join(dataDir, 'electron'))
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  let core: CoreConnection | undefined
  let demo: RunningDemo | null = null
  let bridge: IpcBridge | undefined
  let window: BrowserWindow | undefined
  let badge: UnreadBadge | undefined

  /** The window to the front: on a second launch, and on a click on the tray icon. */
  function bringToFront(): void {
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }
  app.on('second-instance', bringToFront)
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents))

  app
    .whenReady()
    .then(async () => {
      lockDownSessions()
      demo = options.demo
        ? await startDemoWorker({
            workerPath: join(__dirname, 'demo-worker.js'),
            dataDir,
            nativeBinding: electronSqliteBinding(),
          }).catch(() => null)
        : null
      core = await startCoreWorker({
        workerPath: join(__dirname, 'core-worker.js'),
        dataDir,
        shell: 'electron',
        nativeBinding: electronSqliteBinding(),
        keychain: safeStorageKeychain(),
        ...(demo ? { demo: { relayUrl: demo.relayUrl, inviteCode: demo.inviteCode } } : {}),
      })
      bridge = serveBridgeOverIpc(core, (url) => isTrustedPage(url, outDir))
      window = createMainWindow(outDir)
      bridge.attachWindow(window.webContents)
      badge = showUnreadTotal(core, bringToFront)
    })
    .catch((cause: unknown) => {
      log.error('Kedai could not start', cause)
      dialog.showErrorBox('Kedai could not start', String(cause))
      app.exit(1)
    })

  app.on('window-all-closed', () => app.quit())

  let closed = false
  app.on('will-quit', (event) => {
    if (closed || !bridge || !core) return
    event.preventDefault()
    badge?.stop()
    const closing = core
    void bridge
      .close()
      .then(() => closing.close())
      .then(() => demo?.close())
      .catch((cause: unknown) => log.error('closing failed', cause))
      .finally(() => {
        closed = true
        app.quit()
      })
  })
}

start()
