// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultPreferences, type Preferences } from '../../src-shared/preferences/preferences'
import App from '../../src-renderer/App.vue'
import { bridgeKey } from '../../src-renderer/bridge/inject'
import { createKedaiI18n } from '../../src-renderer/i18n/create-i18n'
import { createFakeBridge } from './fake-bridge'
import { vaultStatus } from './vault-statuses'

function mountApp(chosen: Partial<Preferences>) {
  let preferences: Preferences = { ...defaultPreferences, ...chosen }
  const bridge = createFakeBridge({
    'app.info': () => ({ name: 'Kedai', version: '0.1.0', shell: 'electron', demo: false }),
    'preferences.get': () => preferences,
    'preferences.update': (change) => (preferences = { ...preferences, ...change }),
    'vault.status': () => vaultStatus('unlocked'),
    'inbox.conversations': () => [],
  })
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), createKedaiI18n('en')],
      provide: { [bridgeKey as symbol]: bridge },
    },
  })
  return { wrapper, bridge }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the shell', () => {
  it('starts in the saved language and theme, and names the window Kedai', async () => {
    const { wrapper } = mountApp({ language: 'id', theme: 'dark' })
    await flushPromises()

    expect(document.documentElement.lang).toBe('id')
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(document.title).toBe('Kedai')
    const nav = wrapper.get('nav')
    expect(nav.attributes('aria-label')).toBe('Utama')
    expect(nav.findAll('button').map((button) => button.text())).toEqual([
      'Kotak Masuk',
      'Balasan',
      'Biaya',
      'Pengaturan',
    ])
    expect(wrapper.text()).toContain('Belum ada percakapan')
  })

  it('switches language from Settings and saves it through core', async () => {
    const { wrapper, bridge } = mountApp({ language: null, theme: 'light' })
    await flushPromises()

    const settings = wrapper.findAll('nav button').find((button) => button.text() === 'Settings')
    await settings?.trigger('click')
    expect(wrapper.get('h1').text()).toBe('Settings')
    expect(wrapper.text()).toContain('Running in')
    expect(wrapper.text()).toContain('the desktop app')

    await wrapper.get('input[name="language"][value="id"]').setValue(true)
    await flushPromises()

    expect(bridge.calls).toContainEqual({
      method: 'preferences.update',
      params: { language: 'id' },
    })
    expect(wrapper.get('h1').text()).toBe('Pengaturan')
    expect(document.documentElement.lang).toBe('id')
  })
})
