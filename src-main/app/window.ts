/**
 * The main window and the rules every page in it lives under: sandboxed, isolated, no Node,
 * no navigation away, no new windows, and no permission but notifications.
 */
import { BrowserWindow, session, shell, type WebContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export const secureWebPreferences = (preload: string) =>
  ({
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  }) as const

export function rendererEntry(outDir: string): string {
  return join(outDir, 'renderer', 'index.html')
}

/** Only our own built page may use the bridge. */
export function isTrustedPage(url: string, outDir: string): boolean {
  return (
    url === pathToFileURL(rendererEntry(outDir)).href ||
    url.startsWith(`${pathToFileURL(rendererEntry(outDir)).href}#`)
  )
}

/** New customer messages are announced with the page's own notifications; nothing else is granted. */
const allowedPermissions: ReadonlySet<string> = new Set(['notifications'])

export function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(allowedPermissions.has(permission)),
  )
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    allowedPermissions.has(permission),
  )
}

/** Applied to every web contents the app ever creates. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Links the owner clicks (a customer's URL) open in their own browser, never inside Kedai.
    if (/^https:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

export function createMainWindow(outDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 520,
    show: false,
    title: 'Kedai',
    webPreferences: secureWebPreferences(join(outDir, 'preload', 'index.js')),
  })
  window.once('ready-to-show', () => window.show())
  void window.loadFile(rendererEntry(outDir))
  return window
}
