/**
 * The platform's review rules, checked before submission so the editor can name every broken
 * one at once instead of waiting a day for a rejection that names only the first.
 */
import { templateLimits, type TemplateLimits } from './limits'
import {
  hasUnmatchedBraces,
  placeholdersIn,
  variablesOf,
  type ParameterStyle,
  type Placeholder,
} from './placeholders'
import { type TemplateButtonType, type TemplateDraft } from './template'

/** Components that carry variables. */
export type TextComponent = 'header' | 'body'

export type TemplateIssue =
  | { code: 'name_format'; component: 'name' }
  | { code: 'name_too_long'; component: 'name'; length: number; limit: number }
  | { code: 'name_taken'; component: 'name'; takenBy: string }
  | { code: 'language_format'; component: 'language' }
  | { code: 'header_text_empty'; component: 'header' }
  | { code: 'header_too_long'; component: 'header'; length: number; limit: number }
  | { code: 'header_too_many_variables'; component: 'header'; count: number; limit: number }
  | { code: 'body_empty'; component: 'body' }
  | { code: 'body_too_long'; component: 'body'; length: number; limit: number }
  | { code: 'footer_too_long'; component: 'footer'; length: number; limit: number }
  | { code: 'footer_has_variables'; component: 'footer' }
  | { code: 'variable_malformed'; component: TextComponent; text: string }
  | { code: 'unmatched_braces'; component: TextComponent }
  | { code: 'variables_mixed'; component: TextComponent }
  | { code: 'variable_numbers_gap'; component: TextComponent; missing: number[] }
  | { code: 'variable_numbers_order'; component: TextComponent; found: number[] }
  | { code: 'variables_adjacent'; component: TextComponent; first: string; second: string }
  | { code: 'variable_at_start'; component: 'body'; variable: string }
  | { code: 'variable_at_end'; component: 'body'; variable: string }
  | { code: 'example_missing'; component: TextComponent; variable: string }
  | { code: 'too_many_buttons'; component: 'buttons'; count: number; limit: number }
  | { code: 'quick_replies_not_grouped'; component: 'buttons' }
  | {
      code: 'too_many_buttons_of_type'
      component: 'buttons'
      type: TemplateButtonType
      count: number
      limit: number
    }
  | { code: 'button_text_empty'; component: 'buttons'; buttonIndex: number }
  | {
      code: 'button_text_too_long'
      component: 'buttons'
      buttonIndex: number
      length: number
      limit: number
    }
  | { code: 'url_invalid'; component: 'buttons'; buttonIndex: number }
  | {
      code: 'url_too_long'
      component: 'buttons'
      buttonIndex: number
      length: number
      limit: number
    }
  | { code: 'url_variable_not_at_end'; component: 'buttons'; buttonIndex: number }
  | { code: 'url_too_many_variables'; component: 'buttons'; buttonIndex: number; count: number }
  | { code: 'url_example_missing'; component: 'buttons'; buttonIndex: number }
  | { code: 'phone_number_invalid'; component: 'buttons'; buttonIndex: number }
  | { code: 'copy_code_example_missing'; component: 'buttons'; buttonIndex: number }
  | {
      code: 'copy_code_too_long'
      component: 'buttons'
      buttonIndex: number
      length: number
      limit: number
    }

export type TemplateIssueCode = TemplateIssue['code']

export interface TemplateCheckOptions {
  /** The shop's other templates: a name is unique per language. */
  others?: readonly { id: string; name: string; language: string }[]
  /** The template's own id when editing one already stored. */
  selfId?: string
  limits?: TemplateLimits
}

const namePattern = /^[a-z0-9_]+$/
/** `id`, `en_US`, `fil`, `zh_HK`: a language, then optionally a region. */
const languagePattern = /^[a-z]{2,3}(?:_[A-Z]{2,3})?$/

