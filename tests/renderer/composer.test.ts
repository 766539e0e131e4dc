// @vitest-environment happy-dom
/** The composer's rules: the service window, the platform's length, optimistic sends, replies. */
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ConversationPane from '../../src-renderer/components/inbox/ConversationPane.vue'
import MessageComposer from '../../src-renderer/components/inbox/composer/MessageComposer.vue'
import { useConversationsStore } from '../../src-renderer/stores/conversations'
import { useOpenConversationStore } from '../../src-renderer/stores/open-conversation'
import type { ConversationItem, MessageItem } from '../../src-shared/inbox/inbox-view'
import type { FakeHandlers } from './fake-bridge'
import { conversation, fakeInboxCore, hourMs, message, testNow, text } from './inbox-fixtures'
import { closeInbox, openInbox } from './mount-inbox'

beforeEach(() => vi.useFakeTimers({ now: testNow, toFake: ['Date'] }))
afterEach(() => {
  vi.useRealTimers()
  closeInbox()
})

/** The conversation pane with one conversation open. */
async function openConversation(
  item: ConversationItem,
  messages: MessageItem[] = [],
  more: FakeHandlers = {},
) {
  const core = fakeInboxCore({ conversations: [item], messages }, more)
  const inbox = await openInbox(core.bridge)
  await useConversationsStore(inbox.pinia).load()
  await useOpenConversationStore(inbox.pinia).open(item.id)
  const wrapper = inbox.mount(ConversationPane)
  await flushPromises()
  return { core, inbox, wrapper }
}

const sendCalls = (core: ReturnType<typeof fakeInboxCore>) =>
  core.bridge.calls.filter((call) => call.method === 'inbox.sendText')

