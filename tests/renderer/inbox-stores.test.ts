// @vitest-environment happy-dom
/** The inbox's stores against a fake core: order, filters, totals, refreshes and the vault. */
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useClockStore } from '../../src-renderer/stores/clock'
import { useConversationsStore } from '../../src-renderer/stores/conversations'
import { useDraftsStore } from '../../src-renderer/stores/drafts'
import { useOpenConversationStore } from '../../src-renderer/stores/open-conversation'
import { useVaultStore } from '../../src-renderer/stores/vault'
import { conversation, fakeInboxCore, hourMs, message, testNow, text } from './inbox-fixtures'
import { piniaWithBridge } from './mount-stores'
import { vaultStatus } from './vault-statuses'

beforeEach(() => vi.useFakeTimers({ now: testNow, toFake: ['Date'] }))
afterEach(() => vi.useRealTimers())

async function openShop(core: ReturnType<typeof fakeInboxCore>) {
  piniaWithBridge(core.bridge)
  const vault = useVaultStore()
  const conversations = useConversationsStore()
  useClockStore().tick(testNow)
  await vault.hydrate()
  await flushPromises()
  return { vault, conversations }
}

const ids = (items: { id: string }[]) => items.map((item) => item.id)
const calls = (core: ReturnType<typeof fakeInboxCore>, method: string) =>
  core.bridge.calls.filter((call) => call.method === method)

