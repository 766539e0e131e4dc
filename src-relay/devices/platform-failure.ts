/**
 * How a device route reports a platform call that did not succeed: the platform's refusal in its
 * own words (422 PLATFORM_REFUSED, so the desktop shows the reason instead of retrying a lost
 * connection), or 504 PLATFORM_NO_ANSWER when it never answered. Sends have their own outcome
 * shape (sending/send-state.ts); this is for the routes that pass one call through.
 */
import type { ServerResponse } from 'node:http'
import { sendError } from '../http/respond'
import type { GraphAnswer } from '../sending/graph-client'

/** A refusal in the platform's words, or null when it simply did not answer. */
function refusal(answer: GraphAnswer): { status: number; message: string } | null {
  if (answer.kind !== 'answered') return null
  const body = answer.body as { error?: { message?: string; error_user_msg?: string } } | null
  const message =
    body?.error?.error_user_msg ?? body?.error?.message ?? `HTTP ${answer.status} from the platform`
  return { status: answer.status, message }
}

export function answerPlatformFailure(response: ServerResponse, answer: GraphAnswer): void {
  const refused = refusal(answer)
  if (refused) return sendError(response, 422, 'PLATFORM_REFUSED', refused.message)
  sendError(
    response,
    504,
    'PLATFORM_NO_ANSWER',
    `The platform did not answer (${answer.kind === 'answered' ? answer.status : answer.message}).`,
  )
}
