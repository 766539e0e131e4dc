/**
 * Reads one `smb_message_echoes` item: a message the owner typed in the WhatsApp Business phone
 * app on a number shared with the Cloud API. `from` is the shop's own number, `to` the customer.
 */
import { z } from 'zod'
import type { ItemRead } from './change-reading'
import { identifyCustomer, type Customer } from './customer'
import { readContext } from './inbound-message'
import { readMessageContent } from './message-content'
import type { MessageEchoEvent, PhoneNumberRoute } from './webhook-events'
import { describeIssue, epochSecondsAsMillis, isRecord, textOrNull } from './wire-values'

const wireEcho = z.object({
  id: z.string().min(1),
  timestamp: epochSecondsAsMillis,
  type: z.string().min(1),
  to: z.string().optional(),
  to_user_id: z.string().optional(),
  to_parent_user_id: z.string().optional(),
})

export function readMessageEcho(
  raw: unknown,
  base: string,
  route: PhoneNumberRoute,
  contacts: readonly Customer[],
): ItemRead<MessageEchoEvent> {
  const read = wireEcho.safeParse(raw)
  if (!read.success || !isRecord(raw)) {
    const problem = read.success ? `${base}: not an object` : describeIssue(base, read.error)
    return { event: null, problems: [problem] }
  }
  const wire = read.data
  const customer = identifyCustomer(
    {
      waId: textOrNull(wire.to),
      userId: textOrNull(wire.to_user_id),
      parentUserId: textOrNull(wire.to_parent_user_id),
    },
    contacts,
  )
  if (!customer)
    return { event: null, problems: [`${base}: no recipient (neither to nor to_user_id)`] }
  const content = readMessageContent(raw, wire.type, base)
  const context = readContext(raw.context, `${base}.context`)
  return {
    event: {
      kind: 'messageEcho',
      ...route,
      wamid: wire.id,
      sentAt: wire.timestamp,
      customer,
      content: content.content,
      replyTo: context.context.replyTo,
    },
    problems: [...(content.problem ? [content.problem] : []), ...context.problems],
  }
}
