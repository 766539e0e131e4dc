/**
 * Reading the `{{...}}` placeholders of a template's text the way the platform does: strictly.
 * Unlike quick replies (where Kedai is the only reader and forgives spaces), anything here that
 * is not exactly `{{1}}` or `{{lower_snake}}` is a mistake the editor must name.
 */

export type ParameterStyle = 'positional' | 'named'

export interface Placeholder {
  /** As written, e.g. `{{1}}`. */
  raw: string
  start: number
  end: number
  /** `1` or `order_id`; null when malformed. */
  variable: string | null
  style: ParameterStyle | null
}

const placeholderPattern = /\{\{([^{}]*)\}\}/g
const positionalName = /^[1-9][0-9]*$/
/** Named parameters: lowercase letters, digits and underscores, starting with a letter. */
const namedName = /^[a-z][a-z0-9_]*$/

export function placeholdersIn(text: string): Placeholder[] {
  return [...text.matchAll(placeholderPattern)].map((match) => {
    const inner = match[1] ?? ''
    const style: ParameterStyle | null = positionalName.test(inner)
      ? 'positional'
      : namedName.test(inner)
        ? 'named'
        : null
    const start = match.index
    return {
      raw: match[0],
      start,
      end: start + match[0].length,
      variable: style ? inner : null,
      style,
    }
  })
}

/** True when `{{` or `}}` is left over once the placeholders are taken out. */
export function hasUnmatchedBraces(text: string): boolean {
  const rest = text.replace(placeholderPattern, '')
  return rest.includes('{{') || rest.includes('}}')
}

/** Each well-formed variable once, in order of first appearance. */
export function variablesOf(text: string): string[] {
  const seen = new Set<string>()
  for (const placeholder of placeholdersIn(text)) {
    if (placeholder.variable !== null) seen.add(placeholder.variable)
  }
  return [...seen]
}
