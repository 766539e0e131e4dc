// @vitest-environment happy-dom
/** The app gated on the vault's state, mounted whole against a fake core. */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultPreferences, type Preferences } from '../../src-shared/preferences/preferences'
import type { VaultStatus } from '../../src-shared/vault/vault-status'
import App from '../../src-renderer/App.vue'
import { bridgeKey } from '../../src-renderer/bridge/inject'
import { createKedaiI18n } from '../../src-renderer/i18n/create-i18n'
import { createFakeBridge, type FakeHandlers } from './fake-bridge'
import { vaultStatus } from './vault-statuses'

const rightPassphrase = 'kopi susu gula aren'

function mountApp(start: VaultStatus, more: FakeHandlers = {}) {
  let preferences: Preferences = { ...defaultPreferences, language: 'en' }
  let status = start
  const bridge = createFakeBridge({
    'app.info': () => ({ name: 'Kedai', version: '0.1.0', shell: 'browser', demo: false }),
    'preferences.get': () => preferences,
    'preferences.update': (change) => (preferences = { ...preferences, ...change }),
    'vault.status': () => status,
    'vault.create': ({ shopName }) => (status = vaultStatus('unlocked', { shopName })),
    'vault.unlock': ({ passphrase }) =>
      passphrase === rightPassphrase
        ? (status = vaultStatus('unlocked'))
        : {
            code: 'WRONG_PASSPHRASE',
            message: 'That passphrase is not right. Nothing was changed.',
          },
    'vault.lock': () => (status = vaultStatus('locked')),
    'vault.activity': () => ({ done: true }),
    'vault.tamperReports': () => [],
    'inbox.conversations': () => [],
    ...more,
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

const called = (bridge: ReturnType<typeof mountApp>['bridge'], method: string) =>
  bridge.calls.filter((call) => call.method === method).length

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the vault gate', () => {
  it('asks a new computer to create the shop, with the minimum and a live strength hint', async () => {
    const { wrapper, bridge } = mountApp(vaultStatus('new'))
    await flushPromises()

    expect(wrapper.get('h1').text()).toBe('Create your shop')
    expect(wrapper.find('nav').exists()).toBe(false)
    expect(wrapper.text()).toContain('At least 10 characters')
    const [name, passphrase, confirmation] = wrapper.findAll('input')
    expect(wrapper.text()).not.toContain('Too short')

    await passphrase?.setValue('kopi susu')
    expect(wrapper.text()).toContain('Too short: at least 10 characters')
    await passphrase?.setValue('kopi susu gula aren')
    expect(wrapper.text()).toContain('Strong')

    // Problems show on the first try, and nothing reaches core.
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('Give your shop a name.')
    expect(wrapper.text()).toContain('The two passphrases are not the same.')
    expect(document.activeElement).toBe(name?.element)
    expect(called(bridge, 'vault.create')).toBe(0)

    await name?.setValue('  Toko Sari ')
    await confirmation?.setValue('kopi susu gula aren')
    const release = bridge.hold()
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[role="status"]').text()).toContain('Creating your shop')
    expect(wrapper.find('progress').exists()).toBe(true)
    release()
    await flushPromises()

    expect(bridge.calls).toContainEqual({
      method: 'vault.create',
      params: { shopName: 'Toko Sari', passphrase: 'kopi susu gula aren' },
    })
    expect(wrapper.find('nav').exists()).toBe(true)
    expect(wrapper.text()).toContain('Toko Sari')
  })

  it('says a wrong passphrase plainly, keeps focus in the field, and unlocks with the right one', async () => {
    const { wrapper } = mountApp(vaultStatus('locked'))
    await flushPromises()

    expect(wrapper.get('h1').text()).toBe('Kedai is locked')
    const field = wrapper.get('input[type="password"]')
    expect(document.activeElement).toBe(field.element)

    await field.setValue('kopi susu')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toBe('That passphrase is not right.')
    expect(wrapper.get('h1').text()).toBe('Kedai is locked')
    expect(document.activeElement).toBe(field.element)
    expect((field.element as HTMLInputElement).value).toBe('kopi susu')

    await field.setValue(rightPassphrase)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('nav').exists()).toBe(true)
    expect(wrapper.text()).toContain('Toko Sari')
  })

  it('locks from the sidebar button and from Ctrl+L, and core hears of activity while open', async () => {
    const { wrapper, bridge } = mountApp(vaultStatus('unlocked'))
    await flushPromises()

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    expect(called(bridge, 'vault.activity')).toBe(1)

    const lock = wrapper.findAll('button').find((button) => button.text() === 'Lock')
    expect(lock?.attributes('aria-keyshortcuts')).toContain('Control+L')
    await lock?.trigger('click')
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe('Kedai is locked')
    expect(called(bridge, 'vault.lock')).toBe(1)

    // The shortcut does nothing on the unlock screen, and activity is not reported there.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', ctrlKey: true }))
    await flushPromises()
    expect(called(bridge, 'vault.lock')).toBe(1)
    expect(called(bridge, 'vault.activity')).toBe(1)

    await wrapper.get('input[type="password"]').setValue(rightPassphrase)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const shortcut = new KeyboardEvent('keydown', { key: 'l', ctrlKey: true, cancelable: true })
    window.dispatchEvent(shortcut)
    await flushPromises()
    expect(shortcut.defaultPrevented).toBe(true)
    expect(called(bridge, 'vault.lock')).toBe(2)
    expect(wrapper.get('h1').text()).toBe('Kedai is locked')
  })

  it('goes back to the unlock screen when core locks by itself', async () => {
    const { wrapper, bridge } = mountApp(vaultStatus('unlocked'))
    await flushPromises()
    expect(wrapper.find('nav').exists()).toBe(true)

    bridge.emit('vault.changed', vaultStatus('locked'))
    await flushPromises()

    expect(wrapper.find('nav').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Toko Sari')
    expect(wrapper.get('h1').text()).toBe('Kedai is locked')
  })

  it('offers the latest backup on a damaged file, with its date, and a file always', async () => {
    const latestBackup = { fileName: 'kedai-backup.db', createdAt: Date.UTC(2025, 4, 1, 9, 30) }
    const { wrapper, bridge } = mountApp(
      vaultStatus('damaged', { damage: 'file is not a database', latestBackup }),
      { 'vault.restoreLatestBackup': () => vaultStatus('locked', { latestBackup }) },
    )
    await flushPromises()

    expect(wrapper.get('h1').text()).toBe('Your shop’s data file could not be opened')
    expect(wrapper.text()).toContain('file is not a database')
    const buttons = wrapper.findAll('button').map((button) => button.text())
    expect(buttons).toContain('Restore from a file')
    const latest = wrapper.findAll('button').find((b) => b.text().startsWith('Restore the latest'))
    expect(latest?.text()).toMatch(/Restore the latest backup \(May 1, 2025/)

    await latest?.trigger('click')
    await flushPromises()
    expect(called(bridge, 'vault.restoreLatestBackup')).toBe(1)
    expect(wrapper.get('h1').text()).toBe('Kedai is locked')
    expect(wrapper.text()).toContain('The backup of May 1, 2025')
  })

  it('says when the vault cannot be asked, and tries again on request', async () => {
    let answer = false
    const { wrapper } = mountApp(vaultStatus('locked'), {
      'vault.status': () =>
        answer ? vaultStatus('locked') : { code: 'DISCONNECTED', message: 'Gone.' },
    })
    await flushPromises()

    expect(wrapper.get('h1').text()).toBe('Kedai cannot open your shop right now')
    answer = true
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe('Kedai is locked')
  })
})
