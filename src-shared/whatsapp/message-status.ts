/**
 * Reads one status update (`value.statuses[]`): what happened to a message the shop sent, what
 * it cost, and why it failed. `read` may arrive without `delivered`, and in any order; putting
 * them in order is core's job, not the parser's.
 */
import { z } from 'zod'
import type { ItemRead } from './change-reading'
import { identifyCustomer, type Customer } from './customer'
import { readErrorList } from './platform-error'
import { wireConversation, wirePricing } from './pricing'
import { deliveryStatuses, type PhoneNumberRoute, type StatusEvent } from './webhook-events'
import { describeIssue, epochSecondsAsMillis, isRecord, textOrNull } from './wire-values'

const wireStatus = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: epochSecondsAsMillis,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  recipient_parent_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
})

export function readMessageStatus(
  raw: unknown,
  base: string,
  route: PhoneNumberRoute,
  contacts: readonly Customer[],
): ItemRead<StatusEvent> {
  const read = wireStatus.safeParse(raw)
  if (!read.success || !isRecord(raw)) {
    const problem = read.success ? `${base}: not an object` : describeIssue(base, read.error)
    return { event: null, problems: [problem] }
  }
  const wire = read.data
  const status = wire.status.toLowerCase()
  // An unknown status cannot move a message forward; core would have nothing to do with it.
  if (!(deliveryStatuses as readonly string[]).includes(status)) {
    return { event: null, problems: [`${base}.status: unknown status "${wire.status}"`] }
  }
  const recipient = identifyCustomer(
    {
      waId: textOrNull(wire.recipient_id),
      userId: textOrNull(wire.recipient_user_id),
      parentUserId: textOrNull(wire.recipient_parent_user_id),
    },
    contacts,
  )
  if (!recipient) {
    return {
      event: null,
      problems: [`${base}: no recipient (neither recipient_id nor recipient_user_id)`],
    }
  }
  const problems: string[] = []
  const pricing = raw.pricing === undefined ? null : wirePricing.safeParse(raw.pricing)
  if (pricing && !pricing.success) problems.push(describeIssue(`${base}.pricing`, pricing.error))
  const conversation =
    raw.conversation === undefined ? null : wireConversation.safeParse(raw.conversation)
  if (conversation && !conversation.success) {
    problems.push(describeIssue(`${base}.conversation`, conversation.error))
  }
  const errors = readErrorList(raw.errors, `${base}.errors`)
  problems.push(...errors.problems)
  return {
    event: {
      kind: 'status',
      ...route,
      wamid: wire.id,
      status: status as StatusEvent['status'],
      statusAt: wire.timestamp,
      recipient,
      pricing: pricing?.success ? pricing.data : null,
      conversation: conversation?.success ? conversation.data : null,
      errors: errors.errors,
      bizOpaqueCallbackData: textOrNull(wire.biz_opaque_callback_data),
    },
    problems,
  }
}