describe('the conversation list store', () => {
  it('loads on unlock and keeps pinned first, then the newest activity', async () => {
    const core = fakeInboxCore({
      conversations: [
        conversation({ id: 'old', lastMessageAt: testNow - 50 * hourMs }),
        conversation({ id: 'new', lastMessageAt: testNow - hourMs }),
        conversation({ id: 'pinned-early', pinnedAt: 1_000, lastMessageAt: testNow - 90 * hourMs }),
        conversation({ id: 'pinned-late', pinnedAt: 2_000, lastMessageAt: testNow - 99 * hourMs }),
      ],
    })
    const { conversations } = await openShop(core)

    expect(conversations.status).toBe('done')
    expect(ids(conversations.shown)).toEqual(['pinned-late', 'pinned-early', 'new', 'old'])
    expect(calls(core, 'inbox.conversations')).toHaveLength(1)
  })

  it('filters by unread, waiting, open window and archived, with a count for each', async () => {
    const core = fakeInboxCore({
      conversations: [
        // The customer wrote last, 2 hours ago: unread, waiting, window open.
        conversation({
          id: 'waiting',
          unreadCount: 2,
          lastMessageAt: testNow - 2 * hourMs,
          lastInboundAt: testNow - 2 * hourMs,
        }),
        // The shop answered last; the window is still open.
        conversation({
          id: 'answered',
          lastMessageAt: testNow - hourMs,
          lastInboundAt: testNow - 3 * hourMs,
        }),
        // The customer wrote 30 hours ago and still waits: the window is closed.
        conversation({
          id: 'closed',
          unreadCount: 1,
          lastMessageAt: testNow - 30 * hourMs,
          lastInboundAt: testNow - 30 * hourMs,
        }),
        conversation({ id: 'archived', archivedAt: testNow - hourMs, unreadCount: 0 }),
      ],
    })
    const { conversations } = await openShop(core)

    expect(ids(conversations.shown)).toEqual(['answered', 'waiting', 'closed'])
    expect(conversations.counts).toEqual({
      all: 3,
      unread: 2,
      waiting: 2,
      windowOpen: 2,
      archived: 1,
    })

    conversations.setFilter('unread')
    expect(ids(conversations.shown)).toEqual(['waiting', 'closed'])
    conversations.setFilter('waiting')
    expect(ids(conversations.shown)).toEqual(['waiting', 'closed'])
    conversations.setFilter('windowOpen')
    expect(ids(conversations.shown)).toEqual(['answered', 'waiting'])
    conversations.setFilter('archived')
    expect(ids(conversations.shown)).toEqual(['archived'])

    // Time passes: the window closes 24 hours after the customer's last message.
    conversations.setFilter('windowOpen')
    useClockStore().tick(testNow + 21 * hourMs)
    expect(ids(conversations.shown)).toEqual(['waiting'])
  })

  it('searches the loaded list by name, without accents, and by number', async () => {
    const core = fakeInboxCore({
      conversations: [
        conversation({ id: 'maria', customer: { name: 'María García', phone: '+5215512345678' } }),
        conversation({
          id: 'budi',
          customer: { name: null, profileName: 'Budi', phone: '+6281298765432' },
        }),
      ],
    })
    const { conversations } = await openShop(core)

    conversations.setQuery('maria')
    expect(ids(conversations.shown)).toEqual(['maria'])
    conversations.setQuery('BUD')
    expect(ids(conversations.shown)).toEqual(['budi'])
    conversations.setQuery('0812 9876')
    expect(ids(conversations.shown)).toEqual(['budi'])
    conversations.setQuery('')
    expect(conversations.shown).toHaveLength(2)
  })

  it('adds up the unread messages of every conversation', async () => {
    const core = fakeInboxCore({
      conversations: [
        conversation({ unreadCount: 2 }),
        conversation({ unreadCount: 0 }),
        conversation({ unreadCount: 1, archivedAt: testNow }),
      ],
    })
    const { conversations } = await openShop(core)
    expect(conversations.unreadTotal).toBe(3)
  })

  it('forgets everything on lock, drops a late answer, and loads again on unlock', async () => {
    const first = conversation({ id: 'first', unreadCount: 4 })
    const core = fakeInboxCore({
      conversations: [first],
      messages: [message('first', text('Kak, masih ada?'))],
    })
    const { vault, conversations } = await openShop(core)
    const drafts = useDraftsStore()
    const open = useOpenConversationStore()
    conversations.requestPreviews(['first'])
    await open.open('first')
    drafts.setText('first', 'Masih kak')
    conversations.setQuery('first')
    expect(conversations.previews.size).toBe(1)

    // A refresh on its way when the vault locks: its answer must not come back.
    const release = core.bridge.hold()
    const refresh = conversations.reload()
    core.state.vault = vaultStatus('locked')
    core.bridge.emit('vault.changed', core.state.vault)
    release()
    await refresh

    expect(conversations.items).toEqual([])
    expect(conversations.status).toBe('idle')
    expect(conversations.unreadTotal).toBe(0)
    expect(conversations.query).toBe('')
    expect(conversations.previews.size).toBe(0)
    expect(conversations.histories.size).toBe(0)
    expect(open.conversationId).toBeNull()
    expect(open.messages).toEqual([])
    expect(drafts.drafts.size).toBe(0)

    core.state.vault = vaultStatus('unlocked')
    core.bridge.emit('vault.changed', core.state.vault)
    await flushPromises()
    expect(vault.unlocked).toBe(true)
    expect(ids(conversations.items)).toEqual(['first'])
    expect(conversations.unreadTotal).toBe(4)
  })

  it('fetches a preview once per conversation, only when asked', async () => {
    const core = fakeInboxCore({
      conversations: [conversation({ id: 'a' }), conversation({ id: 'b' })],
      messages: [message('a', text('first')), message('a', text('newest'), { sentAt: testNow })],
    })
    const { conversations } = await openShop(core)
    expect(calls(core, 'inbox.messages')).toHaveLength(0)

    conversations.requestPreviews(['a'])
    conversations.requestPreviews(['a'])
    await flushPromises()
    conversations.requestPreviews(['a'])
    expect(calls(core, 'inbox.messages')).toEqual([
      { method: 'inbox.messages', params: { conversationId: 'a', limit: 1 } },
    ])
    expect(conversations.previews.get('a')?.body).toEqual(text('newest'))
  })

  it('on inbox.changed reads the list again and refreshes only the conversations named', async () => {
    const core = fakeInboxCore({
      conversations: [conversation({ id: 'a' }), conversation({ id: 'b' })],
      messages: [message('a', text('a1')), message('b', text('b1'))],
    })
    const { conversations } = await openShop(core)
    const open = useOpenConversationStore()
    conversations.requestPreviews(['a', 'b'])
    await open.open('a')
    await flushPromises()
    core.bridge.calls.length = 0

    core.state.messages.push(message('b', text('b2'), { sentAt: testNow }))
    core.state.conversations[1] = {
      ...core.state.conversations[1]!,
      unreadCount: 1,
      lastMessageAt: testNow,
    }
    core.bridge.emit('inbox.changed', { conversationIds: ['b'] })
    await flushPromises()

    // The open conversation 'a' was not touched: no messages read for it.
    expect(calls(core, 'inbox.conversations')).toHaveLength(1)
    expect(calls(core, 'inbox.messages')).toHaveLength(0)
    expect(conversations.previews.has('b')).toBe(false)
    expect(conversations.previews.get('a')?.body).toEqual(text('a1'))
    expect(ids(conversations.shown)).toEqual(['b', 'a'])
    expect(conversations.unreadTotal).toBe(1)

    // The row for 'b' asks again; 'a' changes and its open messages are read again.
    conversations.requestPreviews(['a', 'b'])
    core.state.messages.push(message('a', text('a2'), { sentAt: testNow + 1 }))
    core.bridge.emit('inbox.changed', { conversationIds: ['a'] })
    await flushPromises()
    expect(conversations.previews.get('b')?.body).toEqual(text('b2'))
    expect(open.messages.map((item) => item.body)).toEqual([text('a1'), text('a2')])
  })
})

