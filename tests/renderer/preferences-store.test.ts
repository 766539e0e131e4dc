// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defaultPreferences, type Preferences } from '../../src-shared/preferences/preferences'
import { usePreferencesStore } from '../../src-renderer/stores/preferences'
import { createFakeBridge } from './fake-bridge'
import { piniaWithBridge } from './mount-stores'

/** Saved preferences: the defaults with what the test cares about. */
const saved = (chosen: Partial<Preferences>): Preferences => ({ ...defaultPreferences, ...chosen })

function coreWith(chosen: Partial<Preferences>) {
  let preferences = saved(chosen)
  return createFakeBridge({
    'preferences.get': () => preferences,
    'preferences.update': (change) => (preferences = { ...preferences, ...change }),
  })
}

afterEach(() => vi.unstubAllGlobals())

describe('the preferences store', () => {
  it('hydrates from core and shows the saved language', async () => {
    piniaWithBridge(coreWith({ language: 'id', theme: 'dark' }))
    const store = usePreferencesStore()
    expect(store.status).toBe('idle')

    const hydrating = store.hydrate()
    expect(store.status).toBe('loading')
    await hydrating

    expect(store.status).toBe('done')
    expect(store.language).toBe('id')
    expect(store.theme).toBe('dark')
  })

  it("follows the computer's language while the owner has not chosen one", async () => {
    vi.stubGlobal('navigator', { language: 'id-ID' })
    piniaWithBridge(coreWith({ language: null, theme: 'system' }))
    const store = usePreferencesStore()
    await store.hydrate()

    expect(store.preferences.language).toBeNull()
    expect(store.language).toBe('id')
  })

  it('applies preferences.changed from core (another window changed them)', async () => {
    const bridge = coreWith({ language: 'en', theme: 'light' })
    piniaWithBridge(bridge)
    const store = usePreferencesStore()
    await store.hydrate()

    bridge.emit('preferences.changed', saved({ language: 'id', theme: 'dark' }))

    expect(store.language).toBe('id')
    expect(store.theme).toBe('dark')
  })

  it('shows a change at once and keeps what core saved', async () => {
    const bridge = coreWith({ language: 'en', theme: 'light' })
    piniaWithBridge(bridge)
    const store = usePreferencesStore()
    await store.hydrate()

    const release = bridge.hold()
    const saving = store.update({ theme: 'dark' })
    expect(store.theme).toBe('dark')
    release()

    expect(await saving).toBe(true)
    expect(store.theme).toBe('dark')
    expect(bridge.calls.at(-1)).toEqual({ method: 'preferences.update', params: { theme: 'dark' } })
  })

  it('undoes a change core refused and says so', async () => {
    const bridge = createFakeBridge({
      'preferences.get': () => saved({ language: 'en', theme: 'light' }),
      'preferences.update': () => ({ code: 'DISCONNECTED', message: 'The connection was lost.' }),
    })
    piniaWithBridge(bridge)
    const store = usePreferencesStore()
    await store.hydrate()

    expect(await store.update({ theme: 'dark', language: 'id' })).toBe(false)

    expect(store.theme).toBe('light')
    expect(store.language).toBe('en')
    expect(store.saveError?.code).toBe('DISCONNECTED')
  })

  it('reports a failed load and keeps the defaults', async () => {
    piniaWithBridge(
      createFakeBridge({
        'preferences.get': () => ({ code: 'TIMEOUT', message: 'Kedai did not answer in time.' }),
      }),
    )
    const store = usePreferencesStore()
    await store.hydrate()

    expect(store.status).toBe('error')
    expect(store.loadError?.code).toBe('TIMEOUT')
    expect(store.theme).toBe('system')
  })
})
