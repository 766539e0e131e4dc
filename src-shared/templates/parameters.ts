/**
 * The parameters a template send needs, pre-filled from what Kedai knows, and the filled values
 * handed to the Cloud API send builder (src-shared/whatsapp). Missing values follow the quick
 * reply rule: listed, asked for, never sent blank or as a placeholder.
 */
import { hasValue, variableValues, type ReplyContext } from '../quick-replies/reply-context'
import { templateLimits, type TemplateLimits } from './limits'
import { placeholdersIn, variablesOf, type ParameterStyle } from './placeholders'
import { type HeaderMediaKind, type TemplateDraft } from './template'

/** One value the send form asks for; `id` keys it in the form's values. */
export type ParameterSlot =
  | { id: string; component: 'header'; kind: 'text'; variable: string; example: string | null }
  | { id: string; component: 'header'; kind: 'media'; media: HeaderMediaKind }
  | { id: string; component: 'body'; kind: 'text'; variable: string; example: string | null }
  | {
      id: string
      component: 'button'
      kind: 'url_suffix' | 'coupon_code'
      buttonIndex: number
      example: string | null
    }

/** Values typed or pre-filled in the send form, by slot id. */
export type ParameterValues = Readonly<Record<string, string>>

export const headerMediaSlotId = 'header.media'

/** Named when any variable is named; the platform wants one style, checkTemplate enforces it. */
export function parameterStyleOf(template: TemplateDraft): ParameterStyle {
  const headerText = template.header.kind === 'text' ? template.header.text : ''
  const named = [...placeholdersIn(headerText), ...placeholdersIn(template.body.text)].some(
    (placeholder) => placeholder.style === 'named',
  )
  return named ? 'named' : 'positional'
}

/** Body variables in the order the platform takes their parameters: by number, or as written. */
function bodyVariables(template: TemplateDraft): string[] {
  const variables = variablesOf(template.body.text)
  return parameterStyleOf(template) === 'positional'
    ? variables.sort((a, b) => Number(a) - Number(b))
    : variables
}

/** Every value a send of this template needs: header, body in order, then buttons. */
export function templateParameterSlots(template: TemplateDraft): ParameterSlot[] {
  const slots: ParameterSlot[] = []
  const { header } = template
  if (header.kind === 'text') {
    for (const variable of variablesOf(header.text)) {
      slots.push({
        id: `header.${variable}`,
        component: 'header',
        kind: 'text',
        variable,
        example: header.example ?? null,
      })
    }
  } else if (header.kind === 'media') {
    slots.push({ id: headerMediaSlotId, component: 'header', kind: 'media', media: header.media })
  }
  for (const variable of bodyVariables(template)) {
    slots.push({
      id: `body.${variable}`,
      component: 'body',
      kind: 'text',
      variable,
      example: template.body.examples[variable] ?? null,
    })
  }
  template.buttons.forEach((button, buttonIndex) => {
    const id = `button.${buttonIndex}`
    const example =
      button.type === 'URL' || button.type === 'COPY_CODE' ? (button.example ?? null) : null
    if (button.type === 'URL' && placeholdersIn(button.url).length > 0) {
      slots.push({ id, component: 'button', kind: 'url_suffix', buttonIndex, example })
    } else if (button.type === 'COPY_CODE') {
      slots.push({ id, component: 'button', kind: 'coupon_code', buttonIndex, example })
    }
  })
  return slots
}

/** Named variables that mean a known value under another name. */
const knownAliases: Readonly<Record<string, string>> = {
  customer_name: 'name',
  shop_name: 'shop',
  date: 'today',
  total: 'order_total',
}

export interface Prefill {
  values: Record<string, string>
  /** Slots Kedai could not fill: the form asks the owner for these. */
  missing: ParameterSlot[]
}

/**
 * The send form's starting values. For each slot, in order: a value the owner already typed for
 * this slot (`context.custom['body.1']`), the known value the template maps it to (`fillFrom`),
 * a named variable's own name (`{{first_name}}`, or a custom value typed under that name), then a
 * known alias. A media header starts with the template's default media.
 */
export function prefillTemplateParameters(template: TemplateDraft, context: ReplyContext): Prefill {
  const known = variableValues(context)
  const values: Record<string, string> = {}
  const missing: ParameterSlot[] = []
  for (const slot of templateParameterSlots(template)) {
    const value = prefillOne(template, slot, known)
    if (hasValue(value)) values[slot.id] = value
    else missing.push(slot)
  }
  return { values, missing }
}

