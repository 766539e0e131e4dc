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

export function createCustomerHandlers(
  context: FeatureContext,
): HandlersFor<typeof customerMethods> {
  const { vault, events } = context
  const shop = () => vault.shop()
  const labelsChanged = () => events.emit('labels.changed', {})
  /** Labels show on conversation rows: their lists must be read again. */
  const customerChanged = (customerId: string) => {
    const row = statement(shop().db, 'SELECT id FROM conversations WHERE customer_id = ?').get(
      customerId,
    ) as { id: string } | undefined
    if (row) events.emit('inbox.changed', { conversationIds: [row.id] })
  }

  return {
    'labels.list': () => listLabels(shop()),
    'labels.create': ({ name, color }) => {
      const label = createLabel(shop(), name, color, context.now())
      labelsChanged()
      return label
    },
    'labels.rename': ({ labelId, name }) => {
      const label = renameLabel(shop(), labelId, name)
      labelsChanged()
      return label
    },
    'labels.recolour': ({ labelId, color }) => {
      const label = recolourLabel(shop(), labelId, color)
      labelsChanged()
      return label
    },
    'labels.delete': ({ labelId }) => {
      deleteLabel(shop(), labelId, context.now())
      labelsChanged()
      events.emit('inbox.changed', { conversationIds: [] })
      return { done: true }
    },
    'labels.assign': ({ customerId, labelId }) => {
      assignLabel(shop(), customerId, labelId, context.now())
      customerChanged(customerId)
      return { done: true }
    },
    'labels.unassign': ({ customerId, labelId }) => {
      unassignLabel(shop(), customerId, labelId)
      customerChanged(customerId)
      return { done: true }
    },
    'inbox.notes': ({ customerId }) => listNotes(shop(), customerId),
    'inbox.addNote': ({ customerId, body }) => {
      const id = addNote(shop(), customerId, body, context.now())
      return readNote(shop(), id)
    },
    'inbox.editNote': ({ noteId, body }) => editNote(shop(), noteId, body, context.now()),
    'inbox.deleteNote': ({ noteId }) => {
      deleteNote(shop(), noteId, context.now())
      return { done: true }
    },
    'inbox.renameCustomer': ({ customerId, name }) => {
      setCustomerName(shop(), customerId, name, context.now())
      customerChanged(customerId)
      return { done: true }
    },
    'inbox.conversationFacts': ({ conversationId }) => conversationFacts(shop(), conversationId),
    'inbox.responseTimes': ({ from, to }) => shopResponseTimes(shop(), from, to),
    'inbox.notificationContent': ({ messageId }) => notificationContent(shop(), messageId),
    'inbox.unreadTotal': () => ({ total: vault.unlocked ? unreadTotal(shop()) : null }),
  }
}
