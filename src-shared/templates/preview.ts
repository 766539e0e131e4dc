/**
 * The template as the customer will see it, with the values at hand. Structured parts, never
 * HTML: the renderer decides how a filled value or a still-missing one looks, and a missing value
 * is a part of its own rather than a `{{1}}` left in the text.
 */
import { hasValue } from '../quick-replies/reply-context'
import {
  headerMediaSlotId,
  templateParameterSlots,
  type ParameterSlot,
  type ParameterValues,
} from './parameters'
import { placeholdersIn } from './placeholders'
import { type HeaderMediaKind, type TemplateDraft } from './template'

export type PreviewPiece =
  | { kind: 'text'; text: string }
  | { kind: 'value'; slotId: string; text: string }
  | { kind: 'missing'; slotId: string; variable: string }

export type PreviewButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: PreviewPiece[] }
  | { type: 'PHONE_NUMBER'; text: string; phoneNumber: string }
  /** WhatsApp labels this button itself, in the customer's language. */
  | { type: 'COPY_CODE'; code: PreviewPiece[] }

export interface TemplatePreview {
  header:
    | { kind: 'none' }
    | { kind: 'text'; pieces: PreviewPiece[] }
    | { kind: 'media'; media: HeaderMediaKind; mediaRef: string | null }
  body: PreviewPiece[]
  footer: string | null
  buttons: PreviewButton[]
  /** Slots with no value yet; empty when the preview is exactly what will be sent. */
  missing: ParameterSlot[]
}

function valuePiece(slotId: string, variable: string, values: ParameterValues): PreviewPiece {
  const value = values[slotId]?.trim()
  return hasValue(value)
    ? { kind: 'value', slotId, text: value }
    : { kind: 'missing', slotId, variable }
}

/** Splits a text at its variables, the value of `{{v}}` being the slot `prefix.v`. */
function piecesOf(text: string, slotPrefix: string, values: ParameterValues): PreviewPiece[] {
  const pieces: PreviewPiece[] = []
  let at = 0
  const pushText = (piece: string) => {
    if (piece.length === 0) return
    const last = pieces[pieces.length - 1]
    if (last?.kind === 'text') last.text += piece
    else pieces.push({ kind: 'text', text: piece })
  }
  for (const placeholder of placeholdersIn(text)) {
    pushText(text.slice(at, placeholder.start))
    at = placeholder.end
    if (placeholder.variable === null) {
      // Malformed while the owner types: shown as written; the checker names it.
      pushText(placeholder.raw)
      continue
    }
    pieces.push(valuePiece(`${slotPrefix}.${placeholder.variable}`, placeholder.variable, values))
  }
  pushText(text.slice(at))
  return pieces
}

/** A URL button's one variable is the button's own slot (`button.0`), whatever it is called. */
function urlPieces(url: string, slotId: string, values: ParameterValues): PreviewPiece[] {
  const placeholder = placeholdersIn(url)[0]
  if (!placeholder) return [{ kind: 'text', text: url }]
  const pieces: PreviewPiece[] = []
  if (placeholder.start > 0) pieces.push({ kind: 'text', text: url.slice(0, placeholder.start) })
  pieces.push(valuePiece(slotId, placeholder.variable ?? placeholder.raw, values))
  if (placeholder.end < url.length) pieces.push({ kind: 'text', text: url.slice(placeholder.end) })
  return pieces
}

/** The message with these values, missing ones marked; the editor and the send form both show it. */
export function renderTemplate(template: TemplateDraft, values: ParameterValues): TemplatePreview {
  const { header } = template
  const footer = hasValue(template.footer) ? template.footer : null
  const buttons = template.buttons.map((button, index): PreviewButton => {
    const slotId = `button.${index}`
    switch (button.type) {
      case 'QUICK_REPLY':
        return { type: 'QUICK_REPLY', text: button.text }
      case 'URL':
        return { type: 'URL', text: button.text, url: urlPieces(button.url, slotId, values) }
      case 'PHONE_NUMBER':
        return { type: 'PHONE_NUMBER', text: button.text, phoneNumber: button.phoneNumber }
      case 'COPY_CODE':
        return { type: 'COPY_CODE', code: [valuePiece(slotId, 'code', values)] }
    }
  })
  const missing = templateParameterSlots(template).filter((slot) => !hasValue(values[slot.id]))
  return {
    header:
      header.kind === 'text'
        ? { kind: 'text', pieces: piecesOf(header.text, 'header', values) }
        : header.kind === 'media'
          ? {
              kind: 'media',
              media: header.media,
              mediaRef: values[headerMediaSlotId]?.trim() || null,
            }
          : { kind: 'none' },
    body: piecesOf(template.body.text, 'body', values),
    footer,
    buttons,
    missing,
  }
}

/** The text of filled pieces; null while any value is missing, so no placeholder leaks out. */
export function previewText(pieces: readonly PreviewPiece[]): string | null {
  let text = ''
  for (const piece of pieces) {
    if (piece.kind === 'missing') return null
    text += piece.text
  }
  return text
}

/**
 * The editor's preview values: each slot's example (and the default media), so the draft reads
 * like a real message.
 */
export function exampleValues(template: TemplateDraft): Record<string, string> {
  const values: Record<string, string> = {}
  for (const slot of templateParameterSlots(template)) {
    const example =
      slot.kind !== 'media'
        ? slot.example
        : template.header.kind === 'media'
          ? template.header.mediaRef
          : undefined
    if (hasValue(example)) values[slot.id] = example
  }
  return values
}
