/**
 * Filling a quick reply's variables. The result is either text ready to send or the list of
 * variables still missing: a raw `{{placeholder}}` must never reach a customer.
 */
import { hasValue, variableValues, type ReplyContext } from './reply-context'

/** The platform's limit for a text message body (Cloud API `text.body`). */
export const textMessageLimit = 4096

/**
 * A variable is `{{word}}` where a word is letters (any script), digits and `_`, with optional
 * spaces inside the braces. Anything else (`{{`, `{{two words}}`, `{name}`) stays literal text.
 */
const variablePattern = /\{\{\s*([\p{L}\p{N}_]+)\s*\}\}/gu

/** Variable names are case-insensitive: `{{Name}}` and `{{name}}` are one variable. */
function variableKey(raw: string): string {
  return raw.toLowerCase()
}

/** The variables a text uses, each once, in order of first appearance, lowercased. */
export function variablesIn(text: string): string[] {
  const seen = new Set<string>()
  for (const match of text.matchAll(variablePattern)) seen.add(variableKey(match[1] ?? ''))
  return [...seen]
}

/**
 * Length as the platform counts it, in UTF-16 code units. An emoji counts 2: counting code
 * points instead could pass a text the platform refuses, and this errs on the safe side.
 */
export function messageLength(text: string): number {
  return text.length
}

/**
 * The length the text has at least once expanded: its literal parts. Lets the manager refuse a
 * text that can never fit before anyone tries to send it.
 */
export function literalLength(text: string): number {
  return messageLength(text.replace(variablePattern, ''))
}

export type Expansion =
  | { ok: true; text: string; length: number; limit: number }
  | { ok: false; problem: 'missing_values'; missing: string[] }
  | { ok: false; problem: 'too_long'; text: string; length: number; limit: number }

/**
 * Fills every variable of `text` from the context in one pass (a value that itself looks like
 * `{{x}}` is inserted as it is, never expanded again), then checks the limit on the result.
 */
export function expandVariables(
  text: string,
  context: ReplyContext,
  limit: number = textMessageLimit,
): Expansion {
  return expandWith(text, variableValues(context), limit)
}

/** The same, from values already gathered (so a caller filling many texts derives them once). */
export function expandWith(
  text: string,
  values: ReadonlyMap<string, string>,
  limit: number = textMessageLimit,
): Expansion {
  const missing = variablesIn(text).filter((variable) => !hasValue(values.get(variable)))
  if (missing.length > 0) return { ok: false, problem: 'missing_values', missing }
  const expanded = text.replace(
    variablePattern,
    (_whole, raw: string) => values.get(variableKey(raw)) ?? '',
  )
  const length = messageLength(expanded)
  if (length > limit) return { ok: false, problem: 'too_long', text: expanded, length, limit }
  return { ok: true, text: expanded, length, limit }
}
