/**
 * The body of a template message, the only kind WhatsApp delivers outside the customer service
 * window. The template itself (its text, its placeholders) lives at Meta; this fills in its
 * values: body placeholders, positional (`{{1}}`) or named (`{{first_name}}`), a header with text
 * or media, and the buttons that need a value.
 */
import {
  mediaSourceProblem,
  wireMediaHeader,
  type MediaSource,
  type WireMediaHeader,
} from './media-source'
import { buildEnvelope, type SendAddress, type SendEnvelope } from './send-envelope'
import { characterCount, refuse, sendLimits, type SendBuild } from './send-limits'

export type TemplateHeader =
  | { type: 'text'; text: string; parameterName?: string }
  | { type: 'image' | 'video'; media: MediaSource }
  | { type: 'document'; media: MediaSource; filename?: string }

/** The value a template button needs, by its position among the template's buttons. */
export type TemplateButtonValue =
  | { type: 'quickReply'; index: number; payload: string }
  | { type: 'url'; index: number; text: string }
  | { type: 'copyCode'; index: number; couponCode: string }

export interface TemplateSend extends SendAddress {
  name: string
  /** The template's language code, e.g. `id`, `en_US`, `pt_BR`. */
  language: string
  header?: TemplateHeader
  /** A list for positional placeholders `{{1}}, {{2}}...`; an object for named ones. */
  body?: readonly string[] | Readonly<Record<string, string>>
  buttons?: readonly TemplateButtonValue[]
}

export interface WireTextParameter {
  type: 'text'
  parameter_name?: string
  text: string
}

export type WireTemplateComponent =
  | { type: 'header'; parameters: [WireTextParameter | WireMediaHeader] }
  | { type: 'body'; parameters: WireTextParameter[] }
  | {
      type: 'button'
      sub_type: 'quick_reply' | 'url' | 'copy_code'
      index: string
      parameters: (
        | { type: 'payload'; payload: string }
        | { type: 'text'; text: string }
        | { type: 'coupon_code'; coupon_code: string }
      )[]
    }

export interface TemplateSendBody extends SendEnvelope {
  type: 'template'
  template: {
    name: string
    language: { code: string }
    components?: WireTemplateComponent[]
  }
}

const templateName = /^[a-z0-9_]{1,512}$/
const languageCode = /^[a-z]{2,3}(_[A-Z]{2})?$/
const parameterName = /^[a-z0-9_]{1,60}$/

/**
 * WhatsApp refuses a parameter with a line break, a tab or more than four spaces in a row (error
 * 132018); saying so before sending is kinder than a failed message.
 */
function parameterProblem(text: string): string | null {
  if (text.trim() === '') return 'is empty'
  if (/[\n\r\t]/.test(text)) return 'contains a line break or a tab'
  if (/ {5}/.test(text)) return 'contains more than four spaces in a row'
  return null
}

function bodyParameters(body: TemplateSend['body']): SendBuild<WireTextParameter[]> {
  if (body === undefined) return { ok: true, body: [] }
  // A list is positional: its order is the placeholders' order, so names are not sent.
  const named = !Array.isArray(body)
  const entries: [string | null, string][] = named
    ? Object.entries(body)
    : (body as readonly string[]).map((text) => [null, text])
  const parameters: WireTextParameter[] = []
  for (const [index, [name, text]] of entries.entries()) {
    const label = name ?? `{{${index + 1}}}`
    if (name !== null && !parameterName.test(name)) {
      return refuse(
        'invalidParameter',
        `"${name}" is not a parameter name (lower-case letters, digits and _)`,
      )
    }
    const problem = parameterProblem(text)
    if (problem) return refuse('invalidParameter', `the value of ${label} ${problem}`)
    parameters.push(
      name === null ? { type: 'text', text } : { type: 'text', parameter_name: name, text },
    )
  }
  return { ok: true, body: parameters }
}

