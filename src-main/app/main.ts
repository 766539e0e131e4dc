/**
 * The desktop shell: one window per data directory (a second launch focuses the first), core
 * created in this process, the bridge over IPC, and a clean drain on quit.
 */
import { app, type BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import { createCore, type Core } from '../core/core'
import { createLogger } from '../core/logger'
import { serveBridgeOverIpc, type IpcBridge } from './ipc-bridge'
import { parseAppOptions, profileDir } from './options'
import { createMainWindow, isTrustedPage, lockDownContents, lockDownSessions } from './window'

const log = createLogger('app')
const outDir = join(__dirname, '..')

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

  let core: Core | undefined
  let bridge: IpcBridge | undefined
  let window: BrowserWindow | undefined

  app.on('second-instance', () => {
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents))

  app
    .whenReady()
    .then(() => {
      lockDownSessions()
      core = createCore({ dataDir, shell: 'electron' })
      bridge = serveBridgeOverIpc(core, (url) => isTrustedPage(url, outDir))
      window = createMainWindow(outDir)
      bridge.attachWindow(window.webContents)
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
    const closing = core
    bridge
      .close()
      .then(() => closing.close())
      .catch((cause: unknown) => log.error('closing failed', cause))
      .finally(() => {
        closed = true
        app.quit()
      })
  })
}

start()
