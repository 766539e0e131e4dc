/** Core's handlers for `src-shared/bridge/features/customers.ts`. */
import type { customerMethods } from '../../../src-shared/bridge/features/customers'
import { setCustomerName } from '../inbox/customer-name'
import {
  assignLabel,
  createLabel,
  deleteLabel,
  listLabels,
  recolourLabel,
  renameLabel,
  unassignLabel,
} from '../inbox/labels'
import { notificationContent } from '../inbox/notification-content'
import { addNote, deleteNote, editNote, listNotes, readNote } from '../inbox/notes'
import { conversationFacts, shopResponseTimes } from '../inbox/response-times'
import { unreadTotal } from '../inbox/unread-total'
import { statement } from '../store/statements'
import type { FeatureContext, HandlersFor } from './feature-context'

/** Every edit here goes through the shop's sync log, so the shop's other devices see it too. */
export function createCustomerHandlers(
  context: FeatureContext,
): HandlersFor<typeof customerMethods> {
  const { vault, events, sync } = context
  const shop = () => vault.shop()
  /** An edit is in the log: the link pushes it now rather than at its next poll. */
  const edited = () => context.link.syncSoon(0)
  const labelsChanged = () => {
    events.emit('labels.changed', {})
    edited()
  }
  /** Labels show on conversation rows: their lists must be read again. */
  const customerChanged = (customerId: string) => {
    edited()
    const row = statement(shop().db, 'SELECT id FROM conversations WHERE customer_id = ?').get(
      customerId,
    ) as { id: string } | undefined
    if (row) events.emit('inbox.changed', { conversationIds: [row.id] })
  }

  return {
    'labels.list': () => listLabels(shop()),
    'labels.create': ({ name, color }) => {
      const label = createLabel(shop(), sync, name, color, context.now())
      labelsChanged()
      return label
    },
    'labels.rename': ({ labelId, name }) => {
      const label = renameLabel(shop(), sync, labelId, name)
      labelsChanged()
      return label
    },
    'labels.recolour': ({ labelId, color }) => {
      const label = recolourLabel(shop(), sync, labelId, color)
      labelsChanged()
      return label
    },
    'labels.delete': ({ labelId }) => {
      deleteLabel(shop(), sync, labelId)
      labelsChanged()
      events.emit('inbox.changed', { conversationIds: [] })
      return { done: true }
    },
    'labels.assign': ({ customerId, labelId }) => {
      assignLabel(shop(), sync, customerId, labelId)
      customerChanged(customerId)
      return { done: true }
    },
    'labels.unassign': ({ customerId, labelId }) => {
      unassignLabel(shop(), sync, customerId, labelId)
      customerChanged(customerId)
      return { done: true }
    },
    'inbox.notes': ({ customerId }) => listNotes(shop(), customerId),
    'inbox.addNote': ({ customerId, body }) => {
      const id = addNote(shop(), sync, customerId, body, context.now())
      edited()
      return readNote(shop(), id)
    },
    'inbox.editNote': ({ noteId, body }) => {
      const note = editNote(shop(), sync, noteId, body)
      edited()
      return note
    },
    'inbox.deleteNote': ({ noteId }) => {
      deleteNote(shop(), sync, noteId)
      edited()
      return { done: true }
    },
    'inbox.renameCustomer': ({ customerId, name }) => {
      setCustomerName(shop(), sync, customerId, name)
      customerChanged(customerId)
      return { done: true }
    },
    'inbox.conversationFacts': ({ conversationId }) => conversationFacts(shop(), conversationId),
    'inbox.responseTimes': ({ from, to }) => shopResponseTimes(shop(), from, to),
    'inbox.notificationContent': ({ messageId }) => notificationContent(shop(), messageId),
    'inbox.unreadTotal': () => ({ total: vault.unlocked ? unreadTotal(shop()) : null }),
  }
}
