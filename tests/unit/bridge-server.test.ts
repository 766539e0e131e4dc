import { describe, expect, it } from 'vitest'
import { createBridgeServer } from '../../src-main/core/bridge-server'
import { BridgeFailure } from '../../src-shared/bridge/errors'
import type { CoreHandlers } from '../../src-shared/bridge/contract'

// Only the methods these tests call; the server never looks at the others.
function handlers(overrides: Partial<CoreHandlers> = {}): CoreHandlers {
  return {
    'app.info': () => ({ name: 'Kedai', version: '0.0.0', shell: 'browser', demo: false }),
    'preferences.get': () => ({
      language: null,
      theme: 'system',
      autoLockMinutes: 15,
      doNotDisturb: false,
    }),
    'preferences.update': (change) => ({
      language: null,
      theme: 'system',
      autoLockMinutes: 15,
      ...change,
    }),
    ...overrides,
  } as Partial<CoreHandlers> as CoreHandlers
}

describe('the bridge server', () => {
  it('answers a valid call with its value', async () => {
    const server = createBridgeServer(handlers())
    await expect(server.handle({ id: '1', method: 'app.info', params: {} })).resolves.toEqual({
      id: '1',
      ok: true,
      value: { name: 'Kedai', version: '0.0.0', shell: 'browser', demo: false },
    })
  })

  it.each([
    ['not an object', 'nonsense'],
    ['no id', { method: 'app.info', params: {} }],
    ['a number for a method', { id: '1', method: 7, params: {} }],
  ])('refuses a malformed envelope (%s)', async (_label, envelope) => {
    const response = await createBridgeServer(handlers()).handle(envelope)
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('refuses an unknown method, including inherited object keys', async () => {
    const server = createBridgeServer(handlers())
    for (const method of ['vault.explode', 'toString', '__proto__', 'constructor']) {
      const response = await server.handle({ id: '1', method, params: {} })
      expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('validates parameters before the handler runs', async () => {
    let ran = false
    const server = createBridgeServer(
      handlers({
        'preferences.update': () => {
          ran = true
          return { language: null, theme: 'system', autoLockMinutes: 15, doNotDisturb: false }
        },
      }),
    )
    for (const params of [{ theme: 'purple' }, { language: 'fr' }, { extra: 1 }, 'text']) {
      const response = await server.handle({ id: '2', method: 'preferences.update', params })
      expect(response).toMatchObject({ id: '2', ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(ran).toBe(false)
  })

  it('turns an expected failure into its code and an unexpected one into INTERNAL', async () => {
    const server = createBridgeServer(
      handlers({
        'app.info': () => {
          throw new BridgeFailure('VAULT_LOCKED', 'Unlock Kedai first.')
        },
        'preferences.get': () => {
          throw new Error('secret detail')
        },
      }),
    )
    await expect(server.handle({ id: 'a', method: 'app.info', params: {} })).resolves.toEqual({
      id: 'a',
      ok: false,
      error: { code: 'VAULT_LOCKED', message: 'Unlock Kedai first.' },
    })
    const internal = await server.handle({ id: 'b', method: 'preferences.get', params: {} })
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(internal)).not.toContain('secret detail')
  })

  it('times out a call that never answers', async () => {
    const server = createBridgeServer(handlers({ 'app.info': () => new Promise(() => {}) }), {
      timeoutMs: 30,
    })
    const response = await server.handle({ id: 't', method: 'app.info', params: {} })
    expect(response).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } })
    expect(server.inFlight).toBe(0)
  })

  it('drains calls in flight on shutdown and refuses new ones', async () => {
    let finish: () => void = () => {}
    const slow = new Promise<void>((resolve) => (finish = resolve))
    const server = createBridgeServer(
      handlers({
        'app.info': async () => {
          await slow
          return { name: 'Kedai', version: '1', shell: 'browser', demo: false }
        },
      }),
    )
    const inFlight = server.handle({ id: 'slow', method: 'app.info', params: {} })
    await Promise.resolve()
    expect(server.inFlight).toBe(1)

    let drained = false
    const draining = server.drain().then(() => (drained = true))
    const refused = await server.handle({ id: 'late', method: 'preferences.get', params: {} })
    expect(refused).toMatchObject({ ok: false, error: { code: 'SHUTTING_DOWN' } })
    expect(drained).toBe(false)

    finish()
    await expect(inFlight).resolves.toMatchObject({ id: 'slow', ok: true })
    await draining
    expect(drained).toBe(true)
  })
})
