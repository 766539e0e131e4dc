/** Browser mode's WebSocket opens only with this launch's token and from the page's own origin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startWebHost, type WebHost } from '../../src-main/web/web-host'
import { watchedCore, type WatchedCore } from '../support/fake-core'

let host: WebHost
let core: WatchedCore

beforeAll(async () => {
  core = await watchedCore()
  host = await startWebHost({ core, rendererDir: core.dataDir })
})
afterAll(async () => {
  await host.close()
  await core.dispose()
})

/** Opens a socket, sends one call straight away, and reports what came back. */
function attempt(
  path: string,
  origin: string | undefined,
): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://${new URL(host.origin).host}${path}`, origin ? { origin } : {})
    ws.on('open', () => {
      ws.send(JSON.stringify({ id: '1', method: 'app.info', params: {} }))
      ws.on('message', () => {
        ws.close()
        resolve({ opened: true })
      })
    })
    ws.on('unexpected-response', (_request, response) =>
      resolve({ opened: false, status: response.statusCode }),
    )
    ws.on('error', () => resolve({ opened: false }))
  })
}

describe('the browser-mode bridge guard', () => {
  it('opens with the right token from the page origin', async () => {
    await expect(attempt(`/bridge?token=${host.token}`, host.origin)).resolves.toEqual({
      opened: true,
    })
  })

  it.each([
    ['no token', () => '/bridge', () => host.origin],
    ['an empty token', () => '/bridge?token=', () => host.origin],
    ['a wrong token', () => `/bridge?token=${'x'.repeat(host.token.length)}`, () => host.origin],
    ['a token of another length', () => `/bridge?token=${host.token}x`, () => host.origin],
    ['a foreign origin', () => `/bridge?token=${host.token}`, () => 'http://evil.example'],
    [
      'localhost instead of 127.0.0.1',
      () => `/bridge?token=${host.token}`,
      () => host.origin.replace('127.0.0.1', 'localhost'),
    ],
    ['no origin', () => `/bridge?token=${host.token}`, () => undefined],
    ['another path', () => `/other?token=${host.token}`, () => host.origin],
  ])('refuses %s and runs nothing', async (_label, path, origin) => {
    const before = core.ran.length
    await expect(attempt(path(), origin())).resolves.toMatchObject({ opened: false, status: 403 })
    expect(core.ran.length).toBe(before)
  })

  it('listens on loopback only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1')
    expect(host.url).toContain(`#token=${host.token}`)
  })
})
