// @vitest-environment happy-dom
/** The conversation list as the owner meets it: a window of rows, badges, filters and keys. */
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ConversationListPane from '../../src-renderer/components/inbox/ConversationListPane.vue'
import { useOpenConversationStore } from '../../src-renderer/stores/open-conversation'
import { conversation, fakeInboxCore, hourMs, message, testNow, text } from './inbox-fixtures'
import { closeInbox, openInbox } from './mount-inbox'

const viewportHeight = 600
const rowHeight = 84

beforeEach(() => {
  vi.useFakeTimers({ now: testNow, toFake: ['Date'] })
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return this.getAttribute('role') === 'listbox' ? viewportHeight : 0
  })
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  closeInbox()
})

function manyConversations(count: number) {
  return Array.from({ length: count }, (_, index) =>
    conversation({
      id: `c${index}`,
      customer: { name: `Pelanggan ${index}` },
      lastMessageAt: testNow - (index + 1) * 60_000,
      lastInboundAt: testNow - (index + 1) * 60_000,
    }),
  )
}

describe('the conversation list', () => {
  it('renders only the rows in view of 5,000, and follows the scroll', async () => {
    const core = fakeInboxCore({ conversations: manyConversations(5000) })
    const inbox = await openInbox(core.bridge)
    const wrapper = inbox.mount(ConversationListPane)
    await flushPromises()

    const listbox = wrapper.get('[role="listbox"]')
    const options = () => wrapper.findAll('[role="option"]')
    // 600 px of 84 px rows: 8 in view, and a few either side for smooth scrolling.
    expect(options().length).toBeGreaterThanOrEqual(8)
    expect(options().length).toBeLessThanOrEqual(17)
    expect(options()[0]?.attributes('aria-setsize')).toBe('5000')
    expect(options()[0]?.text()).toContain('Pelanggan 0')
    expect(wrapper.get('.conversation-rows').attributes('style')).toContain(
      `height: ${5000 * rowHeight}px`,
    )

    listbox.element.scrollTop = 2500 * rowHeight
    await listbox.trigger('scroll')
    const positions = options().map((option) => Number(option.attributes('aria-posinset')))
    expect(options().length).toBeLessThanOrEqual(17)
    expect(Math.min(...positions)).toBeGreaterThan(2490)
    expect(positions).toContain(2501)
    expect(wrapper.text()).toContain('Pelanggan 2500')
    expect(wrapper.text()).not.toContain('Pelanggan 0 ')

    // Previews are asked for the rows on screen only, once each.
    const previewCalls = core.bridge.calls.filter((call) => call.method === 'inbox.messages')
    expect(previewCalls.length).toBeLessThanOrEqual(17)
  })

  it('shows the name, flag, preview, unread count, waiting time and window of each row', async () => {
    const core = fakeInboxCore({
      conversations: [
        conversation({
          id: 'waiting',
          unreadCount: 3,
          lastMessageAt: testNow - 2 * hourMs,
          lastInboundAt: testNow - 2 * hourMs,
          customer: { name: 'Siti Rahma', phone: '+6281234567890', country: 'ID' },
        }),
        conversation({
          id: 'closed',
          lastMessageAt: testNow - 30 * hourMs,
          lastInboundAt: testNow - 31 * hourMs,
          customer: { name: null, profileName: null, phone: '+919876543210', country: 'IN' },
        }),
      ],
      messages: [
        message('waiting', text('Kak, ukuran M masih ada?')),
        message('closed', text('Shipped today'), {
          direction: 'outbound',
          sentAt: testNow - 30 * hourMs,
        }),
      ],
    })
    const inbox = await openInbox(core.bridge)
    const wrapper = inbox.mount(ConversationListPane)
    await flushPromises()

    const [waiting, closed] = wrapper.findAll('[role="option"]')
    expect(waiting?.text()).toContain('Siti Rahma')
    expect(waiting?.get('[role="img"]').attributes('aria-label')).toBe('Indonesia')
    expect(waiting?.text()).toContain('🇮🇩')
    expect(waiting?.text()).toContain('Kak, ukuran M masih ada?')
    expect(waiting?.text()).toContain('3 unread')
    expect(waiting?.classes()).toContain('unread')
    expect(waiting?.text()).toContain('Waiting 2 h')
    expect(waiting?.text()).toContain('22 h left')

    // No name at all: the number in international format; the shop answered, so nobody waits.
    expect(closed?.text()).toContain('+91 98765 43210')
    expect(closed?.text()).toContain('🇮🇳')
    expect(closed?.text()).toContain('You: Shipped today')
    expect(closed?.text()).not.toContain('Waiting')
    expect(closed?.text()).toContain('closed')
    expect(closed?.classes()).not.toContain('unread')

    await wrapper
      .findAll('button')
      .find((button) => button.text().startsWith('Window open'))
      ?.trigger('click')
    expect(wrapper.findAll('[role="option"]')).toHaveLength(1)
  })

  it('moves with the arrows and j/k, and opens with Enter', async () => {
    const core = fakeInboxCore({ conversations: manyConversations(30) })
    const inbox = await openInbox(core.bridge)
    const wrapper = inbox.mount(ConversationListPane)
    await flushPromises()
    const open = useOpenConversationStore(inbox.pinia)
    const listbox = wrapper.get('[role="listbox"]')
    const active = () => {
      const id = listbox.attributes('aria-activedescendant')
      return id ? document.getElementById(id)?.textContent : undefined
    }

    await listbox.trigger('keydown', { key: 'ArrowDown' })
    expect(active()).toContain('Pelanggan 0')
    await listbox.trigger('keydown', { key: 'j' })
    await listbox.trigger('keydown', { key: 'j' })
    expect(active()).toContain('Pelanggan 2')
    await listbox.trigger('keydown', { key: 'k' })
    expect(active()).toContain('Pelanggan 1')
    expect(open.conversationId).toBeNull()

    await listbox.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(open.conversationId).toBe('c1')
    expect(wrapper.get('[aria-selected="true"]').text()).toContain('Pelanggan 1')
    expect(core.bridge.calls).toContainEqual({
      method: 'inbox.messages',
      params: { conversationId: 'c1', limit: 50 },
    })

    await listbox.trigger('keydown', { key: 'End' })
    expect(active()).toContain('Pelanggan 29')
  })

  it('hands a typed query to search, and shows the list again when it is cleared', async () => {
    const dewi = conversation({ customer: { name: 'Dewi Lestari' } })
    const core = fakeInboxCore(
      { conversations: [dewi, conversation({ customer: { name: 'Agus Santoso' } })] },
      {
        'inbox.search': ({ query }) => ({
          conversations: query.startsWith('dew')
            ? [{ conversationId: dewi.id, customerMatched: true, messageCount: 0, messages: [] }]
            : [],
          moreConversations: 0,
          indexing: { done: true, indexedMessages: 0, totalMessages: 0 },
          tookMs: 0,
        }),
      },
    )
    const inbox = await openInbox(core.bridge)
    const wrapper = inbox.mount(ConversationListPane)
    await flushPromises()

    const input = wrapper.get('input[type="search"]')
    await input.setValue('dewi')
    await vi.waitFor(() =>
      expect(wrapper.findAll('.search-conversation').map((found) => found.text())).toEqual([
        expect.stringContaining('Dewi Lestari'),
      ]),
    )
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false)
    await input.setValue('nobody')
    await vi.waitFor(() => expect(wrapper.text()).toContain('Nothing found for “nobody”.'))
    await input.trigger('keydown', { key: 'Escape' })
    expect(wrapper.findAll('[role="option"]')).toHaveLength(2)
  })
})
