// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { watchConnection } from '../../src-renderer/bridge/connection-watch'
import { useConnectionStore } from '../../src-renderer/stores/connection'
import { createFakeBridge } from './fake-bridge'

const appInfo = { name: 'Kedai', version: '0.1.0', shell: 'browser', demo: false } as const

beforeEach(() => setActivePinia(createPinia()))

describe('the connection store, fed by the watched bridge', () => {
  it('is connected once core answers, even with a refusal', async () => {
    const connection = useConnectionStore()
    const bridge = watchConnection(
      createFakeBridge({
        'app.info': () => appInfo,
        'preferences.update': () => ({ code: 'INVALID_INPUT', message: 'No.' }),
      }),
      connection,
    )
    expect(connection.state).toBe('connecting')

    await bridge.call('app.info', {})
    expect(connection.state).toBe('connected')
    await bridge.call('preferences.update', { theme: 'dark' })
    expect(connection.state).toBe('connected')
  })

  it('is lost when a call fails without an answer from core', async () => {
    const connection = useConnectionStore()
    const bridge = watchConnection(
      createFakeBridge({ 'app.info': () => ({ code: 'DISCONNECTED', message: 'Gone.' }) }),
      connection,
    )

    const result = await bridge.call('app.info', {})

    expect(result.ok).toBe(false)
    expect(connection.state).toBe('lost')
  })

  it('keeps saying the token is missing, whatever calls report afterwards', async () => {
    const connection = useConnectionStore()
    connection.noteMissingToken()
    const bridge = watchConnection(
      createFakeBridge({ 'app.info': () => ({ code: 'DISCONNECTED', message: 'Refused.' }) }),
      connection,
    )

    await bridge.call('app.info', {})
    expect(connection.state).toBe('missing-token')
  })
})