function prefillOne(
  template: TemplateDraft,
  slot: ParameterSlot,
  known: ReadonlyMap<string, string>,
): string | undefined {
  const typed = known.get(slot.id)
  if (typed !== undefined) return typed
  if (slot.kind === 'media') {
    return template.header.kind === 'media' ? template.header.mediaRef : undefined
  }
  const mapped = template.fillFrom?.[slot.id]
  if (mapped !== undefined) return known.get(mapped)
  if (slot.kind === 'text' && !/^[0-9]+$/.test(slot.variable)) {
    const alias = knownAliases[slot.variable]
    return known.get(slot.variable) ?? (alias === undefined ? undefined : known.get(alias))
  }
  return undefined
}

/**
 * Every parameter, filled, in the platform's order. Shaped like the Cloud API send builder's
 * input (`TemplateSend` in src-shared/whatsapp) less the address, with media still as Kedai's
 * own reference: core resolves it to an uploaded media id (see send-values.ts).
 */
export interface FilledTemplateParameters {
  name: string
  language: string
  style: ParameterStyle
  /** Absent when the header needs no parameter (no header, or text without a variable). */
  header?:
    | { type: 'text'; text: string; parameterName?: string }
    | { type: HeaderMediaKind; mediaRef: string }
  /** A list in number order for positional templates; name to value for named ones. */
  body: string[] | Record<string, string>
  buttons: (
    | { type: 'url'; index: number; text: string }
    | { type: 'copyCode'; index: number; couponCode: string }
  )[]
}

export type ParameterProblem =
  | { code: 'missing'; slot: ParameterSlot }
  /** The platform refuses new lines and tabs in text parameters (error 132018). */
  | { code: 'line_break'; slot: ParameterSlot }
  /** ...and more than 4 consecutive spaces (error 132018). */
  | { code: 'too_many_spaces'; slot: ParameterSlot }
  | { code: 'too_long'; slot: ParameterSlot; length: number; limit: number }

export type TemplateFill =
  { ok: true; parameters: FilledTemplateParameters } | { ok: false; problems: ParameterProblem[] }

/** Checks the form's values and, when all are good, shapes them for the send builder. */
export function fillTemplateParameters(
  template: TemplateDraft,
  values: ParameterValues,
  limits: TemplateLimits = templateLimits,
): TemplateFill {
  const style = parameterStyleOf(template)
  const problems: ParameterProblem[] = []
  let header: FilledTemplateParameters['header']
  const positional: string[] = []
  const named: Record<string, string> = {}
  const buttons: FilledTemplateParameters['buttons'] = []

  for (const slot of templateParameterSlots(template)) {
    const value = values[slot.id]?.trim()
    if (!hasValue(value)) {
      problems.push({ code: 'missing', slot })
      continue
    }
    const limit = slotLimit(template, slot, limits)
    if (value.length > limit) problems.push({ code: 'too_long', slot, length: value.length, limit })
    if (slot.kind === 'text') {
      if (/[\n\r\t]/.test(value)) problems.push({ code: 'line_break', slot })
      if (/ {5}/.test(value)) problems.push({ code: 'too_many_spaces', slot })
    }
    switch (slot.kind) {
      case 'media':
        header = { type: slot.media, mediaRef: value }
        break
      case 'text':
        if (slot.component === 'header') {
          header =
            style === 'named'
              ? { type: 'text', text: value, parameterName: slot.variable }
              : { type: 'text', text: value }
        } else if (style === 'named') {
          named[slot.variable] = value
        } else {
          positional.push(value)
        }
        break
      case 'url_suffix':
        buttons.push({ type: 'url', index: slot.buttonIndex, text: value })
        break
      case 'coupon_code':
        buttons.push({ type: 'copyCode', index: slot.buttonIndex, couponCode: value })
        break
      default: {
        const unreachable: never = slot
        throw new Error(`Unknown parameter slot ${JSON.stringify(unreachable)}`)
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems }
  const parameters: FilledTemplateParameters = {
    name: template.name,
    language: template.language,
    style,
    body: style === 'named' ? named : positional,
    buttons,
  }
  if (header) parameters.header = header
  return { ok: true, parameters }
}

function slotLimit(template: TemplateDraft, slot: ParameterSlot, limits: TemplateLimits): number {
  switch (slot.kind) {
    case 'media':
      return Number.POSITIVE_INFINITY
    case 'text': {
      if (slot.component === 'header') return limits.headerParameterLength
      const bodyOnly =
        template.header.kind === 'none' &&
        !hasValue(template.footer) &&
        template.buttons.length === 0
      return bodyOnly ? limits.bodyOnlyParameterLength : limits.bodyParameterLength
    }
    case 'url_suffix': {
      const button = template.buttons[slot.buttonIndex]
      const base = button?.type === 'URL' ? button.url.replace(/\{\{[^{}]*\}\}/g, '') : ''
      return limits.urlLength - base.length
    }
    case 'coupon_code':
      return limits.copyCodeLength
  }
}
