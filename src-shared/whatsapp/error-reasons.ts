/**
 * What each platform error means for a shop owner: a reason key the renderer translates, whether
 * the relay may try again, and the English text as data (the i18n catalogue starts from it).
 * The codes are the ones domain.md lists, and 131053 (a photo or document the platform could not
 * take, which quick replies' files can meet); any other code reads as 'unknown', which is final.
 */

export const errorReasons = [
  'windowClosed',
  'undeliverable',
  'rateLimited',
  'pairRateLimited',
  'marketingCap',
  'optedOut',
  'spamRateLimited',
  'templateProblem',
  'tokenExpired',
  'notInAllowList',
  'unsupportedMessage',
  'mediaProblem',
  'unknown',
] as const

export type ErrorReason = (typeof errorReasons)[number]

export interface ErrorReasonInfo {
  /** Paced and sent again by the relay; everything else is final and reported to the owner. */
  retryable: boolean
  /** The least time to wait before the relay tries again; null when it must not. */
  retryAfterMs: number | null
  explanation: string
  ownerAction: string
}

export const errorReasonInfo: Readonly<Record<ErrorReason, ErrorReasonInfo>> = {
  windowClosed: {
    retryable: false,
    retryAfterMs: null,
    explanation:
      'More than 24 hours have passed since this customer last wrote, so WhatsApp only accepts an approved template now.',
    ownerAction:
      'Send an approved template. When the customer answers, you can write freely again for 24 hours.',
  },
  undeliverable: {
    retryable: false,
    retryAfterMs: null,
    explanation:
      'WhatsApp could not deliver this message: the number may not be on WhatsApp, or the customer has not accepted the latest WhatsApp terms or uses a very old app.',
    ownerAction:
      'Check the number with the customer another way. Sending the same message again will not help.',
  },
  rateLimited: {
    retryable: true,
    // 80 messages a second per number (20 when shared with the phone app): a second is plenty.
    retryAfterMs: 1_000,
    explanation: 'Your number sent too many messages in a short time.',
    ownerAction: 'Nothing to do: Kedai slows down and sends it again by itself.',
  },
  pairRateLimited: {
    retryable: true,
    // One message per 6 seconds to the same customer once a burst is used up.
    retryAfterMs: 6_000,
    explanation: 'Too many messages went to this one customer in a short time.',
    ownerAction:
      'Nothing to do: Kedai waits a few seconds and sends it again. Fewer, longer messages avoid this.',
  },
  marketingCap: {
    retryable: false,
    retryAfterMs: null,
    explanation:
      'WhatsApp held back this marketing message because this customer has recently received many marketing messages from businesses.',
    ownerAction:
      'Do not resend it now. Try again in a day or more, or wait until the customer writes to you.',
  },
  optedOut: {
    retryable: false,
    retryAfterMs: null,
    explanation:
      'This customer has chosen to stop receiving marketing messages from your business.',
    ownerAction:
      'Send them no more promotions. Replies to their questions and order updates still reach them.',
  },
  spamRateLimited: {
    retryable: false,
    retryAfterMs: null,
    explanation:
      'WhatsApp is limiting your number because many customers blocked or reported its messages.',
    ownerAction:
      'Pause promotions, write only to customers who asked to hear from you, and check your quality rating.',
  },
  templateProblem: {
    retryable: false,
    retryAfterMs: null,
    explanation: 'WhatsApp refused the template.',
    ownerAction:
      'Open the template: check that it is approved, in the right language, and that every value is filled in.',
  },
  tokenExpired: {
    retryable: false,
    retryAfterMs: null,
    explanation: 'The access token the relay uses to talk to WhatsApp has expired or is not valid.',
    ownerAction: 'Ask whoever runs your relay to renew the WhatsApp access token.',
  },
  notInAllowList: {
    retryable: false,
    retryAfterMs: null,
    explanation:
      'This number is not one of the test recipients allowed for your WhatsApp test account.',
    ownerAction:
      "Add the number to the allowed recipients in Meta's developer dashboard, or switch to a production number.",
  },
  unsupportedMessage: {
    retryable: false,
    retryAfterMs: null,
    explanation: 'This kind of message cannot pass between WhatsApp and business apps yet.',
    ownerAction: 'Ask the customer to send it again as text or a photo.',
  },
  mediaProblem: {
    retryable: false,
    retryAfterMs: null,
    explanation: 'WhatsApp could not take the photo or document of this message.',
    ownerAction:
      'Open the quick reply and attach the file again (a JPEG or PNG photo, or a PDF), then send it anew.',
  },
  unknown: {
    retryable: false,
    retryAfterMs: null,
    explanation: 'WhatsApp refused this message for a reason Kedai does not know yet.',
    ownerAction:
      'Do not resend it blindly. The error code and details tell what happened; they are kept with the message.',
  },
}

export interface ErrorCodeInfo {
  reason: ErrorReason
  /** A closer explanation than the reason's, where one reason covers several codes. */
  explanation?: string
  ownerAction?: string
}

export const errorCodeInfo: Readonly<Record<number, ErrorCodeInfo>> = {
  131047: { reason: 'windowClosed' },
  131026: { reason: 'undeliverable' },
  130429: { reason: 'rateLimited' },
  131056: { reason: 'pairRateLimited' },
  131049: { reason: 'marketingCap' },
  131050: { reason: 'optedOut' },
  131048: { reason: 'spamRateLimited' },
  132000: {
    reason: 'templateProblem',
    explanation: "The number of values given does not match the template's placeholders.",
    ownerAction: 'Fill in every placeholder of the template and send it again.',
  },
  132001: {
    reason: 'templateProblem',
    explanation: 'This template does not exist in that language, or is not approved yet.',
    ownerAction: "Check the template's name and language, and that WhatsApp approved it.",
  },
  132005: {
    reason: 'templateProblem',
    explanation: 'The template with its values filled in is too long.',
    ownerAction: 'Use shorter values.',
  },
  132007: {
    reason: 'templateProblem',
    explanation: "The template's text breaks WhatsApp's format or content rules.",
    ownerAction: 'Edit the template and submit it for review again.',
  },
  132012: {
    reason: 'templateProblem',
    explanation:
      'A value does not have the format the template expects (for example, text where it expects a picture).',
    ownerAction: 'Check the header and the values you filled in.',
  },
  132015: {
    reason: 'templateProblem',
    explanation: 'This template is paused because its quality is low.',
    ownerAction: 'Edit the template or use another one; a paused template cannot be sent.',
  },
  132016: {
    reason: 'templateProblem',
    explanation: 'This template was disabled because its quality stayed low.',
    ownerAction: 'Create a new template; this one can no longer be sent.',
  },
  190: { reason: 'tokenExpired' },
  131030: { reason: 'notInAllowList' },
  131051: { reason: 'unsupportedMessage' },
  131053: { reason: 'mediaProblem' },
}

export interface ErrorExplanation extends ErrorReasonInfo {
  code: number
  reason: ErrorReason
}

/** Everything Kedai can say about one error code; unknown codes are final and say so. */
export function explainErrorCode(code: number): ErrorExplanation {
  const byCode: ErrorCodeInfo = errorCodeInfo[code] ?? { reason: 'unknown' }
  const byReason = errorReasonInfo[byCode.reason]
  return {
    code,
    reason: byCode.reason,
    retryable: byReason.retryable,
    retryAfterMs: byReason.retryAfterMs,
    explanation: byCode.explanation ?? byReason.explanation,
    ownerAction: byCode.ownerAction ?? byReason.ownerAction,
  }
}