function headerComponent(header: TemplateHeader): SendBuild<WireTemplateComponent> {
  if (header.type === 'text') {
    const problem = parameterProblem(header.text)
    if (problem) return refuse('invalidParameter', `the header value ${problem}`)
    const length = characterCount(header.text)
    if (length > sendLimits.templateHeaderText) {
      return refuse(
        'headerTooLong',
        `the header value has ${length} characters; at most ${sendLimits.templateHeaderText}`,
      )
    }
    if (header.parameterName !== undefined && !parameterName.test(header.parameterName)) {
      return refuse('invalidParameter', `"${header.parameterName}" is not a parameter name`)
    }
    const parameter: WireTextParameter =
      header.parameterName === undefined
        ? { type: 'text', text: header.text }
        : { type: 'text', parameter_name: header.parameterName, text: header.text }
    return { ok: true, body: { type: 'header', parameters: [parameter] } }
  }
  const problem = mediaSourceProblem(header.media)
  if (problem) return refuse('invalidMedia', `header ${header.type}: ${problem}`)
  const filename = header.type === 'document' ? header.filename : undefined
  return {
    ok: true,
    body: { type: 'header', parameters: [wireMediaHeader(header.type, header.media, filename)] },
  }
}

function buttonComponent(button: TemplateButtonValue): SendBuild<WireTemplateComponent> {
  if (
    !Number.isInteger(button.index) ||
    button.index < 0 ||
    button.index >= sendLimits.templateButtonIndexes
  ) {
    return refuse('invalidButtonParameter', `button index ${button.index} is not 0 to 9`)
  }
  const index = String(button.index)
  switch (button.type) {
    case 'quickReply':
      if (button.payload === '') {
        return refuse('invalidButtonParameter', `button ${index} has an empty payload`)
      }
      return {
        ok: true,
        body: {
          type: 'button',
          sub_type: 'quick_reply',
          index,
          parameters: [{ type: 'payload', payload: button.payload }],
        },
      }
    case 'url':
      if (button.text.trim() === '') {
        return refuse('invalidButtonParameter', `button ${index} has an empty link value`)
      }
      return {
        ok: true,
        body: {
          type: 'button',
          sub_type: 'url',
          index,
          parameters: [{ type: 'text', text: button.text }],
        },
      }
    case 'copyCode': {
      const length = characterCount(button.couponCode)
      if (length === 0 || length > sendLimits.couponCode) {
        return refuse(
          'invalidButtonParameter',
          `the code of button ${index} must be 1 to ${sendLimits.couponCode} characters`,
        )
      }
      return {
        ok: true,
        body: {
          type: 'button',
          sub_type: 'copy_code',
          index,
          parameters: [{ type: 'coupon_code', coupon_code: button.couponCode }],
        },
      }
    }
  }
}

export function buildTemplateMessage(input: TemplateSend): SendBuild<TemplateSendBody> {
  if (!templateName.test(input.name)) {
    return refuse(
      'invalidTemplateName',
      `"${input.name}" is not a template name (lower-case letters, digits and _)`,
    )
  }
  if (!languageCode.test(input.language)) {
    return refuse('invalidLanguage', `"${input.language}" is not a language code like id or en_US`)
  }
  const components: WireTemplateComponent[] = []
  if (input.header) {
    const header = headerComponent(input.header)
    if (!header.ok) return header
    components.push(header.body)
  }
  const body = bodyParameters(input.body)
  if (!body.ok) return body
  if (body.body.length > 0) components.push({ type: 'body', parameters: body.body })
  const indexes = new Set<number>()
  for (const button of input.buttons ?? []) {
    if (indexes.has(button.index)) {
      return refuse('invalidButtonParameter', `two values for button ${button.index}`)
    }
    indexes.add(button.index)
    const component = buttonComponent(button)
    if (!component.ok) return component
    components.push(component.body)
  }
  const envelope = buildEnvelope(input)
  if (!envelope.ok) return envelope
  return {
    ok: true,
    body: {
      ...envelope.body,
      type: 'template',
      template: {
        name: input.name,
        language: { code: input.language },
        ...(components.length > 0 ? { components } : {}),
      },
    },
  }
}
