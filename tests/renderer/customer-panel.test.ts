// @vitest-environment happy-dom
/** The customer panel and the list with labels: choosing labels, notes, the name, the label filter. */
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ConversationListPane from '../../src-renderer/components/inbox/ConversationListPane.vue'
import CustomerPane from '../../src-renderer/components/inbox/CustomerPane.vue'
import LabelsSection from '../../src-renderer/components/settings/LabelsSection.vue'
import { useConversationsStore } from '../../src-renderer/stores/conversations'
import { useLabelsStore } from '../../src-renderer/stores/labels'
import { useOpenConversationStore } from '../../src-renderer/stores/open-conversation'
import type { Note } from '../../src-shared/inbox/customer-notes'
import type { Label } from '../../src-shared/labels/labels'
import { conversation, fakeInboxCore, hourMs, message, testNow, text } from './inbox-fixtures'
import { closeInbox, openInbox } from './mount-inbox'

beforeEach(() => {
  vi.useFakeTimers({ now: testNow, toFake: ['Date'] })
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return this.getAttribute('role') === 'listbox' ? 600 : 0
  })
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  closeInbox()
})

/** A fake core that keeps labels, assignments and notes like core does. */
function shopWithLabels() {
  const labels: Label[] = [
    { id: 'l1', name: 'New customer', color: 'blue', sort: 0 },
    { id: 'l2', name: 'Paid', color: 'green', sort: 1 },
  ]
  const notes: Note[] = [
    { id: 'n1', customerId: 'customer-a', body: 'Older note', createdAt: 1, updatedAt: 1 },
  ]
  const names = new Map<string, string | null>()
  let made = 0
  const core = fakeInboxCore(
    {
      conversations: [
        conversation({ id: 'a', customer: { name: 'Ani Wijaya' } }),
        conversation({
          id: 'b',
          lastMessageAt: testNow - 2 * hourMs,
          customer: { name: 'Budi Santoso', labelIds: ['l2'] },
        }),
      ],
      messages: [message('a', text('Halo kak')), message('b', text('Sudah transfer'))],
    },
    {
      // A copy each time, as the real bridge's decoded answer is.
      'labels.list': () => [...labels],
      'labels.create': ({ name, color }) => {
        if (labels.length >= 20) return { code: 'INVALID_INPUT', message: 'At most 20 labels.' }
        const label = { id: `new-${++made}`, name, color, sort: labels.length }
        labels.push(label)
        return label
      },
      'labels.assign': ({ customerId, labelId }) => {
        const item = core.state.conversations.find((each) => each.customer.id === customerId)!
        item.customer = { ...item.customer, labelIds: [...item.customer.labelIds, labelId] }
        return { done: true }
      },
      'labels.unassign': () => ({ done: true }),
      'inbox.notes': ({ customerId }) =>
        notes
          .filter((note) => note.customerId === customerId)
          .sort((x, y) => y.createdAt - x.createdAt),
      'inbox.addNote': ({ customerId, body }) => {
        const note = { id: `n${notes.length + 1}`, customerId, body, createdAt: 10, updatedAt: 10 }
        notes.push(note)
        return note
      },
      'inbox.editNote': ({ noteId, body }) => {
        const note = notes.find((each) => each.id === noteId)!
        Object.assign(note, { body, updatedAt: 20 })
        return note
      },
      'inbox.deleteNote': ({ noteId }) => {
        notes.splice(
          notes.findIndex((each) => each.id === noteId),
          1,
        )
        return { done: true }
      },
      'inbox.renameCustomer': ({ customerId, name }) => {
        names.set(customerId, name)
        return { done: true }
      },
      'inbox.conversationFacts': () => ({
        messageCount: 12,
        latestResponseMs: 4 * 60_000,
        waitingSince: null,
      }),
      'inbox.responseTimes': () => ({ medianMs: 6 * 60_000, count: 3 }),
    },
  )
  return { core, labels, notes, names }
}

