// @vitest-environment happy-dom
/**
 * A quick reply's photo or document: chosen in the manager's form (checked before core is asked,
 * read and handed over as base64), marked in the list, and carried by the composer as a chip that
 * goes out with `inbox.sendText`.
 */
import { flushPromises, type DOMWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ConversationPane from '../../src-renderer/components/inbox/ConversationPane.vue'
import { base64Of } from '../../src-renderer/composables/replies/attachment-file'
import { useConversationsStore } from '../../src-renderer/stores/conversations'
import { useOpenConversationStore } from '../../src-renderer/stores/open-conversation'
import TemplatesView from '../../src-renderer/views/TemplatesView.vue'
import type { ParamsOf } from '../../src-shared/bridge/contract'
import type { Language } from '../../src-shared/preferences/preferences'
import {
  checkQuickReply,
  normalizeDraft,
  type QuickReply,
  type QuickReplyAttachment,
} from '../../src-shared/quick-replies'
import { conversation, fakeInboxCore, message, testNow } from './inbox-fixtures'
import { closeInbox, openInbox } from './mount-inbox'

afterEach(() => {
  vi.useRealTimers()
  closeInbox()
})

const priceList: QuickReplyAttachment = {
  kind: 'document',
  mediaRef: 'media-7',
  fileName: 'daftar-harga.pdf',
}

interface Finds {
  findAll(selector: string): DOMWrapper<Element>[]
}

const button = (wrapper: Finds, name: string) => {
  const found = wrapper
    .findAll('button')
    .find((b) => b.text() === name || b.attributes('aria-label') === name)
  if (!found) throw new Error(`no button ${name}`)
  return found
}

/** Bytes that differ from one position to the next, so a chunk out of place shows. */
function bytes(count: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(count)
  for (let i = 0; i < count; i++) out[i] = (i * 131 + (i >> 8)) & 0xff
  return out
}

describe('base64Of', () => {
  it('encodes across chunk boundaries exactly like Node does', () => {
    for (const count of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 * 3 + 2]) {
      const data = bytes(count)
      expect(base64Of(data.slice().buffer)).toBe(Buffer.from(data).toString('base64'))
    }
  })

  it('reads a 16 MB file without overflowing the stack', () => {
    const data = bytes(16 * 1024 * 1024)
    expect(base64Of(data.buffer)).toBe(Buffer.from(data).toString('base64'))
  })
})

/** A core keeping quick replies in memory by the shared rules, and taking files. */
function fakeRepliesCore(start: QuickReply[]) {
  let quickReplies = [...start]
  let n = 0
  return fakeInboxCore(
    { conversations: [] },
    {
      'quickReplies.list': () => quickReplies,
      'quickReplies.save': ({ id, draft }) => {
        const issues = checkQuickReply(draft, quickReplies, id)
        if (issues.length) return { ok: false, issues }
        const normal = normalizeDraft(draft)
        if (id) {
          // As core does: the draft replaces the reply's text and file (none when left out).
          quickReplies = quickReplies.map((q) => {
            if (q.id !== id) return q
            const next: QuickReply = { ...q, ...normal }
            if (!normal.attachment) delete next.attachment
            return next
          })
          return { ok: true, quickReply: quickReplies.find((q) => q.id === id)! }
        }
        const made = { id: `new-${++n}`, ...normal, order: 99, usageCount: 0 }
        quickReplies = [...quickReplies, made]
        return { ok: true, quickReply: made }
      },
      'quickReplies.attachFile': ({ fileName, mimeType }) =>
        mimeType === 'application/pdf' && fileName === 'broken.pdf'
          ? { code: 'INVALID_INPUT', message: 'This file could not be kept in the vault.' }
          : {
              kind: mimeType.startsWith('image/') ? 'image' : 'document',
              mediaRef: `media-${++n}`,
              fileName,
            },
    },
  )
}

async function openManager(start: QuickReply[] = [], language: Language = 'en') {
  const core = fakeRepliesCore(start)
  const inbox = await openInbox(core.bridge, language)
  const wrapper = inbox.mount(TemplatesView)
  await flushPromises()
  return { core, wrapper }
}

/** The owner picks a file in the form's file chooser. */
async function pick(
  form: { get(selector: string): { element: Element; trigger(event: string): Promise<void> } },
  file: File,
): Promise<void> {
  const input = form.get('input[type="file"]')
  Object.defineProperty(input.element, 'files', { configurable: true, value: [file] })
  await input.trigger('change')
  await flushPromises()
}

