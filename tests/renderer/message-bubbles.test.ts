// @vitest-environment happy-dom
/**
 * Every kind of message as a bubble, with hostile text in every field a customer controls: it
 * shows as text, never as markup. Also the delivery ticks and a failure's reason in plain words.
 */
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import MessageBubble from '../../src-renderer/components/inbox/message/MessageBubble.vue'
import { en } from '../../src-renderer/i18n/messages/en'
import type { MessageItem } from '../../src-shared/inbox/inbox-view'
import { formatAmount } from '../../src-shared/money'
import {
  errorCodeInfo,
  errorReasonInfo,
  errorReasons,
} from '../../src-shared/whatsapp/error-reasons'
import { conversation, fakeInboxCore, message, testNow } from './inbox-fixtures'
import { closeInbox, openInbox } from './mount-inbox'

const hostile = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">tap</a>',
] as const
const allHostile = hostile.join(' ')
const media = {
  id: 'media-1',
  mimeType: 'image/jpeg',
  sha256: null,
  url: 'https://evil.example/x.jpg',
}

beforeEach(() => vi.useFakeTimers({ now: testNow, toFake: ['Date'] }))
afterEach(() => {
  vi.useRealTimers()
  closeInbox()
})

async function bubble(
  item: MessageItem,
  related?: MessageItem | null,
  language: 'en' | 'id' = 'en',
) {
  const core = fakeInboxCore({ conversations: [conversation({ id: 'c' })] })
  const inbox = await openInbox(core.bridge, language)
  const wrapper = inbox.mount(MessageBubble, {
    message: item,
    related,
    customerName: 'Budi',
    customerCountry: 'SG',
  })
  await flushPromises()
  return wrapper
}

function expectOnlyText(wrapper: Awaited<ReturnType<typeof bubble>>, ...texts: string[]) {
  for (const value of texts) expect(wrapper.text()).toContain(value)
  expect(wrapper.find('img').exists()).toBe(false)
  expect(wrapper.find('script').exists()).toBe(false)
  expect(wrapper.find('a').exists()).toBe(false)
  expect(document.querySelector('img, script, a[href], iframe')).toBeNull()
}

describe('message bubbles with hostile bodies', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['text', { type: 'text', body: allHostile }, [...hostile]],
    ['photo', { type: 'image', media, caption: allHostile }, ['Photo', ...hostile]],
    ['video', { type: 'video', media, caption: hostile[0] }, ['Video', hostile[0]]],
    ['voice', { type: 'audio', media, voice: true }, ['Voice message']],
    [
      'document',
      { type: 'document', media, caption: hostile[1], filename: hostile[0] },
      ['Document', hostile[0], hostile[1]],
    ],
    ['sticker', { type: 'sticker', media, animated: false }, ['Sticker']],
    [
      'location',
      {
        type: 'location',
        latitude: -6.914744,
        longitude: 107.60981,
        name: hostile[0],
        address: hostile[1],
        url: 'https://evil.example',
      },
      [hostile[0], hostile[1], 'Latitude -6.91474, longitude 107.60981'],
    ],
    [
      'order',
      {
        type: 'order',
        catalogId: 'cat',
        note: hostile[1],
        items: [
          {
            productRetailerId: hostile[0],
            quantity: 2,
            itemPriceMicros: 150_000_000_000,
            currency: 'IDR',
          },
          {
            productRetailerId: 'kopi gayo',
            quantity: 1,
            itemPriceMicros: 85_000_000_000,
            currency: 'IDR',
          },
        ],
      },
      [
        hostile[0],
        hostile[1],
        '× 2',
        formatAmount({ units: 150_000_000_000n, scale: 6 }, 'IDR', 'en'),
        `Total${formatAmount({ units: 385_000_000_000n, scale: 6 }, 'IDR', 'en')}`,
      ],
    ],
    [
      'button reply',
      { type: 'buttonReply', buttonId: 'b', title: hostile[0] },
      ['Tapped a button', hostile[0]],
    ],
    [
      'list reply',
      { type: 'listReply', rowId: 'r', title: hostile[1], description: hostile[0] },
      [hostile[1], hostile[0]],
    ],
    ['template button', { type: 'templateButton', text: hostile[1], payload: null }, [hostile[1]]],
    [
      'contacts',
      {
        type: 'contacts',
        contacts: [
          {
            formattedName: hostile[0],
            phones: [{ phone: hostile[1], waId: null, type: null }],
            emails: [],
            organization: null,
          },
        ],
      },
      ['Shared contact', hostile[0], hostile[1]],
    ],
    [
      'system',
      {
        type: 'system',
        systemType: 'user_changed_number',
        body: hostile[1],
        newWaId: null,
        newUserId: null,
      },
      [hostile[1]],
    ],
    [
      'unsupported',
      { type: 'unsupported', originalType: hostile[0] },
      [
        `A kind of message Kedai cannot show (${hostile[0]}).`,
        'Ask the customer to send it again as text or a photo.',
      ],
    ],
    [
      'a body that cannot be read',
      { type: 'text', body: 42 },
      ['A kind of message Kedai cannot show (text).'],
    ],
    ['an unknown type', { type: hostile[1] }, ['A kind of message Kedai cannot show']],
  ]

  it.each(cases)('%s', async (_name, body, expected) => {
    const wrapper = await bubble(message('c', body))
    expectOnlyText(wrapper, ...expected)
  })

  it('a reaction names the message it is on', async () => {
    const target = message(
      'c',
      { type: 'text', body: hostile[1] },
      { direction: 'outbound', wamid: 'wamid.target' },
    )
    const wrapper = await bubble(
      message('c', { type: 'reaction', reactedTo: 'wamid.target', emoji: '👍' }),
      target,
    )
    expectOnlyText(wrapper, '👍', 'reacted to', hostile[1])
  })

  it('keeps right-to-left text and long words in their place', async () => {
    const arabic = 'مرحبا، هل هذا متوفر بالمقاس M؟'
    const long = 'a'.repeat(4096)
    const wrapper = await bubble(message('c', { type: 'text', body: `${arabic}\n${long}` }))
    const paragraph = wrapper.get('.message-text')
    expect(paragraph.attributes('dir')).toBe('auto')
    expect(paragraph.text()).toContain(arabic)
    expect(paragraph.text()).toContain(long)
  })

  it('marks a customer who came from an ad, with the headline as text', async () => {
    const body = {
      type: 'text',
      body: 'Hi',
      referral: { headline: hostile[0], sourceUrl: 'https://fb.me/ad' },
    }
    const wrapper = await bubble(message('c', body, { fromAd: true }))
    expectOnlyText(wrapper, 'From an ad', hostile[0], 'https://fb.me/ad')
  })

  it('quotes the message a reply answers, or says it is older than what is loaded', async () => {
    const question = message('c', { type: 'text', body: hostile[0] }, { wamid: 'wamid.q' })
    const answer = message(
      'c',
      { type: 'text', body: 'Ada kak' },
      { direction: 'outbound', replyToWamid: 'wamid.q' },
    )
    expectOnlyText(await bubble(answer, question), 'Budi', hostile[0], 'Ada kak')
    closeInbox()
    expectOnlyText(await bubble(answer, null), 'An earlier message')
  })
})

