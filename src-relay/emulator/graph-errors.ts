/**
 * The errors the emulator gives, worded as the Cloud API words them: synchronously in the body of
 * a refused call (`{error: {message, type, code, error_data, fbtrace_id}}`), asynchronously in a
 * failed status (`{code, title, message, error_data, href}`).
 */
import type { WireError } from './wire-payloads'

interface ErrorText {
  title: string
  details: string
  httpStatus: number
  type?: string
}

const href = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/'

const texts: Readonly<Record<number, ErrorText>> = {
  100: {
    title: 'Invalid parameter',
    details: 'A parameter is missing or not valid.',
    httpStatus: 400,
  },
  190: {
    title: 'Invalid OAuth access token - Cannot parse access token',
    details: 'The access token is missing, expired or not valid.',
    httpStatus: 401,
  },
  130429: {
    title: 'Rate limit hit',
    details: 'Cloud API message throughput has been reached.',
    httpStatus: 400,
  },
  131026: { title: 'Message Undeliverable.', details: 'Message Undeliverable.', httpStatus: 400 },
  131030: {
    title: 'Recipient phone number not in allowed list',
    details:
      'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.',
    httpStatus: 400,
  },
  131047: {
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    httpStatus: 400,
  },
  131048: {
    title: 'Spam rate limit hit',
    details:
      'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
    httpStatus: 400,
  },
  131049: {
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details:
      'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
    httpStatus: 400,
  },
  131050: {
    title: 'Unable to deliver the marketing message',
    details:
      'Unable to deliver the marketing message. The user has chosen to stop receiving marketing messages on WhatsApp from this business.',
    httpStatus: 400,
  },
  131053: {
    title: 'Media upload error',
    details: 'Unable to upload the media used in the message.',
    httpStatus: 400,
  },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
    httpStatus: 400,
  },
  132001: {
    title: 'Template name does not exist in the translation',
    details: 'The template does not exist in this language.',
    httpStatus: 404,
  },
}

function textOf(code: number): ErrorText {
  return (
    texts[code] ?? {
      title: `Error ${code}`,
      details: `The request failed with error ${code}.`,
      httpStatus: 400,
    }
  )
}

/** `details`, when given, names what exactly was wrong (also as `error_user_msg`). */
export function synchronousError(code: number, fbtraceId: string, details?: string) {
  const text = textOf(code)
  return {
    httpStatus: text.httpStatus,
    body: {
      error: {
        message: `(#${code}) ${text.title}`,
        type: text.type ?? 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: details ?? text.details },
        ...(details === undefined ? {} : { error_user_msg: details }),
        fbtrace_id: fbtraceId,
      },
    },
  }
}

export function asynchronousError(code: number): WireError {
  const text = textOf(code)
  return {
    code,
    title: text.title,
    message: text.title,
    error_data: { details: text.details },
    href,
  }
}