const attachCalls = (core: ReturnType<typeof fakeRepliesCore>) =>
  core.bridge.calls.filter((call) => call.method === 'quickReplies.attachFile')
const saves = (core: ReturnType<typeof fakeRepliesCore>) =>
  core.bridge.calls
    .filter((call) => call.method === 'quickReplies.save')
    .map((call) => call.params as ParamsOf<'quickReplies.save'>)

describe('the quick reply form', () => {
  it('offers the accepted types and refuses a GIF or a 6 MB photo without asking core', async () => {
    const { core, wrapper } = await openManager()
    await button(wrapper, 'New quick reply').trigger('click')
    const form = wrapper.get('form.quick-reply-form')
    const accept = form.get('input[type="file"]').attributes('accept')!.split(',')
    expect(accept).toEqual(expect.arrayContaining(['image/jpeg', 'image/png', 'application/pdf']))
    expect(accept).not.toContain('image/gif')

    await pick(form, new File([new Uint8Array([71, 73, 70])], 'promo.gif', { type: 'image/gif' }))
    expect(form.get('[role="alert"]').text()).toBe(
      'This kind of file cannot be sent. Choose a JPEG or PNG photo, or a PDF, Word, Excel, PowerPoint or text document.',
    )

    const big = new File([new Uint8Array(6 * 1024 * 1024)], 'katalog.png', { type: 'image/png' })
    await pick(form, big)
    expect(form.get('[role="alert"]').text()).toBe(
      'This photo is 6 MB; WhatsApp takes photos up to 5 MB. Choose a smaller one.',
    )
    expect(attachCalls(core)).toEqual([])
    expect(form.find('.attachment-chip').exists()).toBe(false)
  })

  it('says it in Indonesian too, with the sizes in MB', async () => {
    const { wrapper } = await openManager([], 'id')
    await button(wrapper, 'Balasan cepat baru').trigger('click')
    const form = wrapper.get('form.quick-reply-form')
    const big = new File([new Uint8Array(17 * 1024 * 1024)], 'katalog.pdf', {
      type: 'application/pdf',
    })
    await pick(form, big)
    expect(form.get('[role="alert"]').text()).toBe(
      'Dokumen ini 17 MB; Kedai menyimpan dokumen sampai 16 MB. Pilih yang lebih kecil.',
    )
  })

  it('sends a small photo to core as base64, shows it, and saves the draft with it', async () => {
    const { core, wrapper } = await openManager()
    await button(wrapper, 'New quick reply').trigger('click')
    const form = wrapper.get('form.quick-reply-form')
    expect(form.text()).toContain('0 / 4,096 characters')
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 254, 255])
    await pick(form, new File([png], 'rekening.png', { type: 'image/png' }))

    expect(attachCalls(core).map((call) => call.params)).toEqual([
      {
        fileName: 'rekening.png',
        mimeType: 'image/png',
        data: Buffer.from(png).toString('base64'),
      },
    ])
    const chip = form.get('.attachment-chip')
    expect(chip.text()).toContain('Photo')
    expect(chip.text()).toContain('rekening.png')
    expect(button(chip, 'Remove the photo rekening.png').exists()).toBe(true)
    // The text is now a caption: its limit is the caption's.
    expect(form.text()).toContain('0 / 1,024 characters (a caption)')

    // A photo with no text is a fine quick reply.
    await form.get('input').setValue('/rekening')
    await form.trigger('submit')
    await flushPromises()
    expect(saves(core).at(-1)).toEqual({
      draft: {
        shortcut: '/rekening',
        text: '',
        attachment: { kind: 'image', mediaRef: 'media-1', fileName: 'rekening.png' },
      },
    })
    expect(wrapper.find('form.quick-reply-form').exists()).toBe(false)
    // The list marks it.
    expect(wrapper.get('.reply-item').text()).toContain('with photo')
  })

  it('names a caption over 1,024 characters as a caption problem', async () => {
    const { wrapper } = await openManager()
    await button(wrapper, 'New quick reply').trigger('click')
    const form = wrapper.get('form.quick-reply-form')
    await pick(form, new File(['%PDF-1.4'], 'harga.pdf', { type: 'application/pdf' }))
    await form.get('input').setValue('/harga')
    await form.get('textarea').setValue('x'.repeat(1025))
    expect(form.get('textarea').attributes('aria-invalid')).toBe('true')
    await form.trigger('submit')
    await flushPromises()
    expect(form.text()).toContain(
      'The text has 1,025 characters; with a photo or document it is the caption, and a caption may have at most 1,024.',
    )
  })

  it('shows core’s refusal under the field and keeps the reply without a file', async () => {
    const { core, wrapper } = await openManager()
    await button(wrapper, 'New quick reply').trigger('click')
    const form = wrapper.get('form.quick-reply-form')
    await pick(form, new File(['%PDF'], 'broken.pdf', { type: 'application/pdf' }))
    expect(attachCalls(core)).toHaveLength(1)
    expect(form.get('[role="alert"]').text()).toBe('This file could not be kept in the vault.')
    expect(form.find('.attachment-chip').exists()).toBe(false)
  })

  it('edits a reply with a file: shows it, and saves without it once removed', async () => {
    const withFile: QuickReply = {
      id: 'q1',
      shortcut: 'harga',
      text: 'Daftar harga terbaru ya Kak',
      attachment: priceList,
      order: 0,
      usageCount: 2,
    }
    const { core, wrapper } = await openManager([withFile])
    expect(wrapper.get('.reply-item').text()).toContain('with document')
    await button(wrapper, 'Edit').trigger('click')
    const form = wrapper.get('form.quick-reply-form')
    const chip = form.get('.attachment-chip')
    expect(chip.text()).toContain('daftar-harga.pdf')
    expect(button(form, 'Choose another file').exists()).toBe(true)

    await button(chip, 'Remove the document daftar-harga.pdf').trigger('click')
    expect(form.find('.attachment-chip').exists()).toBe(false)
    expect(form.text()).toContain('/ 4,096 characters')
    await form.trigger('submit')
    await flushPromises()
    expect(saves(core).at(-1)).toEqual({
      id: 'q1',
      draft: { shortcut: '/harga', text: 'Daftar harga terbaru ya Kak' },
    })
    expect(wrapper.get('.reply-item').text()).not.toContain('with document')
  })
})