/** Every rule the draft breaks, in the editor's reading order; empty when it may be submitted. */
export function checkTemplate(
  template: TemplateDraft,
  options: TemplateCheckOptions = {},
): TemplateIssue[] {
  const limits = options.limits ?? templateLimits
  return [
    ...checkName(template, options, limits),
    ...(languagePattern.test(template.language)
      ? []
      : [{ code: 'language_format', component: 'language' } as const]),
    ...checkHeader(template, limits),
    ...checkBody(template, limits),
    ...checkStyles(template),
    ...checkFooter(template.footer ?? '', limits),
    ...checkButtons(template, limits),
  ]
}

function checkName(
  template: TemplateDraft,
  options: TemplateCheckOptions,
  limits: TemplateLimits,
): TemplateIssue[] {
  const issues: TemplateIssue[] = []
  const { name } = template
  if (!namePattern.test(name)) issues.push({ code: 'name_format', component: 'name' })
  if (name.length > limits.nameLength) {
    issues.push({
      code: 'name_too_long',
      component: 'name',
      length: name.length,
      limit: limits.nameLength,
    })
  }
  const taken = options.others?.find(
    (other) =>
      other.id !== options.selfId && other.name === name && other.language === template.language,
  )
  if (taken) issues.push({ code: 'name_taken', component: 'name', takenBy: taken.id })
  return issues
}

function checkHeader(template: TemplateDraft, limits: TemplateLimits): TemplateIssue[] {
  const { header } = template
  if (header.kind !== 'text') return []
  const issues: TemplateIssue[] = []
  if (header.text.trim().length === 0) {
    issues.push({ code: 'header_text_empty', component: 'header' })
  }
  if (header.text.length > limits.headerTextLength) {
    issues.push({
      code: 'header_too_long',
      component: 'header',
      length: header.text.length,
      limit: limits.headerTextLength,
    })
  }
  const placeholders = placeholdersIn(header.text)
  if (placeholders.length > limits.headerVariables) {
    issues.push({
      code: 'header_too_many_variables',
      component: 'header',
      count: placeholders.length,
      limit: limits.headerVariables,
    })
  }
  issues.push(...checkVariables('header', header.text))
  issues.push(...checkExamples('header', header.text, headerExamples(header.text, header.example)))
  return issues
}

/** The header has at most one variable, so its one example stands for each it has. */
function headerExamples(text: string, example: string | undefined): Record<string, string> {
  return Object.fromEntries(variablesOf(text).map((variable) => [variable, example ?? '']))
}

function checkBody(template: TemplateDraft, limits: TemplateLimits): TemplateIssue[] {
  const { text, examples } = template.body
  const issues: TemplateIssue[] = []
  if (text.trim().length === 0) issues.push({ code: 'body_empty', component: 'body' })
  if (text.length > limits.bodyLength) {
    issues.push({
      code: 'body_too_long',
      component: 'body',
      length: text.length,
      limit: limits.bodyLength,
    })
  }
  issues.push(...checkVariables('body', text))
  // The platform refuses a body that opens or closes on a variable: the message would read as
  // nothing but the business's data. Surrounding whitespace does not count as text.
  const trimmed = text.trim()
  const offset = text.length - text.trimStart().length
  const placeholders = placeholdersIn(text)
  const first = placeholders[0]
  const last = placeholders[placeholders.length - 1]
  if (first && first.start === offset) {
    issues.push({ code: 'variable_at_start', component: 'body', variable: first.raw })
  }
  if (last && last.end === offset + trimmed.length) {
    issues.push({ code: 'variable_at_end', component: 'body', variable: last.raw })
  }
  issues.push(...checkExamples('body', text, examples))
  return issues
}

/** Rules every text with variables obeys: well-formed, numbered 1..n in order, never adjacent. */
function checkVariables(component: TextComponent, text: string): TemplateIssue[] {
  const issues: TemplateIssue[] = []
  const placeholders = placeholdersIn(text)
  for (const placeholder of placeholders) {
    if (placeholder.style === null) {
      issues.push({ code: 'variable_malformed', component, text: placeholder.raw })
    }
  }
  if (hasUnmatchedBraces(text)) issues.push({ code: 'unmatched_braces', component })
  if (stylesIn(text).size > 1) issues.push({ code: 'variables_mixed', component })
  issues.push(...checkNumbering(component, placeholders))
  for (let i = 1; i < placeholders.length; i++) {
    const before = placeholders[i - 1]
    const after = placeholders[i]
    if (before && after && text.slice(before.end, after.start).trim().length === 0) {
      issues.push({ code: 'variables_adjacent', component, first: before.raw, second: after.raw })
    }
  }
  return issues
}

