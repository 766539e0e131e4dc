/**
 * The customer side of the inbox: labels, private notes, the owner's name for a customer, what
 * the panel says about them (messages, response time) and the signals for notifications and the
 * unread badge (`labels.*`, `inbox.*`).
 */
import { z } from 'zod'
import { messageItemSchema } from '../../inbox/inbox-view'
import {
  maximumCustomerNameLength,
  maximumNoteLength,
  noteSchema,
} from '../../inbox/customer-notes'
import { labelColors, labelNameSchema, labelSchema } from '../../labels/labels'
import type { EventMap, MethodMap } from './method-map'

const id = z.string().min(1).max(64)
const done = z.object({ done: z.literal(true) })

export const customerMethods = {
  /** The shop's labels in the owner's order; the defaults are made with a new shop. */
  'labels.list': { params: z.object({}).strict(), result: z.array(labelSchema) },
  'labels.create': {
    params: z.object({ name: labelNameSchema, color: z.enum(labelColors) }).strict(),
    result: labelSchema,
  },
  'labels.rename': {
    params: z.object({ labelId: id, name: labelNameSchema }).strict(),
    result: labelSchema,
  },
  'labels.recolour': {
    params: z.object({ labelId: id, color: z.enum(labelColors) }).strict(),
    result: labelSchema,
  },
  /** Takes the label off every customer too. */
  'labels.delete': { params: z.object({ labelId: id }).strict(), result: done },
  'labels.assign': { params: z.object({ customerId: id, labelId: id }).strict(), result: done },
  'labels.unassign': { params: z.object({ customerId: id, labelId: id }).strict(), result: done },
  /** Newest first. */
  'inbox.notes': { params: z.object({ customerId: id }).strict(), result: z.array(noteSchema) },
  'inbox.addNote': {
    params: z.object({ customerId: id, body: z.string().max(maximumNoteLength * 4) }).strict(),
    result: noteSchema,
  },
  'inbox.editNote': {
    params: z.object({ noteId: id, body: z.string().max(maximumNoteLength * 4) }).strict(),
    result: noteSchema,
  },
  'inbox.deleteNote': { params: z.object({ noteId: id }).strict(), result: done },
  /** The owner's own name for the customer; null goes back to their WhatsApp name. */
  'inbox.renameCustomer': {
    params: z
      .object({
        customerId: id,
        name: z
          .string()
          .max(maximumCustomerNameLength * 4)
          .nullable(),
      })
      .strict(),
    result: done,
  },
  /** What the customer panel counts: messages, and how fast the shop answered this customer. */
  'inbox.conversationFacts': {
    params: z.object({ conversationId: id }).strict(),
    result: z.object({
      messageCount: z.number().int(),
      /** The most recent answered wait, from the customer's first unanswered message to the reply. */
      latestResponseMs: z.number().nullable(),
      /** The customer is waiting for an answer since then, else null. */
      waitingSince: z.number().nullable(),
    }),
  },
  /** The shop's median first-response time for replies sent in [from, to): the owner's today. */
  'inbox.responseTimes': {
    params: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
    result: z.object({ medianMs: z.number().nullable(), count: z.number().int() }),
  },
  /**
   * What a notification may say about a customer's message. Only an unlocked vault can answer,
   * so a locked Kedai cannot produce a message's text at all.
   */
  'inbox.notificationContent': {
    params: z.object({ messageId: id }).strict(),
    result: z.object({
      conversationId: z.string(),
      /** The owner's name for them, their WhatsApp name, or their number. */
      customerName: z.string().nullable(),
      message: messageItemSchema,
    }),
  },
  /** Unread customer messages in the shop; null while the vault is locked (never an error). */
  'inbox.unreadTotal': {
    params: z.object({}).strict(),
    result: z.object({ total: z.number().int().nullable() }),
  },
} as const satisfies MethodMap

export const customerEvents = {
  /** Customers wrote: ids only, never what they wrote (see `inbox.notificationContent`). */
  'inbox.customerWrote': z.object({
    messages: z.array(
      z.object({ conversationId: z.string(), messageId: z.string(), sentAt: z.number() }),
    ),
  }),
  /** Unread messages in the shop, for the app's badge and tray; null while the vault is locked. */
  'inbox.unreadTotal': z.object({ total: z.number().int().nullable() }),
  'labels.changed': z.object({}),
} as const satisfies EventMap