describe('the open conversation store', () => {
  it('opens the newest page, and reads older messages a page at a time', async () => {
    const many = Array.from({ length: 120 }, (_, index) =>
      message('long', text(`message ${index}`), { sentAt: testNow - (120 - index) * 60_000 }),
    )
    const core = fakeInboxCore({ conversations: [conversation({ id: 'long' })], messages: many })
    await openShop(core)
    const open = useOpenConversationStore()

    await open.open('long')
    expect(open.messages).toHaveLength(50)
    expect(open.messages.at(-1)?.body).toEqual(text('message 119'))
    expect(open.hasOlder).toBe(true)

    await open.loadOlder()
    await open.loadOlder()
    expect(open.messages).toHaveLength(120)
    expect(open.hasOlder).toBe(false)
    expect(open.messages[0]?.body).toEqual(text('message 0'))
  })

  it('shows a reply at once as queued, then as core stored it', async () => {
    const core = fakeInboxCore({
      conversations: [conversation({ id: 'a' })],
      messages: [message('a', text('Kak?'))],
    })
    await openShop(core)
    const open = useOpenConversationStore()
    await open.open('a')

    const release = core.bridge.hold()
    const sending = open.sendText('a', 'Ada kak', null)
    expect(open.shown.at(-1)).toMatchObject({ status: 'queued', body: text('Ada kak') })
    release()
    expect(await sending).toBeNull()
    await flushPromises()

    expect(open.shown.map((item) => item.id)).toEqual([open.messages[0]?.id, 'queued-1'])
    expect(open.shown.at(-1)?.status).toBe('queued')
  })

  it('takes a refused reply back and hands over the refusal', async () => {
    const core = fakeInboxCore({
      conversations: [conversation({ id: 'a', lastInboundAt: testNow - 30 * hourMs })],
    })
    await openShop(core)
    const open = useOpenConversationStore()
    await open.open('a')

    const refusal = await open.sendText('a', 'Halo', null)

    expect(refusal?.code).toBe('WINDOW_CLOSED')
    expect(open.shown).toEqual([])
  })
})
