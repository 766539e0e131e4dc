// @vitest-environment happy-dom
/** Notifications for customer messages: what they say, when they stay quiet, where a click goes. */
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import type { NotificationPort } from '../../src-renderer/composables/notifications/notification-port'
import { useCustomerNotifications } from '../../src-renderer/composables/notifications/useCustomerNotifications'
import { useNavigationStore } from '../../src-renderer/stores/navigation'
import { useOpenConversationStore } from '../../src-renderer/stores/open-conversation'
import { usePreferencesStore } from '../../src-renderer/stores/preferences'
import { useVaultStore } from '../../src-renderer/stores/vault'
import { defaultPreferences } from '../../src-shared/preferences/preferences'
import { conversation, fakeInboxCore, message, testNow, text } from './inbox-fixtures'
import { closeInbox, openInbox } from './mount-inbox'
import { vaultStatus } from './vault-statuses'

beforeEach(() => vi.useFakeTimers({ now: testNow, toFake: ['Date'] }))
afterEach(() => {
  vi.useRealTimers()
  closeInbox()
})

interface Shown {
  title: string
  body: string
  onClick: () => void
  closed: boolean
}

function fakePort(permission: 'granted' | 'denied' = 'granted') {
  const shown: Shown[] = []
  const port: NotificationPort = {
    permission: () => permission,
    request: () => Promise.resolve(permission),
    show: ({ title, body, onClick }) => {
      const entry = { title, body, onClick, closed: false }
      shown.push(entry)
      return { close: () => (entry.closed = true) }
    },
  }
  return { port, shown }
}

async function setUp(permission: 'granted' | 'denied' = 'granted') {
  const words = message('a', text('Kak, batik M masih ada?'), { id: 'm1', sentAt: testNow })
  let doNotDisturb = false
  const core = fakeInboxCore(
    {
      conversations: [conversation({ id: 'a', customer: { name: 'Ani Wijaya' } })],
      messages: [words],
    },
    {
      'preferences.get': () => ({ ...defaultPreferences, doNotDisturb }),
      'preferences.update': (change) => {
        doNotDisturb = change.doNotDisturb ?? doNotDisturb
        return { ...defaultPreferences, doNotDisturb }
      },
      'inbox.notificationContent': ({ messageId }) =>
        core.state.vault.state !== 'unlocked'
          ? { code: 'VAULT_LOCKED', message: 'Kedai is locked.' }
          : {
              conversationId: 'a',
              customerName: 'Ani Wijaya',
              message: { ...words, id: messageId },
            },
    },
  )
  const inbox = await openInbox(core.bridge)
  await usePreferencesStore().hydrate()
  const { port, shown } = fakePort(permission)
  inbox.mount(
    defineComponent({
      setup() {
        useCustomerNotifications(port, () => testNow)
        return () => null
      },
    }),
  )
  const wrote = (ids: string[], sentAt = testNow) =>
    core.bridge.emit('inbox.customerWrote', {
      messages: ids.map((messageId) => ({ conversationId: 'a', messageId, sentAt })),
    })
  return { core, shown, wrote }
}

describe('notifications for customer messages', () => {
  it('say who wrote and what, and a click opens that conversation', async () => {
    const { shown, wrote } = await setUp()
    useNavigationStore().open('settings')
    wrote(['m1'])
    await flushPromises()
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatchObject({
      title: 'New message from Ani Wijaya',
      body: 'Kak, batik M masih ada?',
    })
    shown[0]!.onClick()
    await flushPromises()
    expect(useNavigationStore().screen).toBe('inbox')
    expect(useOpenConversationStore().conversationId).toBe('a')
  })

  it('stay quiet under do-not-disturb, without permission, and for a catch-up of old messages', async () => {
    const quiet = await setUp()
    await usePreferencesStore().update({ doNotDisturb: true })
    quiet.wrote(['m1'])
    await flushPromises()
    expect(quiet.shown).toEqual([])
    closeInbox()

    const refused = await setUp('denied')
    refused.wrote(['m1'])
    await flushPromises()
    expect(refused.shown).toEqual([])
    closeInbox()

    const late = await setUp()
    late.wrote(['m1'], testNow - 60 * 60_000)
    await flushPromises()
    expect(late.shown).toEqual([])
  })

  it('become one that counts them when many come at once, without their words', async () => {
    const { shown, wrote, core } = await setUp()
    wrote(['m1', 'm2', 'm3', 'm4', 'm5'])
    await flushPromises()
    expect(shown.map((entry) => entry.title)).toEqual(['5 new customer messages'])
    expect(core.bridge.calls.some((call) => call.method === 'inbox.notificationContent')).toBe(
      false,
    )
  })

  it('show nothing while locked, and close what is on screen when the vault locks', async () => {
    const { shown, wrote, core } = await setUp()
    wrote(['m1'])
    await flushPromises()
    expect(shown).toHaveLength(1)

    core.state.vault = vaultStatus('locked')
    core.bridge.emit('vault.changed', vaultStatus('locked'))
    await flushPromises()
    expect(useVaultStore().unlocked).toBe(false)
    expect(shown[0]!.closed).toBe(true)

    const asked = core.bridge.calls.length
    wrote(['m1'])
    await flushPromises()
    expect(shown).toHaveLength(1)
    // Not even asked: a locked Kedai has no words to give.
    expect(core.bridge.calls.slice(asked).map((call) => call.method)).not.toContain(
      'inbox.notificationContent',
    )
  })
})