describe('the composer with a quick reply’s file', () => {
  const replies: QuickReply[] = [
    {
      id: 'q1',
      shortcut: 'harga',
      text: 'Ini daftar harga ya Kak {{first_name}}',
      attachment: priceList,
      order: 0,
      usageCount: 0,
    },
    {
      id: 'q2',
      shortcut: 'rekening',
      text: '',
      attachment: { kind: 'image', mediaRef: 'media-9', fileName: 'rekening.png' },
      order: 1,
      usageCount: 0,
    },
  ]

  async function openComposer() {
    vi.useFakeTimers({ now: testNow, toFake: ['Date'] })
    const item = conversation({ customer: { name: 'Siti Nurhaliza' } })
    let queued = 0
    const control = { refuse: false }
    const core = fakeInboxCore(
      { conversations: [item] },
      {
        'quickReplies.list': () => replies,
        'quickReplies.recordUse': () => ({ usageCount: 1 }),
        // As core stores it: the file's message, the text as its caption.
        'inbox.sendText': ({ conversationId, text, attachment }) => {
          if (control.refuse) {
            return { code: 'INVALID_INPUT', message: 'The file is no longer in the vault.' }
          }
          const media = { id: attachment?.mediaRef ?? '', mimeType: null, sha256: null, url: null }
          const stored = message(
            conversationId,
            attachment?.kind === 'document'
              ? {
                  type: 'document',
                  media,
                  caption: text || null,
                  filename: attachment.fileName ?? null,
                }
              : attachment
                ? { type: 'image', media, caption: text || null }
                : { type: 'text', body: text },
            { id: `sent-${++queued}`, direction: 'outbound', status: 'queued', wamid: null },
          )
          core.state.messages.push(stored)
          return { messageId: stored.id, clientId: `client-${queued}` }
        },
      },
    )
    const inbox = await openInbox(core.bridge)
    await useConversationsStore(inbox.pinia).load()
    await useOpenConversationStore(inbox.pinia).open(item.id)
    const wrapper = inbox.mount(ConversationPane)
    await flushPromises()
    return { core, control, wrapper, to: item.id, field: wrapper.get('textarea') }
  }

  async function insert(
    field: {
      setValue(value: string): Promise<void>
      trigger(event: string, options: object): Promise<void>
    },
    shortcut: string,
  ) {
    await field.setValue(`/${shortcut}`)
    await flushPromises()
    await field.trigger('keydown', { key: 'Enter' })
    await flushPromises()
  }

  const sends = (core: Awaited<ReturnType<typeof openComposer>>['core']) =>
    core.bridge.calls
      .filter((call) => call.method === 'inbox.sendText')
      .map((call) => call.params as ParamsOf<'inbox.sendText'>)
  const sendButton = (wrapper: Finds) => button(wrapper, 'Send')

  it('shows the file as a chip with the caption limit, and sends it with the text', async () => {
    const { core, wrapper, field, to } = await openComposer()
    expect(wrapper.text()).toContain('0 / 4,096 characters')
    // The "/" list says which replies bring a file.
    await field.setValue('/')
    await flushPromises()
    expect(wrapper.findAll('[role="option"]').map((option) => option.text())).toEqual([
      expect.stringContaining('with document'),
      expect.stringContaining('with photo'),
    ])
    await insert(field, 'harga')
    expect((field.element as HTMLTextAreaElement).value).toBe('Ini daftar harga ya Kak Siti')
    const chip = wrapper.get('.composer-attachment')
    expect(chip.text()).toContain('Document')
    expect(chip.text()).toContain('daftar-harga.pdf')
    expect(button(chip, 'Remove attachment').exists()).toBe(true)
    expect(wrapper.text()).toContain('28 / 1,024 characters')

    // Over a caption's limit: named, and Send waits.
    await field.setValue('x'.repeat(1025))
    expect(wrapper.text()).toContain(
      'Too long to send with the file: 1,025 characters. WhatsApp takes at most 1,024 in a caption.',
    )
    expect(sendButton(wrapper).attributes('disabled')).toBeDefined()
    await field.setValue('Ini daftar harga ya Kak Siti')

    const release = core.bridge.hold()
    await sendButton(wrapper).trigger('click')
    await flushPromises()
    // Queued at once as a document with its name and caption, as text.
    const queued = wrapper.findAll('.media').at(-1)!
    expect(queued.text()).toContain('daftar-harga.pdf')
    expect(queued.text()).toContain('Ini daftar harga ya Kak Siti')
    expect(wrapper.find('.composer-attachment').exists()).toBe(false)
    release()
    await flushPromises()

    expect(sends(core)).toEqual([
      {
        conversationId: to,
        text: 'Ini daftar harga ya Kak Siti',
        attachment: priceList,
      },
    ])
    expect(wrapper.find('.composer-attachment').exists()).toBe(false)
    expect(wrapper.findAll('.media').at(-1)!.text()).toContain('daftar-harga.pdf')
  })

  it('sends a file with no text at all', async () => {
    const { core, wrapper, field, to } = await openComposer()
    await insert(field, 'rekening')
    expect((field.element as HTMLTextAreaElement).value).toBe('')
    expect(wrapper.get('.composer-attachment').text()).toContain('rekening.png')
    expect(sendButton(wrapper).attributes('disabled')).toBeUndefined()
    await sendButton(wrapper).trigger('click')
    await flushPromises()
    expect(sends(core)).toEqual([
      { conversationId: to, text: '', attachment: replies[1]!.attachment },
    ])
  })

  it('sends plain text once the chip is removed', async () => {
    const { core, wrapper, field, to } = await openComposer()
    await insert(field, 'harga')
    await button(wrapper.get('.composer-attachment'), 'Remove attachment').trigger('click')
    expect(wrapper.find('.composer-attachment').exists()).toBe(false)
    expect(wrapper.text()).toContain('/ 4,096 characters')
    await sendButton(wrapper).trigger('click')
    await flushPromises()
    expect(sends(core)).toEqual([{ conversationId: to, text: 'Ini daftar harga ya Kak Siti' }])
  })

  it('keeps the file with the text when core refuses the send', async () => {
    const { core, control, wrapper, field } = await openComposer()
    await insert(field, 'harga')
    control.refuse = true
    await sendButton(wrapper).trigger('click')
    await flushPromises()
    expect(sends(core)).toHaveLength(1)
    expect(wrapper.text()).toContain('The file is no longer in the vault.')
    expect(wrapper.get('.composer-attachment').text()).toContain('daftar-harga.pdf')
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe(
      'Ini daftar harga ya Kak Siti',
    )
  })
})
