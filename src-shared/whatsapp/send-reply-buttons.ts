/**
 * The body of an interactive message with reply buttons ("Change", "Cancel"): up to three buttons
 * the customer taps instead of typing. Inside the customer service window only, like free text.
 */
import {
  mediaSourceProblem,
  wireMediaHeader,
  type MediaSource,
  type WireMediaHeader,
} from './media-source'
import { buildEnvelope, type SendAddress, type SendEnvelope } from './send-envelope'
import { characterCount, refuse, sendLimits, type SendBuild } from './send-limits'

export interface ReplyButton {
  /** Comes back in the customer's `button_reply` when tapped; unique within the message. */
  id: string
  title: string
}

export type InteractiveHeader =
  | { type: 'text'; text: string }
  | { type: 'image' | 'video'; media: MediaSource }
  | { type: 'document'; media: MediaSource; filename?: string }

export interface ReplyButtonsSend extends SendAddress {
  body: string
  buttons: readonly ReplyButton[]
  header?: InteractiveHeader
  footer?: string
}

type WireInteractiveHeader = { type: 'text'; text: string } | WireMediaHeader

export interface ReplyButtonsSendBody extends SendEnvelope {
  type: 'interactive'
  interactive: {
    type: 'button'
    header?: WireInteractiveHeader
    body: { text: string }
    footer?: { text: string }
    action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] }
  }
}

function checkButtons(buttons: readonly ReplyButton[]): SendBuild<null> {
  if (buttons.length === 0) return refuse('noButtons', 'a reply-buttons message needs a button')
  if (buttons.length > sendLimits.replyButtons) {
    return refuse(
      'tooManyButtons',
      `${buttons.length} buttons; WhatsApp shows at most ${sendLimits.replyButtons}`,
    )
  }
  const ids = new Set<string>()
  for (const button of buttons) {
    if (button.title.trim() === '') return refuse('emptyButtonTitle', 'a button has no title')
    const titleLength = characterCount(button.title)
    if (titleLength > sendLimits.replyButtonTitle) {
      return refuse(
        'buttonTitleTooLong',
        `the button title "${button.title}" has ${titleLength} characters; at most ${sendLimits.replyButtonTitle}`,
      )
    }
    // WhatsApp refuses ids with spaces at either end.
    if (
      button.id === '' ||
      button.id !== button.id.trim() ||
      characterCount(button.id) > sendLimits.replyButtonId
    ) {
      return refuse(
        'invalidButtonId',
        `the button id "${button.id}" must be 1 to ${sendLimits.replyButtonId} characters without spaces at the ends`,
      )
    }
    if (ids.has(button.id)) {
      return refuse('duplicateButtonId', `two buttons have the id "${button.id}"`)
    }
    ids.add(button.id)
  }
  return { ok: true, body: null }
}

function wireHeader(header: InteractiveHeader): SendBuild<WireInteractiveHeader> {
  if (header.type === 'text') {
    const length = characterCount(header.text)
    if (header.text.trim() === '' || length > sendLimits.interactiveHeaderText) {
      return refuse(
        'headerTooLong',
        `the header text must be 1 to ${sendLimits.interactiveHeaderText} characters, not ${length}`,
      )
    }
    return { ok: true, body: { type: 'text', text: header.text } }
  }
  const problem = mediaSourceProblem(header.media)
  if (problem) return refuse('invalidMedia', `header ${header.type}: ${problem}`)
  const filename = header.type === 'document' ? header.filename : undefined
  return { ok: true, body: wireMediaHeader(header.type, header.media, filename) }
}

export function buildReplyButtonsMessage(input: ReplyButtonsSend): SendBuild<ReplyButtonsSendBody> {
  if (input.body.trim() === '') return refuse('emptyText', 'the message body is empty')
  const bodyLength = characterCount(input.body)
  if (bodyLength > sendLimits.interactiveBody) {
    return refuse(
      'textTooLong',
      `the body has ${bodyLength} characters; a reply-buttons message takes at most ${sendLimits.interactiveBody}`,
    )
  }
  if (input.footer !== undefined) {
    const footerLength = characterCount(input.footer)
    if (footerLength > sendLimits.interactiveFooter) {
      return refuse(
        'footerTooLong',
        `the footer has ${footerLength} characters; at most ${sendLimits.interactiveFooter}`,
      )
    }
  }
  const buttons = checkButtons(input.buttons)
  if (!buttons.ok) return buttons
  const header = input.header ? wireHeader(input.header) : undefined
  if (header && !header.ok) return header
  const envelope = buildEnvelope(input)
  if (!envelope.ok) return envelope

  // Built in the platform's documented key order, so a logged body reads like Meta's examples.
  const interactive: ReplyButtonsSendBody['interactive'] = {
    type: 'button',
    ...(header ? { header: header.body } : {}),
    body: { text: input.body },
    ...(input.footer ? { footer: { text: input.footer } } : {}),
    action: {
      buttons: input.buttons.map((button) => ({
        type: 'reply',
        reply: { id: button.id, title: button.title },
      })),
    },
  }
  return { ok: true, body: { ...envelope.body, type: 'interactive', interactive } }
}
