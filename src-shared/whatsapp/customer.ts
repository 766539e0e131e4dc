/**
 * Who a message is from or to. WhatsApp is moving from phone numbers (`wa_id`) to business-scoped
 * user ids (`user_id`, e.g. `US.13491208655302741918`): a customer who adopted a username may come
 * with the user id only, so either identifier alone must be enough.
 */
import { z } from 'zod'
import { describeIssue, textOrNull } from './wire-values'

export interface Customer {
  /** The phone number as WhatsApp knows it, digits only (no `+`); null for username-only users. */
  waId: string | null
  /** Business-scoped user id, stable within one business portfolio. */
  userId: string | null
  /** The id shared across portfolios of an enterprise, when Meta enabled it. */
  parentUserId: string | null
  /** The display name from the customer's WhatsApp profile, as the customer set it. */
  name: string | null
  username: string | null
}

/** The identifiers a message or status carries about the customer itself. */
export interface CustomerIds {
  waId: string | null
  userId: string | null
  parentUserId: string | null
}

const wireContact = z.object({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
  profile: z.object({ name: z.string().optional(), username: z.string().optional() }).optional(),
})

/** `value.contacts[]` of a messages change: names and identifiers of the customers involved. */
export function readContacts(
  raw: unknown,
  base: string,
): { contacts: Customer[]; problems: string[] } {
  if (raw === undefined) return { contacts: [], problems: [] }
  if (!Array.isArray(raw)) return { contacts: [], problems: [`${base}: not a list`] }
  const contacts: Customer[] = []
  const problems: string[] = []
  raw.forEach((item, index) => {
    const read = wireContact.safeParse(item)
    if (!read.success) {
      problems.push(describeIssue(`${base}[${index}]`, read.error))
      return
    }
    contacts.push({
      waId: textOrNull(read.data.wa_id),
      userId: textOrNull(read.data.user_id),
      parentUserId: textOrNull(read.data.parent_user_id),
      name: textOrNull(read.data.profile?.name),
      username: textOrNull(read.data.profile?.username),
    })
  })
  return { contacts, problems }
}

/**
 * Joins what the message says about its customer with the matching entry of `contacts[]`. A
 * contact is taken only when an identifier matches (or, if the message names nobody, when it is
 * the only contact), so one customer's name never lands on another.
 */
export function identifyCustomer(ids: CustomerIds, contacts: readonly Customer[]): Customer | null {
  const named = ids.waId !== null || ids.userId !== null
  const contact =
    contacts.find(
      (candidate) =>
        (ids.waId !== null && candidate.waId === ids.waId) ||
        (ids.userId !== null && candidate.userId === ids.userId),
    ) ?? (!named && contacts.length === 1 ? contacts[0] : undefined)
  const customer: Customer = {
    waId: ids.waId ?? contact?.waId ?? null,
    userId: ids.userId ?? contact?.userId ?? null,
    parentUserId: ids.parentUserId ?? contact?.parentUserId ?? null,
    name: contact?.name ?? null,
    username: contact?.username ?? null,
  }
  return customer.waId === null && customer.userId === null ? null : customer
}
