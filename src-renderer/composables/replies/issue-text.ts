/**
 * The owner's words for a broken rule, by its code (the shared rules' codes: quick replies in
 * src-shared/quick-replies, templates in src-shared/templates/check-template.ts).
 */
import { useI18n } from 'vue-i18n'
import type { RuleIssue } from '../../../src-shared/bridge/features/replies'

const templateIssueCodes = new Set([
  'name_format',
  'name_too_long',
  'name_taken',
  'language_format',
  'header_text_empty',
  'header_too_long',
  'header_too_many_variables',
  'body_empty',
  'body_too_long',
  'footer_too_long',
  'footer_has_variables',
  'variable_malformed',
  'unmatched_braces',
  'variables_mixed',
  'variable_numbers_gap',
  'variable_numbers_order',
  'variables_adjacent',
  'variable_at_start',
  'variable_at_end',
  'example_missing',
  'too_many_buttons',
  'quick_replies_not_grouped',
  'too_many_buttons_of_type',
  'button_text_empty',
  'button_text_too_long',
  'url_invalid',
  'url_too_long',
  'url_variable_not_at_end',
  'url_too_many_variables',
  'url_example_missing',
  'phone_number_invalid',
  'copy_code_example_missing',
  'copy_code_too_long',
])

const quickIssueCodes = new Set([
  'shortcut_empty',
  'shortcut_too_long',
  'shortcut_characters',
  'shortcut_taken',
  'text_empty',
  'text_too_long',
  'duplicate_in_file',
  'item_invalid',
])

/** A figure or word the rule gave; anything else (never expected) reads as nothing. */
const word = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : ''
/** A variable as the owner writes it in a template: `{{1}}`, `{{order_id}}`. */
const braced = (value: unknown) => `{{${word(value)}}}`

export function useIssueText() {
  const { t } = useI18n()

  function templateIssue(issue: RuleIssue): string {
    if (!templateIssueCodes.has(issue.code))
      return t('templates.issues.unknown', { code: issue.code })
    const component =
      issue.component === 'header' || issue.component === 'body'
        ? t(`templates.components.${issue.component}`)
        : ''
    const list = (value: unknown) =>
      Array.isArray(value) ? value.map((n) => braced(n)).join(', ') : ''
    return t(`templates.issues.${issue.code}`, {
      ...issue,
      component,
      number: typeof issue.buttonIndex === 'number' ? issue.buttonIndex + 1 : '',
      // At start and end the rule gives the placeholder as written; elsewhere its name.
      variable:
        issue.variable === undefined
          ? ''
          : issue.code === 'example_missing'
            ? braced(issue.variable)
            : word(issue.variable),
      first: word(issue.first),
      second: word(issue.second),
      missing: list(issue.missing),
      found: list(issue.found),
      example: '{{1}}',
      open: '{{',
      close: '}}',
    })
  }

  function quickIssue(issue: RuleIssue): string {
    if (!quickIssueCodes.has(issue.code)) return issue.code
    return t(`templates.quickIssues.${issue.code}`, {
      ...issue,
      firstIndex: typeof issue.firstIndex === 'number' ? issue.firstIndex + 1 : '',
    })
  }

  return { templateIssue, quickIssue }
}
