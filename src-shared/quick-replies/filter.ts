/**
 * The composer's "/" list: what the owner typed after the slash narrows the quick replies.
 * Shortcut prefixes come first because that is what a practised hand types; matches inside the
 * text (or inside a shortcut) follow, for the owner who remembers the words but not the name.
 */
import { normalizeShortcut } from './shortcut'

interface Filterable {
  shortcut: string
  text: string
  order: number
}

/** Lowercase without accents, so "kredit" finds "Krédit" and "CAFE" finds "café". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

export function filterQuickReplies<T extends Filterable>(
  quickReplies: readonly T[],
  typed: string,
): T[] {
  const byOrder = [...quickReplies].sort((a, b) => a.order - b.order)
  const query = foldForSearch(normalizeShortcut(typed))
  if (query.length === 0) return byOrder
  const byShortcut: T[] = []
  const byText: T[] = []
  for (const quickReply of byOrder) {
    const shortcut = foldForSearch(normalizeShortcut(quickReply.shortcut))
    if (shortcut.startsWith(query)) byShortcut.push(quickReply)
    else if (shortcut.includes(query) || foldForSearch(quickReply.text).includes(query)) {
      byText.push(quickReply)
    }
  }
  return [...byShortcut, ...byText]
}