describe('delivery ticks and failures', () => {
  it.each([
    ['queued', 'Waiting to be sent'],
    ['unknown', 'Not sure it was sent: Kedai will not send it twice'],
    ['sent', 'Sent'],
    ['delivered', 'Delivered'],
    ['read', 'Read'],
    ['played', 'Played'],
    ['failed', 'Not delivered'],
  ])('%s', async (status, label) => {
    const wrapper = await bubble(
      message('c', { type: 'text', body: 'Halo' }, { direction: 'outbound', status }),
    )
    const tick = wrapper.get('[role="img"]')
    expect(tick.attributes('aria-label')).toBe(label)
    expect(tick.classes()).toContain(`ticks-${status}`)
  })

  it('says why a message failed and what to do, from the error code', async () => {
    const failed = message(
      'c',
      { type: 'text', body: 'Halo' },
      { direction: 'outbound', status: 'failed', errorCode: 131047 },
    )
    const wrapper = await bubble(failed)
    expect(wrapper.text()).toContain(errorReasonInfo.windowClosed.explanation)
    expect(wrapper.text()).toContain(`What to do: ${errorReasonInfo.windowClosed.ownerAction}`)
    expect(wrapper.text()).toContain('WhatsApp error 131047')
  })

  it('in Indonesian too, and a code of its own has its own words', async () => {
    const failed = message(
      'c',
      { type: 'text', body: 'Halo' },
      { direction: 'outbound', status: 'failed', errorCode: 132015 },
    )
    const wrapper = await bubble(failed, undefined, 'id')
    expect(wrapper.text()).toContain('Template ini dijeda karena kualitasnya rendah.')
    expect(wrapper.text()).toContain('Yang perlu dilakukan:')
  })

  it("the English words are the platform module's, so the two never drift apart", () => {
    for (const reason of errorReasons) {
      expect(en.inbox.failure.reasons[reason]).toEqual({
        explanation: errorReasonInfo[reason].explanation,
        ownerAction: errorReasonInfo[reason].ownerAction,
      })
    }
    const ownWords = Object.entries(errorCodeInfo).filter(([, info]) => info.explanation)
    expect(Object.keys(en.inbox.failure.codes).sort()).toEqual(
      ownWords.map(([code]) => `c${code}`).sort(),
    )
    for (const [code, info] of ownWords) {
      expect(en.inbox.failure.codes[`c${code}` as keyof typeof en.inbox.failure.codes]).toEqual({
        explanation: info.explanation,
        ownerAction: info.ownerAction,
      })
    }
  })

  it("shows the customer's own clock on hover where their country has one time zone", async () => {
    const wrapper = await bubble(message('c', { type: 'text', body: 'Halo' }, { sentAt: testNow }))
    expect(wrapper.get('time').attributes('title')).toMatch(/for the customer \(Asia\/Singapore\)/)
  })
})
