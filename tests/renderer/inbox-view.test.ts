// @vitest-environment happy-dom
/** The inbox inside the whole app: the window title, the keyboard, and what a lock leaves behind. */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from '../../src-renderer/App.vue'
import { bridgeKey } from '../../src-renderer/bridge/inject'
import { singleTimeZoneOf } from '../../src-renderer/composables/inbox/customer-time-zone'
import { windowTitle } from '../../src-renderer/composables/shell/useWindowTitle'
import { createKedaiI18n } from '../../src-renderer/i18n/create-i18n'
import { defaultPreferences } from '../../src-shared/preferences/preferences'
import { conversation, fakeInboxCore, hourMs, message, testNow, text } from './inbox-fixtures'
import { vaultStatus } from './vault-statuses'

let unmount: (() => void) | null = null

beforeEach(() => vi.useFakeTimers({ now: testNow, toFake: ['Date'] }))
afterEach(() => {
  vi.useRealTimers()
  unmount?.()
  unmount = null
  document.body.innerHTML = ''
  document.title = ''
})

async function mountApp() {
  const core = fakeInboxCore(
    {
      conversations: [
        conversation({ id: 'a', unreadCount: 2, customer: { name: 'Ani Wijaya' } }),
        conversation({
          id: 'b',
          unreadCount: 1,
          lastMessageAt: testNow - 2 * hourMs,
          customer: { name: 'Budi Santoso', optedOutAt: testNow - 48 * hourMs },
        }),
      ],
      messages: [message('a', text('Halo kak')), message('b', text('STOP'))],
    },
    {
      'app.info': () => ({ name: 'Kedai', version: '0.1.0', shell: 'browser', demo: false }),
      'preferences.get': () => ({ ...defaultPreferences, language: 'en' }),
    },
  )
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), createKedaiI18n('en')],
      provide: { [bridgeKey as symbol]: core.bridge },
    },
  })
  unmount = () => wrapper.unmount()
  await flushPromises()
  return { core, wrapper }
}

const press = (key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }),
  )

describe('the inbox in the app', () => {
  it('puts the unread total in the window title, and takes it away on lock', async () => {
    const { core } = await mountApp()
    expect(document.title).toBe('(3) Kedai')

    core.state.vault = vaultStatus('locked')
    core.bridge.emit('vault.changed', core.state.vault)
    await flushPromises()
    expect(document.title).toBe('Kedai')
    expect(document.body.textContent).not.toContain('Ani Wijaya')
  })

  it('opens the next and previous conversation with Alt+arrows and j/k, and shows the customer', async () => {
    const { wrapper } = await mountApp()
    press('ArrowDown', { altKey: true })
    await flushPromises()
    expect(wrapper.get('[aria-selected="true"]').text()).toContain('Ani Wijaya')
    expect(wrapper.text()).toContain('Halo kak')

    press('j')
    await flushPromises()
    expect(wrapper.get('[aria-selected="true"]').text()).toContain('Budi Santoso')
    const customer = wrapper.get('section[aria-labelledby] .customer-details')
    expect(customer.text()).toContain('Budi Santoso')
    expect(customer.text()).toContain('+62 812 3456 7890')
    expect(customer.text()).toContain('Indonesia')
    expect(customer.text()).toContain('Market for pricing')
    expect(customer.text()).toMatch(/Opted out of marketing on May 4, 2025/)

    press('ArrowUp', { altKey: true })
    await flushPromises()
    expect(wrapper.get('[aria-selected="true"]').text()).toContain('Ani Wijaya')
  })

  it('"/" goes to the search, "?" opens the shortcuts and Escape closes them', async () => {
    const { wrapper } = await mountApp()
    press('/')
    expect(document.activeElement).toBe(wrapper.get('input[type="search"]').element)

    // Typed into a text field, "?" is just a character.
    press('?', { shiftKey: true }, document.activeElement ?? document.body)
    expect(wrapper.find('dialog').exists()).toBe(false)

    press('?', { shiftKey: true })
    await flushPromises()
    const dialog = wrapper.get('dialog')
    expect((dialog.element as HTMLDialogElement).open).toBe(true)
    expect(dialog.text()).toContain('Keyboard shortcuts')
    expect(dialog.text()).toContain('Open the previous or next conversation')

    dialog.element.dispatchEvent(new Event('cancel', { cancelable: true }))
    await flushPromises()
    expect(wrapper.find('dialog').exists()).toBe(false)

    await wrapper.get('button[aria-label="Keyboard shortcuts"]').trigger('click')
    expect(wrapper.find('dialog').exists()).toBe(true)
  })
})

describe('small rules', () => {
  it('the window title', () => {
    expect(windowTitle(0)).toBe('Kedai')
    expect(windowTitle(12)).toBe('(12) Kedai')
  })

  it("a customer's time zone only where their country has one", () => {
    expect(singleTimeZoneOf('SG')).toBe('Asia/Singapore')
    expect(singleTimeZoneOf('in')).toMatch(/^Asia\/(Kolkata|Calcutta)$/)
    expect(singleTimeZoneOf('ID')).toBeNull()
    expect(singleTimeZoneOf('US')).toBeNull()
    expect(singleTimeZoneOf(null)).toBeNull()
    expect(singleTimeZoneOf('<script>')).toBeNull()
  })
})
