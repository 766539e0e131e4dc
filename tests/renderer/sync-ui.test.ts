// @vitest-environment happy-dom
/**
 * The sync indicator and Settings › Devices against a fake core: the states the owner sees
 * (online, offline with replies waiting, refused), sync now, the pairing code's countdown and
 * expiry, removing a device only after a yes, and the relay enrolment form's refusals.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DeviceItem, SyncStatus } from '../../src-shared/bridge/features/sync'
import type { LinkStatus } from '../../src-shared/relay/link-status'
import { defaultPreferences } from '../../src-shared/preferences/preferences'
import App from '../../src-renderer/App.vue'
import { bridgeKey } from '../../src-renderer/bridge/inject'
import { createKedaiI18n } from '../../src-renderer/i18n/create-i18n'
import { createFakeBridge, type FakeHandlers } from './fake-bridge'
import { vaultStatus } from './vault-statuses'

function link(rest: Partial<LinkStatus> = {}): LinkStatus {
  return {
    state: 'online',
    relayUrl: 'http://127.0.0.1:8787',
    offlineSince: null,
    lastSyncedAt: Date.now() - 3.5 * 60_000,
    waiting: 0,
    refusal: null,
    ...rest,
  }
}

function syncStatus(linkStatus: LinkStatus): SyncStatus {
  return { link: linkStatus, unpushed: 0, held: 0, lastSyncedAt: null, deviceId: 'D1' }
}

async function mountApp(handlers: FakeHandlers, language: 'en' | 'id' = 'en') {
  const bridge = createFakeBridge({
    'app.info': () => ({ name: 'Kedai', version: '0.1.0', shell: 'browser', demo: false }),
    'preferences.get': () => ({ ...defaultPreferences, language }),
    'vault.status': () => vaultStatus('unlocked'),
    'vault.tamperReports': () => [],
    'inbox.conversations': () => [],
    ...handlers,
  })
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), createKedaiI18n(language)],
      provide: { [bridgeKey as symbol]: bridge },
    },
  })
  await flushPromises()
  return { wrapper, bridge }
}

const indicator = (wrapper: VueWrapper) => wrapper.get('section[aria-label="Sync"]')

function button(wrapper: VueWrapper, text: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === text)
  if (!found) throw new Error(`No button "${text}"`)
  return found
}

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('the sync indicator', () => {
  it('shows online and when the shop last synced, and follows link.changed', async () => {
    const { wrapper, bridge } = await mountApp({ 'link.status': () => link() })
    expect(indicator(wrapper).text()).toContain('Online')
    expect(indicator(wrapper).text()).toContain('Synced 3 minutes ago')
    expect(indicator(wrapper).text()).not.toContain('will send')

    const since = new Date(2026, 10, 30, 14, 5).getTime()
    bridge.emit('link.changed', link({ state: 'offline', offlineSince: since, waiting: 2 }))
    await flushPromises()
    const text = indicator(wrapper).text()
    expect(text).toContain('Offline')
    expect(text).toMatch(/since .*(14[.:]05|2:05)/)
    expect(text).toContain('2 replies will send when online')
    expect(indicator(wrapper).find('svg.sync-clock').exists()).toBe(true)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('"Sync now" asks core and shows what it answered', async () => {
    let calls = 0
    const { wrapper, bridge } = await mountApp({
      'link.status': () => link({ state: 'offline', offlineSince: Date.now(), waiting: 1 }),
      'sync.now': () => {
        calls += 1
        return syncStatus(link({ lastSyncedAt: Date.now() }))
      },
    })
    expect(indicator(wrapper).text()).toContain('1 reply will send when online')
    await button(wrapper, 'Sync now').trigger('click')
    await flushPromises()
    expect(calls).toBe(1)
    expect(bridge.calls.some((call) => call.method === 'sync.now')).toBe(true)
    expect(indicator(wrapper).text()).toContain('Online')
    expect(indicator(wrapper).text()).toContain('Synced just now')
  })

  it('says in plain words when the relay refuses this computer, in both languages', async () => {
    const refused = link({ state: 'refused', refusal: 'This device was removed from the shop.' })
    const { wrapper } = await mountApp({ 'link.status': () => refused })
    expect(indicator(wrapper).text()).toContain('Refused')
    const alert = wrapper.get('[role="alert"]').text()
    expect(alert).toContain('The shop’s relay no longer accepts this computer.')
    expect(alert).toContain('Settings › Devices › Add a device')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Sync now')).toBe(false)
    wrapper.unmount()

    const indonesian = await mountApp({ 'link.status': () => refused }, 'id')
    expect(indonesian.wrapper.get('[role="alert"]').text()).toContain(
      'Relay toko tidak lagi menerima komputer ini.',
    )
    expect(indonesian.wrapper.get('section[aria-label="Sinkron"]').text()).toContain('Ditolak')
  })
})

describe('Settings › Devices', () => {
  const devices: DeviceItem[] = [
    {
      deviceId: 'D2',
      name: 'Laptop',
      createdAt: 2_000,
      removedAt: null,
      lastSeenAt: Date.now() - 5 * 60_000,
      thisDevice: false,
    },
    {
      deviceId: 'D1',
      name: 'Kasir',
      createdAt: 1_000,
      removedAt: null,
      lastSeenAt: Date.now(),
      thisDevice: true,
    },
  ]

  async function openDevices(handlers: FakeHandlers) {
    const mounted = await mountApp({ 'link.status': () => link(), ...handlers })
    await button(mounted.wrapper, 'Settings').trigger('click')
    await flushPromises()
    return mounted
  }

  it('shows a one-time code with its expiry counting down, then expired', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const { wrapper } = await openDevices({
      'sync.devices': () => devices,
      'sync.pairingCode': () => ({
        code: 'K7QM-2XD9-PT4H-WN3B',
        expiresAt: Date.now() + 10 * 60_000,
      }),
    })
    await button(wrapper, 'Add a device').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="pairing-code"]').text()).toBe('K7QM-2XD9-PT4H-WN3B')
    expect(wrapper.text()).toContain('Expires in 10:00')
    expect(wrapper.text()).toContain('http://127.0.0.1:8787')
    // The QR: an image with a name, drawn as one path (nothing parsed as markup).
    const qr = wrapper.get('[data-testid="pairing-qr"]')
    expect(qr.attributes('aria-label')).toBe(
      'QR code holding the relay address and this pairing code',
    )
    expect(qr.findAll('path')).toHaveLength(1)
    expect(qr.get('path').attributes('d')).toMatch(/^(M\d+ \d+h1v1h-1z)+$/)
    vi.advanceTimersByTime(61_000)
    await flushPromises()
    expect(wrapper.text()).toContain('Expires in 8:59')
    vi.advanceTimersByTime(9 * 60_000)
    await flushPromises()
    expect(wrapper.text()).toContain('This code has expired. Make a new one.')
    expect(wrapper.find('[data-testid="pairing-qr"]').exists()).toBe(false)
    expect(button(wrapper, 'Make a new code').exists()).toBe(true)
  })

  it('lists the devices, this computer first, and removes one only after a yes', async () => {
    let list = devices
    const removed: string[] = []
    const { wrapper } = await openDevices({
      'sync.devices': () => list,
      'sync.removeDevice': ({ deviceId }) => {
        removed.push(deviceId)
        list = list.map((d) => (d.deviceId === deviceId ? { ...d, removedAt: 3_000 } : d))
        return { removed: true }
      },
    })
    const names = wrapper.findAll('.device-name').map((n) => n.text())
    expect(names).toEqual(['Kasir (this computer)', 'Laptop'])
    // When the other computer last called the relay, so the owner knows which one is idle.
    const dates = wrapper.findAll('.device-dates').map((d) => d.text())
    expect(dates[1]).toMatch(/· last seen 5 minutes ago$/)
    expect(dates[0]).not.toMatch(/last seen/)
    // Only the other device can be removed.
    const remove = wrapper.get('button[aria-label="Remove Laptop"]')
    expect(wrapper.findAll('button[aria-label^="Remove"]')).toHaveLength(1)

    await remove.trigger('click')
    expect(wrapper.text()).toContain('Remove “Laptop” from the shop?')
    await button(wrapper, 'Keep it').trigger('click')
    expect(removed).toEqual([])

    await wrapper.get('button[aria-label="Remove Laptop"]').trigger('click')
    await button(wrapper, 'Yes, remove it').trigger('click')
    await flushPromises()
    expect(removed).toEqual(['D2'])
    expect(wrapper.text()).toContain('“Laptop” was removed from the shop.')
    expect(wrapper.text()).toMatch(/Removed /)
    expect(wrapper.findAll('button[aria-label^="Remove"]')).toHaveLength(0)
  })

  it('offers the relay enrolment form when not connected, with clear refusals', async () => {
    let answer: 'refused' | 'unreachable' | 'ok' = 'refused'
    const { wrapper } = await openDevices({
      'link.status': () => link({ state: 'notConfigured', relayUrl: null, lastSyncedAt: null }),
      'link.enrol': () => {
        if (answer === 'refused') return { code: 'INVALID_INPUT', message: 'bad code' }
        if (answer === 'unreachable') return { code: 'DISCONNECTED', message: 'no answer' }
        return link()
      },
    })
    const form = wrapper.get('form[aria-label="Connect this shop to its relay"]')
    await form.trigger('submit')
    expect(form.text()).toContain('starting with https:// or http://')
    const inputs = form.findAll('input')
    await inputs[0]?.setValue('https://relay.example.com/')
    await inputs[1]?.setValue('ABCD-EFGH')
    await form.trigger('submit')
    await flushPromises()
    expect(form.get('[role="alert"]').text()).toContain('did not accept this code')
    answer = 'unreachable'
    await form.trigger('submit')
    await flushPromises()
    expect(form.get('[role="alert"]').text()).toContain('could not be reached')
    answer = 'ok'
    await form.trigger('submit')
    await flushPromises()
    expect(indicator(wrapper).text()).toContain('Online')
  })
})

describe('Join an existing shop', () => {
  it('splits the pairing QR’s text, pasted as the code, into the relay address and the code', async () => {
    const joined: { relayUrl: string; code: string }[] = []
    let state: 'new' | 'unlocked' = 'new'
    const { wrapper } = await mountApp({
      'vault.status': () => vaultStatus(state),
      'vault.create': () => {
        state = 'unlocked'
        return vaultStatus('unlocked')
      },
      'sync.join': (params) => {
        joined.push(params)
        return syncStatus(link())
      },
      'link.status': () => link(),
    })
    await button(wrapper, 'Join an existing shop').trigger('click')
    const form = wrapper.get('form[aria-label="Join an existing shop"]')
    const field = (label: string) => {
      const labelled = form.findAll('label').find((candidate) => candidate.text() === label)
      if (!labelled) throw new Error(`No field "${label}"`)
      return form.get(`#${labelled.attributes('for')}`)
    }
    await field('Pairing code').setValue(
      'kedai://pair?relay=http%3A%2F%2F127.0.0.1%3A8787&code=K7QM-2XD9-PT4H-WN3B',
    )
    await flushPromises()
    expect((field('Relay address').element as HTMLInputElement).value).toBe('http://127.0.0.1:8787')
    expect((field('Pairing code').element as HTMLInputElement).value).toBe('K7QM-2XD9-PT4H-WN3B')
    await field('New passphrase for this computer').setValue('kopi susu gula aren 42')
    await field('Type the passphrase again').setValue('kopi susu gula aren 42')
    await form.trigger('submit')
    await flushPromises()
    expect(joined).toEqual([{ relayUrl: 'http://127.0.0.1:8787', code: 'K7QM-2XD9-PT4H-WN3B' }])
  })
})

describe('Join from Settings', () => {
  it('lets a shop that works alone join another computer’s shop with only the address and code', async () => {
    const joined: { relayUrl: string; code: string }[] = []
    let created = 0
    const { wrapper } = await mountApp({
      'link.status': () => link({ state: 'notConfigured', relayUrl: null, lastSyncedAt: null }),
      'vault.create': () => {
        created++
        return vaultStatus('unlocked')
      },
      'sync.join': (params) => {
        joined.push(params)
        return syncStatus(link())
      },
    })
    await button(wrapper, 'Settings').trigger('click')
    await flushPromises()
    await button(wrapper, 'Join a shop another computer already has').trigger('click')
    const form = wrapper.get('form[aria-label="Join an existing shop"]')
    // No passphrase here: the vault is open already.
    expect(form.findAll('input[type="password"]')).toHaveLength(0)
    const inputs = form.findAll('input')
    await inputs[1]!.setValue(
      'kedai://pair?relay=http%3A%2F%2F127.0.0.1%3A8787&code=K7QM-2XD9-PT4H-WN3B',
    )
    await form.trigger('submit')
    await flushPromises()
    expect(joined).toEqual([{ relayUrl: 'http://127.0.0.1:8787', code: 'K7QM-2XD9-PT4H-WN3B' }])
    expect(created).toBe(0)
    expect(button(wrapper, 'Connect this shop to a relay instead').exists()).toBe(true)
  })
})
