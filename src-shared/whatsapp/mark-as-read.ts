/**
 * The body that marks a customer's message as read (blue ticks on their side), posted to the
 * same `/messages` path as a send. Optionally shows "typing..." while the owner writes.
 */
import { isMessageId } from './send-envelope'
import { refuse, type SendBuild } from './send-limits'

export interface MarkAsRead {
  /** The wamid of the customer's message; every earlier message counts as read too. */
  wamid: string
  showTyping?: boolean
}

export interface MarkAsReadBody {
  messaging_product: 'whatsapp'
  status: 'read'
  message_id: string
  typing_indicator?: { type: 'text' }
}

export function buildMarkAsRead(input: MarkAsRead): SendBuild<MarkAsReadBody> {
  if (!isMessageId(input.wamid)) return refuse('invalidMessageId', 'the message has no valid id')
  const body: MarkAsReadBody = {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: input.wamid,
  }
  if (input.showTyping) body.typing_indicator = { type: 'text' }
  return { ok: true, body }
}
