/**
 * Shortcut rules. A shortcut is stored WITHOUT the leading "/" the owner types in the composer:
 * the slash is how the composer is asked for the list, not part of the name, and storing it bare
 * means "/ongkir", "ongkir" and "Ongkir" typed anywhere (composer, manager, an imported file)
 * all land on the same key.
 */

export const shortcutMaxLength = 30

/** What an owner may type as a shortcut once normalised: lowercase ASCII, digits, `_` and `-`. */
const shortcutPattern = /^[a-z0-9_-]+$/

/** Turns what the owner typed into the stored form: one leading "/" dropped, trimmed, lowercased. */
export function normalizeShortcut(typed: string): string {
  const trimmed = typed.trim()
  return (trimmed.startsWith('/') ? trimmed.slice(1) : trimmed).trim().toLowerCase()
}

/** How the composer and the manager show a stored shortcut. */
export function displayShortcut(shortcut: string): string {
  return `/${normalizeShortcut(shortcut)}`
}

export type ShortcutIssue =
  | { code: 'shortcut_empty' }
  | { code: 'shortcut_too_long'; length: number; limit: number }
  | { code: 'shortcut_characters' }
  | { code: 'shortcut_taken'; takenBy: string }

interface HasShortcut {
  id: string
  shortcut: string
}

/**
 * Every rule a shortcut breaks. `others` are the shop's other quick replies (the one being
 * edited may be among them; it is skipped by `selfId`). Uniqueness ignores case so that an
 * imported "Ongkir" cannot shadow an existing "ongkir".
 */
export function checkShortcut(
  typed: string,
  others: readonly HasShortcut[],
  selfId?: string,
): ShortcutIssue[] {
  const shortcut = normalizeShortcut(typed)
  if (shortcut.length === 0) return [{ code: 'shortcut_empty' }]
  const issues: ShortcutIssue[] = []
  if (shortcut.length > shortcutMaxLength) {
    issues.push({ code: 'shortcut_too_long', length: shortcut.length, limit: shortcutMaxLength })
  }
  if (!shortcutPattern.test(shortcut)) issues.push({ code: 'shortcut_characters' })
  const taken = others.find(
    (other) => other.id !== selfId && normalizeShortcut(other.shortcut) === shortcut,
  )
  if (taken) issues.push({ code: 'shortcut_taken', takenBy: taken.id })
  return issues
}

/**
 * A shortcut not yet used, for "duplicate": `ongkir` becomes `ongkir-2`, then `ongkir-3`, cut
 * short when needed so the result still fits the length limit.
 */
export function freeShortcut(wanted: string, others: readonly HasShortcut[]): string {
  const base = normalizeShortcut(wanted) || 'reply'
  const taken = new Set(others.map((other) => normalizeShortcut(other.shortcut)))
  if (!taken.has(base) && base.length <= shortcutMaxLength) return base
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = base.slice(0, shortcutMaxLength - suffix.length) + suffix
    if (!taken.has(candidate)) return candidate
  }
}