describe('the composer', () => {
  it('inside the window: a text box, the countdown and the character count', async () => {
    const { wrapper } = await openConversation(
      conversation({ lastInboundAt: testNow - (hourMs + 48 * 60_000) }),
    )
    expect(wrapper.find('textarea').exists()).toBe(true)
    expect(wrapper.text()).toContain('Service window closes in 22 h 12 m')
    expect(wrapper.text()).toContain('0 / 4,096 characters')
    expect(wrapper.text()).not.toContain('Choose a template')
  })

  it('outside the window: one sentence why, and a template button instead of the text box', async () => {
    const { wrapper } = await openConversation(
      conversation({ lastInboundAt: testNow - 25 * hourMs, lastMessageAt: testNow - 25 * hourMs }),
    )
    expect(wrapper.find('textarea').exists()).toBe(false)
    expect(wrapper.text()).toContain(
      'The customer last wrote more than 24 hours ago, so WhatsApp only allows an approved template.',
    )

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Choose a template')
      ?.trigger('click')
    expect(wrapper.get('h3').text()).toBe('Send a template')
    await flushPromises()
    expect(wrapper.text()).toContain('No approved templates yet')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Close')
      ?.trigger('click')
    expect(wrapper.text()).not.toContain('No approved templates yet')
  })

  it('emits chooseTemplate for the parent to handle', async () => {
    const item = conversation({ lastInboundAt: testNow - 40 * hourMs })
    const core = fakeInboxCore({ conversations: [item] })
    const inbox = await openInbox(core.bridge)
    const wrapper = inbox.mount(MessageComposer, { conversation: item, customerName: 'Budi' })
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('chooseTemplate')).toHaveLength(1)
  })

  it('refuses more than 4,096 characters and shows the limit; emoji count as one', async () => {
    const { core, wrapper } = await openConversation(conversation())
    const field = wrapper.get('textarea')
    const send = wrapper.findAll('button').find((b) => b.text() === 'Send')

    await field.setValue('😀'.repeat(4096))
    expect(wrapper.text()).toContain('4,096 / 4,096 characters')
    expect(send?.attributes('disabled')).toBeUndefined()

    await field.setValue('a'.repeat(4097))
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain('Too long to send: 4,097 characters.')
    expect(alert.text()).toContain('WhatsApp takes at most 4,096')
    expect(field.attributes('aria-invalid')).toBe('true')
    expect(send?.attributes('disabled')).toBeDefined()
    await field.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(sendCalls(core)).toHaveLength(0)
  })

  it('sends on Enter at once as queued, keeps Shift+Enter as a new line, never blocks typing', async () => {
    const { core, wrapper } = await openConversation(conversation({ id: 'a' }), [
      message('a', text('Kak, masih ada?')),
    ])
    const field = wrapper.get('textarea')

    await field.setValue('Ada kak')
    await field.trigger('keydown', { key: 'Enter', shiftKey: true })
    expect(sendCalls(core)).toHaveLength(0)

    const release = core.bridge.hold()
    await field.trigger('keydown', { key: 'Enter' })
    // Before core answers: the box is empty and ready, the reply shows with the clock tick.
    expect((field.element as HTMLTextAreaElement).value).toBe('')
    expect(field.attributes('disabled')).toBeUndefined()
    const bubbles = wrapper.findAll('.bubble-out')
    expect(bubbles.at(-1)?.text()).toContain('Ada kak')
    expect(bubbles.at(-1)?.get('[role="img"]').attributes('aria-label')).toBe('Waiting to be sent')
    await field.setValue('Warna apa?')
    release()
    await flushPromises()

    expect(sendCalls(core)).toEqual([
      { method: 'inbox.sendText', params: { conversationId: 'a', text: 'Ada kak' } },
    ])
    // Core stored it; it shows once, still queued (no relay answered yet).
    const out = wrapper.findAll('.bubble-out')
    expect(out).toHaveLength(1)
    expect(out[0]?.get('[role="img"]').attributes('aria-label')).toBe('Waiting to be sent')
    expect((field.element as HTMLTextAreaElement).value).toBe('Warna apa?')
  })

  it('gives the text back with the reason when core refuses', async () => {
    const { core, wrapper } = await openConversation(conversation({ id: 'a' }), [], {
      'inbox.sendText': () => ({
        code: 'WINDOW_CLOSED',
        message: "The customer's 24-hour window is closed.",
      }),
    })
    const field = wrapper.get('textarea')
    await field.setValue('Masih ada kak')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(sendCalls(core)).toHaveLength(1)
    expect((field.element as HTMLTextAreaElement).value).toBe('Masih ada kak')
    expect(wrapper.get('[role="alert"]').text()).toContain(
      'Not sent: the customer’s 24-hour window has closed',
    )
    expect(wrapper.findAll('.bubble-out')).toHaveLength(0)
  })

  it('a reply stopped by a used-up budget can be sent anyway, on the owner’s word', async () => {
    const { core, wrapper } = await openConversation(conversation({ id: 'a' }), [], {
      'inbox.sendText': ({ overrideBudget }) =>
        overrideBudget
          ? { messageId: 'm-1', clientId: 'c-1' }
          : {
              code: 'BUDGET_EXCEEDED',
              message: "This month's budget is used up (Rp 1.260 of Rp 1.000).",
            },
    })
    const field = wrapper.get('textarea')
    await field.setValue('Ongkir ke Bandung Rp 15.000')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain("This month's budget is used up")
    const anyway = wrapper.findAll('button').find((b) => b.text() === 'Send it anyway')
    expect(anyway).toBeDefined()
    await anyway!.trigger('click')
    await flushPromises()
    expect(sendCalls(core).map((call) => call.params)).toEqual([
      { conversationId: 'a', text: 'Ongkir ke Bandung Rp 15.000' },
      { conversationId: 'a', text: 'Ongkir ke Bandung Rp 15.000', overrideBudget: true },
    ])
    expect((field.element as HTMLTextAreaElement).value).toBe('')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Send it anyway')).toBe(false)
  })

  it('answers a chosen message, shown above the box until sent or cancelled', async () => {
    const { core, wrapper } = await openConversation(conversation({ id: 'a' }), [
      message('a', text('Berapa ongkir ke Bandung?'), { wamid: 'wamid.question' }),
    ])
    await wrapper.get('button[aria-label^="Reply to this message"]').trigger('click')
    expect(wrapper.text()).toContain('Replying to')
    expect(wrapper.get('.composer').text()).toContain('Berapa ongkir ke Bandung?')

    await wrapper.get('button[aria-label="Cancel the reply"]').trigger('click')
    expect(wrapper.text()).not.toContain('Replying to')

    await wrapper.get('button[aria-label^="Reply to this message"]').trigger('click')
    await wrapper.get('textarea').setValue('Rp 18.000 kak')
    await wrapper.get('textarea').trigger('keydown', { key: 'Enter' })
    await flushPromises()

    expect(sendCalls(core)[0]?.params).toEqual({
      conversationId: 'a',
      text: 'Rp 18.000 kak',
      replyToWamid: 'wamid.question',
    })
    expect(wrapper.text()).not.toContain('Replying to')
    // The reply quotes the question it answers.
    expect(wrapper.findAll('.bubble-out').at(-1)?.get('.quoted').text()).toContain(
      'Berapa ongkir ke Bandung?',
    )
  })
})