/**
 * Positional variables of one component count from 1 without gaps, and first appear in order:
 * `{{2}} ... {{1}}` is refused even though both exist. A number may repeat.
 */
function checkNumbering(component: TextComponent, placeholders: Placeholder[]): TemplateIssue[] {
  const firstAppearances: number[] = []
  for (const placeholder of placeholders) {
    if (placeholder.style !== 'positional' || placeholder.variable === null) continue
    const number = Number(placeholder.variable)
    if (!firstAppearances.includes(number)) firstAppearances.push(number)
  }
  if (firstAppearances.length === 0) return []
  const issues: TemplateIssue[] = []
  const highest = Math.max(...firstAppearances)
  const missing: number[] = []
  for (let n = 1; n <= highest; n++) if (!firstAppearances.includes(n)) missing.push(n)
  if (missing.length > 0) issues.push({ code: 'variable_numbers_gap', component, missing })
  const inOrder = firstAppearances.every((n, i) => i === 0 || n > (firstAppearances[i - 1] ?? 0))
  if (!inOrder) {
    issues.push({ code: 'variable_numbers_order', component, found: firstAppearances })
  }
  return issues
}

function checkExamples(
  component: TextComponent,
  text: string,
  examples: Readonly<Record<string, string>>,
): TemplateIssue[] {
  const seen = new Set<string>()
  const issues: TemplateIssue[] = []
  for (const placeholder of placeholdersIn(text)) {
    const variable = placeholder.variable
    if (variable === null || seen.has(variable)) continue
    seen.add(variable)
    if ((examples[variable] ?? '').trim().length === 0) {
      issues.push({ code: 'example_missing', component, variable })
    }
  }
  return issues
}

/** One style per template: the header may not use positional variables if the body is named. */
function checkStyles(template: TemplateDraft): TemplateIssue[] {
  if (template.header.kind !== 'text') return []
  const headerStyles = stylesIn(template.header.text)
  const bodyStyles = stylesIn(template.body.text)
  // A component that mixes styles by itself is already reported by checkVariables.
  if (headerStyles.size !== 1 || bodyStyles.size !== 1) return []
  const [headerStyle] = headerStyles
  const [bodyStyle] = bodyStyles
  return headerStyle === bodyStyle ? [] : [{ code: 'variables_mixed', component: 'header' }]
}

function stylesIn(text: string): Set<ParameterStyle> {
  return new Set(placeholdersIn(text).flatMap((placeholder) => placeholder.style ?? []))
}

function checkFooter(footer: string, limits: TemplateLimits): TemplateIssue[] {
  const issues: TemplateIssue[] = []
  if (footer.length > limits.footerLength) {
    issues.push({
      code: 'footer_too_long',
      component: 'footer',
      length: footer.length,
      limit: limits.footerLength,
    })
  }
  if (footer.includes('{{') || footer.includes('}}')) {
    issues.push({ code: 'footer_has_variables', component: 'footer' })
  }
  return issues
}

