/**
 * Reads the Cloud API's answer to a send. `accepted` means only that: the platform took the
 * message; delivery comes later as status webhooks. An answer that cannot be read must be
 * treated like no answer at all: the message may or may not have gone out.
 */
import { z } from 'zod'
import { parsePlatformError, type PlatformError } from './platform-error'
import { describeIssue, isRecord, textOrNull } from './wire-values'

export type SendAnswer =
  | {
      kind: 'accepted'
      wamid: string
      /** What was sent as `to` or `recipient`, as the platform echoes it. */
      input: string | null
      /** The customer's phone number as WhatsApp knows it (may differ from what was sent). */
      waId: string | null
      userId: string | null
      /** `accepted`, or `held_for_quality_assessment` for marketing held back for review. */
      messageStatus: string | null
    }
  | { kind: 'refused'; error: PlatformError }
  | { kind: 'notUnderstood'; message: string }

const wireAccepted = z.object({
  contacts: z
    .array(
      z.object({
        input: z.string().optional(),
        wa_id: z.string().optional(),
        user_id: z.string().optional(),
      }),
    )
    .optional(),
  messages: z
    .array(z.object({ id: z.string().min(1), message_status: z.string().optional() }))
    .min(1),
})

/** Reads the body of the answer to `POST /{phone-number-id}/messages`, whatever its HTTP status. */
export function parseSendResponse(body: unknown): SendAnswer {
  if (isRecord(body) && 'error' in body) {
    const read = parsePlatformError(body)
    return read.ok
      ? { kind: 'refused', error: read.error }
      : { kind: 'notUnderstood', message: read.message }
  }
  const read = wireAccepted.safeParse(body)
  if (!read.success) return { kind: 'notUnderstood', message: describeIssue('', read.error) }
  const message = read.data.messages[0]
  if (!message) return { kind: 'notUnderstood', message: 'messages: empty' }
  const contact = read.data.contacts?.[0]
  return {
    kind: 'accepted',
    wamid: message.id,
    input: textOrNull(contact?.input),
    waId: textOrNull(contact?.wa_id),
    userId: textOrNull(contact?.user_id),
    messageStatus: textOrNull(message.message_status),
  }
}
