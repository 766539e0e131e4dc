/**
 * The Cloud API's limits on what a business sends, checked before anything goes out so the owner
 * hears "too long" at once instead of a failure later. Lengths count characters as a person sees
 * them (Unicode code points), so an emoji counts as one.
 */
export const sendLimits = {
  textBody: 4_096,
  /** Image and document captions (Cloud API image/document messages). */
  mediaCaption: 1_024,
  documentFileName: 240,
  interactiveBody: 1_024,
  interactiveFooter: 60,
  interactiveHeaderText: 60,
  replyButtons: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
  templateHeaderText: 60,
  templateButtonIndexes: 10,
  couponCode: 15,
  bizOpaqueCallbackData: 512,
} as const

export function characterCount(text: string): number {
  return [...text].length
}

export const sendRefusalReasons = [
  'invalidRecipient',
  'invalidReplyTo',
  'invalidCallbackData',
  'emptyText',
  'textTooLong',
  'captionTooLong',
  'footerTooLong',
  'headerTooLong',
  'noButtons',
  'tooManyButtons',
  'emptyButtonTitle',
  'buttonTitleTooLong',
  'invalidButtonId',
  'duplicateButtonId',
  'invalidMedia',
  'invalidTemplateName',
  'invalidLanguage',
  'invalidParameter',
  'invalidButtonParameter',
  'invalidMessageId',
] as const
export type SendRefusalReason = (typeof sendRefusalReasons)[number]

/** A send body ready for `POST /{phone-number-id}/messages`, or why it must not be sent. */
export type SendBuild<Body> =
  { ok: true; body: Body } | { ok: false; reason: SendRefusalReason; message: string }

export function refuse(
  reason: SendRefusalReason,
  message: string,
): { ok: false; reason: SendRefusalReason; message: string } {
  return { ok: false, reason, message }
}
