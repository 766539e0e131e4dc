// @vitest-environment happy-dom
/** The Replies screen: quick replies managed in place, templates written with their rules named. */
import { flushPromises, type DOMWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import TemplatesView from '../../src-renderer/views/TemplatesView.vue'
import {
  checkQuickReply,
  freeShortcut,
  normalizeDraft,
  starterQuickReplies,
  type QuickReply,
} from '../../src-shared/quick-replies'
import type { StoredTemplate, TemplateDraft } from '../../src-shared/templates'
import { fakeInboxCore } from './inbox-fixtures'
import { closeInbox, openInbox } from './mount-inbox'

afterEach(closeInbox)

/** A core that keeps quick replies and templates in memory, by the same shared rules. */
function fakeRepliesCore() {
  let quickReplies: (QuickReply & { deleted?: boolean })[] = starterQuickReplies('en')
  let templates: StoredTemplate[] = [
    {
      id: 't1',
      name: 'abandoned_cart',
      language: 'en',
      category: 'UTILITY',
      header: { kind: 'none' },
      body: { text: 'Hi {{1}}{{2}}', examples: {} },
      buttons: [],
      status: { state: 'rejected', reason: 'INVALID_FORMAT' },
      quality: 'UNKNOWN',
      rejectedReason: 'INVALID_FORMAT',
      createdAt: 1,
      updatedAt: 1,
      // The platform's day-ahead warning: marketing from 2 May 2030, 7:00 UTC.
      upcomingCategory: { category: 'MARKETING', at: Date.UTC(2030, 4, 2, 7) },
    },
  ]
  let n = 0
  const live = () => quickReplies.filter((q) => !q.deleted).sort((a, b) => a.order - b.order)
  const stored = (draft: TemplateDraft, id: string): StoredTemplate => ({
    ...draft,
    id,
    status: { state: 'draft' },
    quality: 'UNKNOWN',
    rejectedReason: null,
    upcomingCategory: null,
    createdAt: 2,
    updatedAt: 2,
  })
  return fakeInboxCore(
    { conversations: [] },
    {
      'quickReplies.list': () => live(),
      'quickReplies.save': ({ id, draft }) => {
        const issues = checkQuickReply(draft, live(), id)
        if (issues.length) return { ok: false, issues }
        const normal = normalizeDraft(draft)
        if (id) {
          quickReplies = quickReplies.map((q) => (q.id === id ? { ...q, ...normal } : q))
          return { ok: true, quickReply: quickReplies.find((q) => q.id === id)! }
        }
        const made = { id: `new-${++n}`, ...normal, order: 99, usageCount: 0 }
        quickReplies.push(made)
        return { ok: true, quickReply: made }
      },
      'quickReplies.duplicate': ({ id }) => {
        const original = live().find((q) => q.id === id)!
        const copy = {
          ...original,
          id: `copy-${++n}`,
          shortcut: freeShortcut(original.shortcut, live()),
        }
        quickReplies.push(copy)
        return copy
      },
      'quickReplies.delete': ({ id }) => {
        quickReplies = quickReplies.map((q) => (q.id === id ? { ...q, deleted: true } : q))
        return { done: true }
      },
      'quickReplies.undoDelete': ({ id }) => {
        quickReplies = quickReplies.map((q) => (q.id === id ? { ...q, deleted: false } : q))
        return live().find((q) => q.id === id)!
      },
      'quickReplies.reorder': ({ ids }) => {
        ids.forEach((id, order) => {
          const found = quickReplies.find((q) => q.id === id)
          if (found) found.order = order
        })
        return { done: true }
      },
      'quickReplies.import': ({ text }) =>
        text.startsWith('{')
          ? {
              ok: true,
              added: [{ id: 'imp', shortcut: 'cod', text: 'Bisa COD', order: 9, usageCount: 0 }],
              rejected: [
                {
                  index: 1,
                  shortcut: 'hello',
                  issues: [{ code: 'shortcut_taken', takenBy: 'x' }],
                },
              ],
            }
          : { ok: false, problem: 'not_json' },
      'quickReplies.export': () => ({
        fileName: 'kedai-quick-replies-2025-05-06.json',
        text: '{}',
      }),
      'templates.list': () => templates,
      'templates.save': ({ id, draft }) => {
        const template = stored(draft, id ?? `tpl-${++n}`)
        templates = [...templates.filter((t) => t.id !== template.id), template]
        return { ok: true, template }
      },
      'templates.submit': ({ id }) => {
        const template = {
          ...templates.find((t) => t.id === id)!,
          status: { state: 'pending' as const },
        }
        templates = templates.map((t) => (t.id === id ? template : t))
        return { ok: true, template }
      },
    },
  )
}

/** Anything that finds elements: a mounted component or a part of it. */
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

async function openScreen() {
  const core = fakeRepliesCore()
  const inbox = await openInbox(core.bridge)
  const wrapper = inbox.mount(TemplatesView)
  await flushPromises()
  return { core, wrapper }
}

const shortcuts = (wrapper: Finds) => wrapper.findAll('.reply-shortcut').map((item) => item.text())

describe('quick replies manager', () => {
  it('lists the starter set, names broken rules, saves, edits and searches', async () => {
    const { core, wrapper } = await openScreen()
    expect(wrapper.get('h1').text()).toBe('Replies')
    expect(wrapper.get('[role="tab"][aria-selected="true"]').text()).toBe('Quick replies')
    expect(shortcuts(wrapper)).toEqual(['/hello', '/payment', '/shipping', '/thanks', '/away'])
    expect(core.bridge.calls).toContainEqual({
      method: 'quickReplies.list',
      params: { starterLanguage: 'en' },
    })

    await button(wrapper, 'New quick reply').trigger('click')
    const form = wrapper.get('form.quick-reply-form')
    await form.get('input').setValue('/Ongkir Jakarta')
    await form.trigger('submit')
    await flushPromises()
    expect(form.text()).toContain(
      'A shortcut may only have letters a–z, digits, - and _, with no spaces.',
    )
    expect(form.text()).toContain('Write the text of the reply.')

    await form.get('input').setValue('/ongkir')
    await form.get('textarea').setValue('Ongkir ke {{kota}} Rp 20.000')
    await form.trigger('submit')
    await flushPromises()
    expect(wrapper.find('form.quick-reply-form').exists()).toBe(false)
    expect(wrapper.text()).toContain('/ongkir saved.')
    expect(shortcuts(wrapper)).toContain('/ongkir')

    await wrapper.get('input[type="search"]').setValue('rp 20')
    expect(shortcuts(wrapper)).toEqual(['/ongkir'])
  })

  it('deletes with undo, duplicates and moves', async () => {
    const { core, wrapper } = await openScreen()
    const actions = wrapper.get('[role="group"][aria-label="Actions for /payment"]')
    await actions
      .findAll('button')
      .find((b) => b.text() === 'Delete')!
      .trigger('click')
    await flushPromises()
    expect(shortcuts(wrapper)).not.toContain('/payment')
    expect(wrapper.text()).toContain('/payment deleted.')
    await button(wrapper, 'Undo').trigger('click')
    await flushPromises()
    expect(shortcuts(wrapper)).toContain('/payment')
    expect(wrapper.text()).toContain('/payment is back.')

    await button(wrapper, 'Move /hello down').trigger('click')
    await flushPromises()
    expect(shortcuts(wrapper).slice(0, 2)).toEqual(['/payment', '/hello'])
    expect(core.bridge.calls.some((call) => call.method === 'quickReplies.reorder')).toBe(true)

    const thanks = wrapper.get('[role="group"][aria-label="Actions for /thanks"]')
    await thanks
      .findAll('button')
      .find((b) => b.text() === 'Duplicate')!
      .trigger('click')
    await flushPromises()
    // The copy opens for editing at once.
    expect(wrapper.get('form.quick-reply-form input').element).toHaveProperty('value', '/thanks-2')
  })
})

describe('quick replies files', () => {
  /** The owner picks a file in the file chooser. */
  async function choose(
    input: { element: Element; trigger(event: string): Promise<void> },
    content: string,
  ): Promise<void> {
    Object.defineProperty(input.element, 'files', {
      configurable: true,
      value: [new File([content], 'replies.json', { type: 'application/json' })],
    })
    await input.trigger('change')
    await flushPromises()
  }

  it('imports a file and reports each item it could not take; exports one', async () => {
    const { wrapper } = await openScreen()
    await choose(wrapper.get('input[type="file"]'), '{"kind":"kedai.quick-replies"}')
    expect(wrapper.text()).toContain('Imported one quick reply.')
    expect(wrapper.text()).toContain(
      'Item 2 (hello): Another quick reply already uses this shortcut.',
    )
    await choose(wrapper.get('input[type="file"]'), 'not json')
    expect(wrapper.text()).toContain('This file is not a quick replies file: it is not JSON.')

    URL.createObjectURL = () => 'blob:replies'
    URL.revokeObjectURL = () => undefined
    await button(wrapper, 'Export').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Saved as kedai-quick-replies-2025-05-06.json.')
  })
})

describe('templates manager', () => {
  it('shows status and reason, names each broken rule live, previews, and submits', async () => {
    const { core, wrapper } = await openScreen()
    await wrapper.findAll('[role="tab"]')[1]!.trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('abandoned_cart')
    expect(wrapper.text()).toContain('Rejected: INVALID_FORMAT')
    expect(wrapper.get('[data-testid="upcoming-category"]').text()).toMatch(
      /^WhatsApp moves this template to Marketing on May 2, 2030 at \d{1,2}:00\s?[AP]M; its price changes then\.$/,
    )

    await button(wrapper, 'New template').trigger('click')
    await flushPromises()
    const editor = wrapper.get('.template-editor')
    const inputs = editor.findAll('input[type="text"]')
    await inputs[0]!.setValue('pesanan_dikirim')
    await editor.get('textarea').setValue('{{1}} paket dikirim')
    expect(editor.text()).toContain('Body: it starts with {{1}}; begin with words.')
    expect(editor.text()).toContain('Body: give an example value for {{1}}.')
    const submit = editor.findAll('button').find((b) => b.text() === 'Send for approval')!
    expect(submit.attributes('disabled')).toBeDefined()

    await editor.get('textarea').setValue('Halo {{1}}, paket dikirim hari ini.')
    const example = editor
      .findAll('input')
      .find((input) => input.element.parentElement?.textContent?.includes('Example for {{1}}'))!
    await example.setValue('Siti')
    expect(editor.text()).toContain('Ready to send for approval.')
    expect(editor.get('.template-bubble').text()).toBe('Halo Siti, paket dikirim hari ini.')

    await submit.trigger('click')
    await editor.get('form').trigger('submit')
    await flushPromises()
    expect(core.bridge.calls.filter((c) => c.method === 'templates.submit')).toHaveLength(1)
    expect(editor.text()).toContain('Sent to WhatsApp for approval.')
    expect(editor.text()).toContain('Waiting for approval')
  })
})