function checkButtons(template: TemplateDraft, limits: TemplateLimits): TemplateIssue[] {
  const { buttons } = template
  const issues: TemplateIssue[] = []
  if (buttons.length > limits.buttons) {
    issues.push({
      code: 'too_many_buttons',
      component: 'buttons',
      count: buttons.length,
      limit: limits.buttons,
    })
  }
  // Quick replies sit in one block, before or after the other buttons, never interleaved.
  let groups = 0
  let previous: boolean | null = null
  for (const button of buttons) {
    const isQuickReply = button.type === 'QUICK_REPLY'
    if (isQuickReply !== previous) groups++
    previous = isQuickReply
  }
  if (groups > 2) issues.push({ code: 'quick_replies_not_grouped', component: 'buttons' })

  const perTypeLimits: [TemplateButtonType, number][] = [
    ['URL', limits.urlButtons],
    ['PHONE_NUMBER', limits.phoneNumberButtons],
    ['COPY_CODE', limits.copyCodeButtons],
  ]
  for (const [type, limit] of perTypeLimits) {
    const count = buttons.filter((button) => button.type === type).length
    if (count > limit) {
      issues.push({ code: 'too_many_buttons_of_type', component: 'buttons', type, count, limit })
    }
  }

  buttons.forEach((button, buttonIndex) => {
    if (button.type === 'COPY_CODE') {
      const example = button.example ?? ''
      if (example.trim().length === 0) {
        issues.push({ code: 'copy_code_example_missing', component: 'buttons', buttonIndex })
      } else if (example.length > limits.copyCodeLength) {
        issues.push({
          code: 'copy_code_too_long',
          component: 'buttons',
          buttonIndex,
          length: example.length,
          limit: limits.copyCodeLength,
        })
      }
      return
    }
    if (button.text.trim().length === 0) {
      issues.push({ code: 'button_text_empty', component: 'buttons', buttonIndex })
    } else if (button.text.length > limits.buttonTextLength) {
      issues.push({
        code: 'button_text_too_long',
        component: 'buttons',
        buttonIndex,
        length: button.text.length,
        limit: limits.buttonTextLength,
      })
    }
    if (button.type === 'URL')
      issues.push(...checkUrl(button.url, button.example, buttonIndex, limits))
    if (button.type === 'PHONE_NUMBER' && !isPhoneNumber(button.phoneNumber, limits)) {
      issues.push({ code: 'phone_number_invalid', component: 'buttons', buttonIndex })
    }
  })
  return issues
}

/**
 * An https address, by hand rather than with the `URL` global, which this pure layer does not
 * assume. Host: dot-separated labels of letters, digits and hyphens; then optional port and path.
 */
const httpsUrlPattern =
  /^https:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?(?:[/?#][^\s]*)?$/i

function checkUrl(
  url: string,
  example: string | undefined,
  buttonIndex: number,
  limits: TemplateLimits,
): TemplateIssue[] {
  const issues: TemplateIssue[] = []
  if (url.length > limits.urlLength) {
    issues.push({
      code: 'url_too_long',
      component: 'buttons',
      buttonIndex,
      length: url.length,
      limit: limits.urlLength,
    })
  }
  const placeholders = placeholdersIn(url)
  if (placeholders.length > 1) {
    issues.push({
      code: 'url_too_many_variables',
      component: 'buttons',
      buttonIndex,
      count: placeholders.length,
    })
  }
  const last = placeholders[placeholders.length - 1]
  if (last && last.end !== url.length) {
    issues.push({ code: 'url_variable_not_at_end', component: 'buttons', buttonIndex })
  }
  // Judge the address with its variable filled by something harmless, so `.../{{1}}` passes.
  const filled = url.replace(/\{\{[^{}]*\}\}/g, 'x')
  const malformed = placeholders.some((placeholder) => placeholder.style === null)
  if (!httpsUrlPattern.test(filled) || hasUnmatchedBraces(url) || malformed) {
    issues.push({ code: 'url_invalid', component: 'buttons', buttonIndex })
  }
  if (placeholders.length > 0 && (example ?? '').trim().length === 0) {
    issues.push({ code: 'url_example_missing', component: 'buttons', buttonIndex })
  }
  return issues
}

/** International form: "+", country code, number; spaces and dashes allowed between digits. */
function isPhoneNumber(phoneNumber: string, limits: TemplateLimits): boolean {
  if (phoneNumber.length > limits.phoneNumberLength) return false
  return /^\+[1-9][0-9]{6,16}$/.test(phoneNumber.replace(/[\s-]/g, ''))
}