describe('the customer panel', () => {
  it('puts a label on the customer, and the row and the label filter follow', async () => {
    const { core } = shopWithLabels()
    const inbox = await openInbox(core.bridge)
    const list = inbox.mount(ConversationListPane)
    await useConversationsStore().load()
    const panel = inbox.mount(CustomerPane)
    await useOpenConversationStore().open('a')
    await flushPromises()

    expect(panel.text()).toContain('No labels')
    await panel
      .findAll('button')
      .find((button) => button.text() === 'Change labels')!
      .trigger('click')
    const paid = panel.findAll('label').find((label) => label.text().includes('Paid'))!
    await paid.get('input').setValue(true)
    await flushPromises()
    expect(core.bridge.calls).toContainEqual({
      method: 'labels.assign',
      params: { customerId: 'customer-a', labelId: 'l2' },
    })
    const rowOf = (name: string) =>
      list.findAll('[role="option"]').find((row) => row.text().includes(name))!
    expect(rowOf('Ani Wijaya').find('.row-label').text()).toBe('Paid')

    // The label filter keeps customers wearing it; another label, none.
    const select = list.get('select')
    await select.setValue('l1')
    expect(list.findAll('[role="option"]')).toHaveLength(0)
    await select.setValue('l2')
    expect(list.findAll('[role="option"]').map((row) => row.find('.row-name').text())).toEqual([
      'Ani Wijaya',
      'Budi Santoso',
    ])
    // Today's median first reply, in words.
    expect(list.text()).toContain('Median first reply today:6 min (3 replies)')
  })

  it('adds, edits and deletes notes, newest first, and counts the messages', async () => {
    const { core, notes } = shopWithLabels()
    const inbox = await openInbox(core.bridge)
    await useConversationsStore().load()
    const panel = inbox.mount(CustomerPane)
    await useOpenConversationStore().open('a')
    await flushPromises()

    expect(panel.get('.activity-messages').text()).toBe('12')
    expect(panel.get('.activity-response').text()).toBe('4 min')
    await panel.get('textarea').setValue('Minta nota pajak')
    await panel.get('form.note-form').trigger('submit')
    await flushPromises()
    expect(panel.findAll('.note-body').map((note) => note.text())).toEqual([
      'Minta nota pajak',
      'Older note',
    ])

    await panel
      .findAll('button')
      .find((button) => button.text() === 'Edit note')!
      .trigger('click')
    await panel.get('textarea[aria-label="Edit the note"]').setValue('Minta nota pajak PT')
    await panel.findAll('form.note-form')[1]!.trigger('submit')
    await flushPromises()
    expect(panel.findAll('.note-body')[0]!.text()).toBe('Minta nota pajak PT')

    window.confirm = () => true
    await panel
      .findAll('button')
      .find((button) => button.text() === 'Delete note')!
      .trigger('click')
    await flushPromises()
    expect(notes.map((note) => note.body)).toEqual(['Older note'])
    expect(panel.findAll('.note-body').map((note) => note.text())).toEqual(['Older note'])
  })

  it('renames the customer locally, shown at once', async () => {
    const { core, names } = shopWithLabels()
    const inbox = await openInbox(core.bridge)
    await useConversationsStore().load()
    const panel = inbox.mount(CustomerPane)
    await useOpenConversationStore().open('a')
    await flushPromises()
    await panel
      .findAll('button')
      .find((button) => button.text() === 'Edit name')!
      .trigger('click')
    await panel.get('input').setValue('Bu Ani (grosir)')
    await panel.get('form').trigger('submit')
    await flushPromises()
    expect(names.get('customer-a')).toBe('Bu Ani (grosir)')
    expect(panel.text()).toContain('Bu Ani (grosir)')
  })
})

describe('the label manager', () => {
  it('says why a name cannot be used and stops at 20 labels', async () => {
    const { core, labels } = shopWithLabels()
    const inbox = await openInbox(core.bridge)
    const section = inbox.mount(LabelsSection)
    await flushPromises()
    const nameField = section.get('input[placeholder="New label"]')
    await nameField.setValue(' paid ')
    await section.get('form.label-add').trigger('submit')
    expect(section.get('[role="alert"]').text()).toBe('There is already a label with that name.')

    await nameField.setValue('Reseller')
    await section.get('form.label-add').trigger('submit')
    await flushPromises()
    expect(labels.map((label) => label.name)).toContain('Reseller')
    expect(section.text()).toContain('3 of 20 labels')

    for (let index = labels.length; index < 20; index++) {
      labels.push({ id: `x${index}`, name: `Label ${index}`, color: 'gray', sort: index })
    }
    await useLabelsStore().load()
    await flushPromises()
    await nameField.setValue('One more')
    await section.get('form.label-add').trigger('submit')
    await flushPromises()
    expect(section.get('[role="alert"]').text()).toContain('You have 20 labels')
    expect(labels).toHaveLength(20)
  })
})
