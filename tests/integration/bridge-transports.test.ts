/**
 * The same contract, served on both transports: the browser mode's WebSocket on a real loopback
 * socket, and Electron IPC through the real preload and main-process code with `electron` mocked.
 */
import { EventEmitter } from 'node:events'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { WebSocket as NodeWebSocket } from 'ws'
import { createBridgeClient, type BridgeClient } from '../../src-shared/bridge/client'
import type { PreloadBridge } from '../../src-shared/bridge/preload-api'
import { createWebSocketTransport } from '../../src-renderer/bridge/websocket-transport'
import { createIpcTransport } from '../../src-renderer/bridge/ipc-transport'
import { startWebHost, type WebHost } from '../../src-main/web/web-host'
import { watchedCore, type WatchedCore } from '../support/fake-core'

// A stand-in for Electron's IPC: ipcMain.handle and ipcRenderer.invoke meet in this object,
// and webContents.send reaches ipcRenderer's listeners, as in the real thing.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const rendererSide = {
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(fn)
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(fn)
    },
    emit: (channel: string, ...args: unknown[]) => {
      for (const fn of listeners.get(channel) ?? []) fn(...args)
    },
  }
  const exposed: Record<string, unknown> = {}
  const pageUrl = { current: 'file:///kedai/out/renderer/index.html' }
  return {
    handlers,
    rendererSide,
    exposed,
    pageUrl,
    module: {
      ipcMain: {
        handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) =>
          handlers.set(channel, fn),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
      ipcRenderer: {
        invoke: (channel: string, ...args: unknown[]) => {
          const handler = handlers.get(channel)
          if (!handler) return Promise.reject(new Error(`No handler for ${channel}`))
          return Promise.resolve(handler({ senderFrame: { url: pageUrl.current } }, ...args))
        },
        on: (channel: string, fn: (...args: unknown[]) => void) => rendererSide.on(channel, fn),
        removeListener: (channel: string, fn: (...args: unknown[]) => void) =>
          rendererSide.removeListener(channel, fn),
      },
      contextBridge: {
        exposeInMainWorld: (name: string, value: unknown) => {
          exposed[name] = value
        },
      },
    },
  }
})
vi.mock('electron', () => electron.module)

const trustedPage = 'file:///kedai/out/renderer/index.html'

interface Served {
  name: string
  client: BridgeClient
  core: WatchedCore
}

const served: Served[] = []
let host: WebHost
let ipcClose: () => Promise<void>

beforeAll(async () => {
  const webCore = await watchedCore()
  host = await startWebHost({ core: webCore, rendererDir: webCore.dataDir })
  const origin = host.origin
  class OriginWebSocket extends NodeWebSocket {
    constructor(url: string) {
      super(url, { origin })
    }
  }
  const wsUrl = `ws://${new URL(origin).host}/bridge?token=${host.token}`
  served.push({
    name: 'WebSocket',
    core: webCore,
    client: createBridgeClient(
      createWebSocketTransport(wsUrl, OriginWebSocket as unknown as typeof WebSocket),
    ),
  })

  const ipcCore = await watchedCore()
  const { serveBridgeOverIpc } = await import('../../src-main/app/ipc-bridge')
  const ipc = serveBridgeOverIpc(ipcCore, (url) => url === trustedPage)
  const contents = Object.assign(new EventEmitter(), {
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => electron.rendererSide.emit(channel, {}, payload),
  })
  ipc.attachWindow(contents as unknown as Electron.WebContents)
  ipcClose = () => ipc.close()
  await import('../../src-main/preload/index')
  const preload = electron.exposed.kedai as PreloadBridge
  served.push({
    name: 'IPC',
    core: ipcCore,
    client: createBridgeClient(createIpcTransport(preload)),
  })
})

afterAll(async () => {
  await host.close()
  await ipcClose()
  for (const { core } of served) await core.dispose()
})

describe.each(['WebSocket', 'IPC'])('the contract over %s', (name) => {
  const get = () => served.find((s) => s.name === name)!

  it('answers app.info', async () => {
    const info = await get().client.call('app.info', {})
    expect(info.ok && info.value.name).toBe('Kedai')
  })

  it('updates preferences, persists them, and pushes the change as an event', async () => {
    const { client } = get()
    const pushed = new Promise((resolve) => {
      const stop = client.on('preferences.changed', (payload) => {
        stop()
        resolve(payload)
      })
    })
    const updated = await client.call('preferences.update', { language: 'id', theme: 'dark' })
    expect(updated).toEqual({
      ok: true,
      value: { language: 'id', theme: 'dark', autoLockMinutes: 15, doNotDisturb: false },
    })
    await expect(pushed).resolves.toEqual({
      language: 'id',
      theme: 'dark',
      autoLockMinutes: 15,
      doNotDisturb: false,
    })
    await expect(client.call('preferences.get', {})).resolves.toEqual(updated)
  })

  it('refuses invalid parameters with INVALID_INPUT and runs nothing', async () => {
    const { client, core } = get()
    const before = core.ran.length
    // @ts-expect-error: deliberately outside the contract
    const result = await client.call('preferences.update', { theme: 'neon' })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(core.ran.length).toBe(before)
  })

  it('refuses an unknown method', async () => {
    // @ts-expect-error: deliberately outside the contract
    const result = await get().client.call('vault.dump', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })
})

describe('IPC trust', () => {
  it('refuses a call from a frame that is not Kedai, before anything runs', async () => {
    const ipc = served.find((s) => s.name === 'IPC')!
    const before = ipc.core.ran.length
    electron.pageUrl.current = 'https://evil.example/'
    try {
      const result = await ipc.client.call('app.info', {})
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    } finally {
      electron.pageUrl.current = trustedPage
    }
    expect(ipc.core.ran.length).toBe(before)
  })

  it('exposes exactly one object with two functions, never ipcRenderer', () => {
    expect(Object.keys(electron.exposed)).toEqual(['kedai'])
    const api = electron.exposed.kedai as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual(['call', 'onEvent'])
    expect(JSON.stringify(Object.values(api).map((v) => typeof v))).toBe('["function","function"]')
  })
})
