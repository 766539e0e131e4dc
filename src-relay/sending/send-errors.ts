/** Turning what went wrong into the `error` of a send outcome. */
import type { PlatformError } from '../../src-shared/whatsapp'
import type { SendError } from './send-state'

export function sendErrorOfPlatform(error: PlatformError): SendError {
  return {
    code: error.code,
    reason: error.reason,
    // The platform's title or message, which name the problem; `details` can quote the number.
    message: (error.title ?? error.message ?? `error ${error.code}`).slice(0, 300),
  }
}

export const relayStoppedError: SendError = {
  code: 'NOT_SENT',
  reason: 'notSent',
  message: 'The relay stopped before it could send this message; it was not sent.',
}

export function unreachableError(detail: string): SendError {
  return {
    code: 'NOT_SENT',
    reason: 'notSent',
    message: `The WhatsApp Cloud API could not be reached (${detail}); the message was not sent.`,
  }
}
