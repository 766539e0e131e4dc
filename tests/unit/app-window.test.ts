/** The desktop window's safety settings, checked against a mocked `electron`. */
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const created: { options: Record<string, unknown>; loaded?: string }[] = []
  type RequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
  ) => void
  type CheckHandler = (contents: unknown, permission: string) => boolean
  const permissions: { request?: RequestHandler; check?: CheckHandler } = {}
  const opened: string[] = []
  class BrowserWindow {
    constructor(public options: Record<string, unknown>) {
      created.push({ options })
    }
    once() {}
    loadFile(path: string) {
      created[created.length - 1]!.loaded = path
      return Promise.resolve()
    }
  }
  return {
    created,
    permissions,
    opened,
    module: {
      BrowserWindow,
      shell: { openExternal: (url: string) => (opened.push(url), Promise.resolve()) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (fn: RequestHandler) => (permissions.request = fn),
          setPermissionCheckHandler: (fn: CheckHandler) => (permissions.check = fn),
        },
      },
    },
  }
})
vi.mock('electron', () => electron.module)

const window = await import('../../src-main/app/window')

describe('the desktop window', () => {
  it('is sandboxed and isolated, with no Node in the page', () => {
    window.createMainWindow('/app/out')
    const prefs = electron.created[0]!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/out/preload/index.js',
    })
    expect(electron.created[0]!.loaded).toBe('/app/out/renderer/index.html')
  })

  it('grants notifications and refuses every other permission request and check', () => {
    window.lockDownSessions()
    const asked = ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']
    const answers: boolean[] = []
    for (const permission of asked) {
      electron.permissions.request!({}, permission, (granted: boolean) => answers.push(granted))
    }
    expect(answers).toEqual([true, false, false, false, false])
    expect(asked.map((permission) => electron.permissions.check!({}, permission))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ])
  })

  it('blocks navigation, webviews and new windows; https links go to the system browser', () => {
    const contents = Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
      setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
        this.openHandler = fn
      },
    })
    window.lockDownContents(contents as unknown as Electron.WebContents)
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true
        },
      }
      contents.emit(name, event)
      expect(event.prevented, name).toBe(true)
    }
    expect(contents.openHandler!({ url: 'https://shop.example/item' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(electron.opened).toEqual(['https://shop.example/item'])
  })

  it('trusts only its own page for the bridge', () => {
    expect(window.isTrustedPage('file:///app/out/renderer/index.html', '/app/out')).toBe(true)
    expect(window.isTrustedPage('file:///app/out/renderer/index.html#/inbox', '/app/out')).toBe(
      true,
    )
    expect(window.isTrustedPage('file:///app/out/renderer/other.html', '/app/out')).toBe(false)
    expect(window.isTrustedPage('https://evil.example/', '/app/out')).toBe(false)
    expect(window.isTrustedPage('', '/app/out')).toBe(false)
  })
})
