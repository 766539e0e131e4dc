// @vitest-environment happy-dom
/** The composer's "/" list: narrowing, keyboard, filling variables, the button for the mouse. */
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ConversationPane from '../../src-renderer/components/inbox/ConversationPane.vue'
import { useConversationsStore } from '../../src-renderer/stores/conversations'
import { useOpenConversationStore } from '../../src-renderer/stores/open-conversation'
import type { QuickReply } from '../../src-shared/quick-replies'
import { conversation, fakeInboxCore, message, testNow } from './inbox-fixtures'
import { closeInbox, openInbox } from './mount-inbox'

beforeEach(() => vi.useFakeTimers({ now: testNow, toFake: ['Date'] }))
afterEach(() => {
  vi.useRealTimers()
  closeInbox()
})

const replies: QuickReply[] = [
  { id: 'q1', shortcut: 'halo', text: 'Halo Kak {{first_name}}!', order: 0, usageCount: 0 },
  {
    id: 'q2',
    shortcut: 'ongkir',
    text: 'Ongkir ke {{kota}} Rp 20.000 ya Kak {{first_name}}',
    order: 1,
    usageCount: 3,
  },
  { id: 'q3', shortcut: 'total', text: 'Totalnya {{order_total}}', order: 2, usageCount: 0 },
]

async function openComposer() {
  const item = conversation({ customer: { name: 'Siti Nurhaliza' } })
  const order = message(item.id, {
    type: 'order',
    catalogId: 'cat',
    note: null,
    items: [
      { productRetailerId: 'batik', quantity: 2, itemPriceMicros: 75_000_000_000, currency: 'IDR' },
    ],
  })
  const core = fakeInboxCore(
    { conversations: [item], messages: [order] },
    {
      'quickReplies.list': () => replies,
      'quickReplies.recordUse': () => ({ usageCount: 1 }),
    },
  )
  const inbox = await openInbox(core.bridge)
  await useConversationsStore(inbox.pinia).load()
  await useOpenConversationStore(inbox.pinia).open(item.id)
  const wrapper = inbox.mount(ConversationPane)
  await flushPromises()
  const field = wrapper.get('textarea')
  return { core, wrapper, field }
}

const options = (wrapper: Awaited<ReturnType<typeof openComposer>>['wrapper']) =>
  wrapper.findAll('[role="option"]').map((option) => option.text())

describe('the quick reply picker', () => {
  it('opens on "/" at the start of a word, narrows by shortcut and text, and inserts with Enter', async () => {
    const { core, wrapper, field } = await openComposer()
    await field.setValue('Baik Kak, /')
    await flushPromises()
    expect(options(wrapper)).toHaveLength(3)
    await field.setValue('Baik Kak, /ha')
    await flushPromises()
    expect(options(wrapper)).toEqual(['/haloHalo Kak {{first_name}}!'])
    expect(field.attributes('aria-activedescendant')).toBeTruthy()

    await field.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect((field.element as HTMLTextAreaElement).value).toBe('Baik Kak, Halo Kak Siti!')
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false)
    // Inserted for a last edit: nothing was sent.
    expect(core.bridge.calls.some((call) => call.method === 'inbox.sendText')).toBe(false)
    expect(core.bridge.calls).toContainEqual({
      method: 'quickReplies.recordUse',
      params: { id: 'q1' },
    })
  })

  it('is not opened by a slash inside a word, and Escape closes it', async () => {
    const { wrapper, field } = await openComposer()
    await field.setValue('dan/atau')
    await flushPromises()
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false)
    await field.setValue('/')
    await flushPromises()
    expect(wrapper.find('[role="listbox"]').exists()).toBe(true)
    await field.trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false)
  })

  it('fills the last order total, and asks for a custom variable instead of sending a placeholder', async () => {
    const { wrapper, field } = await openComposer()
    await field.setValue('/tot')
    await flushPromises()
    await field.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect((field.element as HTMLTextAreaElement).value).toMatch(/^Totalnya IDR\s?150,000$/)

    await field.setValue('/ongkir')
    await flushPromises()
    await field.trigger('keydown', { key: 'ArrowDown' })
    await field.trigger('keydown', { key: 'ArrowUp' })
    await field.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    const ask = wrapper.get('form.picker-ask')
    expect(ask.text()).toContain('Fill in for /ongkir')
    expect(ask.text()).toContain('kota')
    expect((field.element as HTMLTextAreaElement).value).toBe('/ongkir')
    await ask.get('input').setValue('Bandung')
    await ask.trigger('submit')
    await flushPromises()
    expect((field.element as HTMLTextAreaElement).value).toBe(
      'Ongkir ke Bandung Rp 20.000 ya Kak Siti',
    )
    expect(wrapper.find('form.picker-ask').exists()).toBe(false)
  })

  it('opens the same list from its button, searchable, and a click inserts', async () => {
    const { wrapper, field } = await openComposer()
    await field.setValue('Halo ')
    const button = wrapper.findAll('button').find((b) => b.text() === 'Quick replies')!
    expect(button.attributes('aria-expanded')).toBe('false')
    await button.trigger('click')
    await flushPromises()
    expect(button.attributes('aria-expanded')).toBe('true')
    const search = wrapper.get('input[type="search"]')
    await search.setValue('bandung ongkir')
    expect(options(wrapper)).toEqual([])
    expect(wrapper.text()).toContain('No quick reply matches')
    await search.setValue('rp 20')
    expect(options(wrapper)).toHaveLength(1)
    await wrapper.get('[role="option"]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Fill in for /ongkir')
  })
})
