// @vitest-environment happy-dom
/**
 * Search in the list pane: a typed query shows core's results grouped by conversation, the
 * matched words highlighted as text, Escape clears it, and a result opens the conversation at
 * its message, loaded far enough back and marked.
 */
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SearchResult } from '../../src-shared/bridge/features/search'
import ConversationListPane from '../../src-renderer/components/inbox/ConversationListPane.vue'
import ConversationPane from '../../src-renderer/components/inbox/ConversationPane.vue'
import { searchPauseMs } from '../../src-renderer/stores/message-search'
import { useOpenConversationStore } from '../../src-renderer/stores/open-conversation'
import { conversation, fakeInboxCore, message, testNow, text } from './inbox-fixtures'
import { closeInbox, openInbox } from './mount-inbox'

const scrollIntoView = vi.fn()

beforeEach(() => {
  vi.useFakeTimers({ now: testNow, toFake: ['Date'] })
  scrollIntoView.mockClear()
  HTMLElement.prototype.scrollIntoView = scrollIntoView
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  closeInbox()
})

const pause = () => new Promise((resolve) => setTimeout(resolve, searchPauseMs + 30))

const siti = conversation({ id: 'c-siti', customer: { name: 'Siti Rahma' } })
const budi = conversation({ id: 'c-budi', customer: { name: 'Budi Kopi' } })
const history = Array.from({ length: 120 }, (_, index) =>
  message('c-siti', text(index === 40 ? 'Kopi gayo 2 bungkus ya' : `pesan ${index}`), {
    id: `m${index}`,
    sentAt: testNow - (120 - index) * 60_000,
  }),
)

function answer(query: string): SearchResult {
  const base = {
    moreConversations: 0,
    indexing: { done: true, indexedMessages: 121, totalMessages: 121 },
    tookMs: 1,
  }
  if (!query.toLowerCase().startsWith('kop')) return { ...base, conversations: [] }
  return {
    ...base,
    conversations: [
      { conversationId: 'c-budi', customerMatched: true, messageCount: 0, messages: [] },
      {
        conversationId: 'c-siti',
        customerMatched: false,
        messageCount: 2,
        messages: [
          {
            messageId: 'm40',
            sentAt: testNow - 80 * 60_000,
            direction: 'inbound',
            snippet: 'Kopi gayo 2 bungkus ya',
            fromNewest: 80,
          },
          {
            messageId: 'm7',
            sentAt: testNow - 113 * 60_000,
            direction: 'outbound',
            snippet: '<img src=x onerror=alert(1)> kopi <b>tubruk</b>',
            fromNewest: 113,
          },
        ],
      },
    ],
  }
}

async function searchPane() {
  const core = fakeInboxCore(
    { conversations: [siti, budi], messages: history },
    { 'inbox.search': ({ query }) => answer(query) },
  )
  const inbox = await openInbox(core.bridge)
  const list = inbox.mount(ConversationListPane)
  const pane = inbox.mount(ConversationPane)
  await flushPromises()
  const input = list.get('input[type="search"]')
  return { core, inbox, list, pane, input }
}

describe('search in the list pane', () => {
  it('shows results grouped by conversation with the matches highlighted as text', async () => {
    const { core, list, input } = await searchPane()
    await input.setValue('KOP')
    await pause()
    await flushPromises()
    const calls = core.bridge.calls.filter((call) => call.method === 'inbox.search')
    expect(calls.map((call) => call.params)).toEqual([{ query: 'KOP', limit: 50 }])

    const groups = list.findAll('.search-group')
    expect(groups).toHaveLength(2)
    expect(groups[0]!.text()).toContain('Budi Kopi')
    expect(groups[0]!.text()).toContain('Name or number matches')
    expect(groups[0]!.find('mark').text()).toBe('Kopi')
    expect(groups[1]!.text()).toContain('2 matching messages')
    expect(groups[1]!.findAll('mark').map((mark) => mark.text())).toEqual(['Kopi', 'kopi'])
    // Customer text is text: the markup in a message is shown, never made into elements.
    expect(list.find('img').exists()).toBe(false)
    expect(list.find('b').exists()).toBe(false)
    expect(groups[1]!.text()).toContain('<img src=x onerror=alert(1)> kopi <b>tubruk</b>')
    expect(groups[1]!.text()).toContain('You:')

    await input.trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect((input.element as HTMLInputElement).value).toBe('')
    expect(list.find('.search-results').exists()).toBe(false)
    expect(list.find('[role="listbox"]').exists()).toBe(true)
  })

  it('says when nothing matches', async () => {
    const { list, input } = await searchPane()
    await input.setValue('durian')
    await pause()
    await flushPromises()
    expect(list.text()).toContain('Nothing found for “durian”.')
  })

  it('opens the conversation at the message, loaded far enough back, and marks it', async () => {
    const { core, inbox, list, pane, input } = await searchPane()
    await input.setValue('kopi')
    await pause()
    await flushPromises()
    const hit = list.findAll('.search-message')[0]!
    await hit.trigger('click')
    await flushPromises()
    await new Promise((resolve) => requestAnimationFrame(resolve))
    await flushPromises()

    const loads = core.bridge.calls.filter((call) => call.method === 'inbox.messages')
    expect(loads.at(-1)!.params).toEqual({ conversationId: 'c-siti', limit: 100 })
    expect(useOpenConversationStore(inbox.pinia).conversationId).toBe('c-siti')
    const found = pane.find('.timeline-message.found')
    expect(found.exists()).toBe(true)
    expect(found.text()).toContain('Kopi gayo 2 bungkus ya')
    expect(scrollIntoView).toHaveBeenCalledWith({ block: 'center' })
    expect(document.activeElement).toBe(found.element)
  })
})
