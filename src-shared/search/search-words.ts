/**
 * The words search knows: text folded to lower case without accents (so "kopi", "Kopi" and
 * "kópi" are one word), split into words of letters or digits. Core's index and the renderer's
 * highlighting both use these rules, so what is found is what is highlighted.
 *
 * Numbers stay whole across the separators people type inside them: "150.000", "150,000" and
 * "0812-3456-7890" are one word each ("150000", "081234567890"). Letters and digits are split
 * ("Rp150.000" is "rp" and "150000"), so a search for an amount finds it however it was written.
 * An apostrophe inside a word is dropped ("don't" is "dont").
 */

export interface SearchWord {
  /** The folded word. */
  word: string
  /** Where it is in the original text (UTF-16 offsets, end exclusive). */
  start: number
  end: number
}

const foldedCache = new Map<string, string>()
const wordCharacter = /^[\p{L}\p{N}]+$/u
const digit = /^\p{Nd}$/u

/** One character folded: lower case, accents and other combining marks removed. */
function fold(character: string): string {
  const code = character.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : character
  let folded = foldedCache.get(character)
  if (folded === undefined) {
    folded = character
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
    if (!wordCharacter.test(folded)) folded = ''
    if (foldedCache.size < 10_000) foldedCache.set(character, folded)
  }
  return folded
}

type Kind = 'letter' | 'digit' | 'other'

function kindOf(folded: string): Kind {
  if (folded === '') return 'other'
  const code = folded.charCodeAt(0)
  if (code < 128) {
    if (code >= 48 && code <= 57) return 'digit'
    if (code >= 97 && code <= 122) return 'letter'
    return 'other'
  }
  return digit.test(folded[0]!) ? 'digit' : 'letter'
}

const numberJoiners = new Set(['.', ',', '-'])
const wordJoiners = new Set(["'", '\u2019'])

/** The words of a text, with where each one is. */
export function searchWords(text: string): SearchWord[] {
  const words: SearchWord[] = []
  let word = ''
  let kind: Kind = 'other'
  let start = 0
  let end = 0
  const finish = () => {
    if (word !== '') words.push({ word, start, end })
    word = ''
    kind = 'other'
  }
  let index = 0
  while (index < text.length) {
    const code = text.codePointAt(index)!
    const character = String.fromCodePoint(code)
    const width = character.length
    const folded = fold(character)
    const next = kindOf(folded)
    if (next === 'other') {
      // A separator inside a number or an apostrophe inside a word joins the two halves.
      const after = index + width < text.length ? fold(text[index + width]!) : ''
      const afterKind = kindOf(after)
      const joins =
        (kind === 'digit' && afterKind === 'digit' && numberJoiners.has(character)) ||
        (kind === 'letter' && afterKind === 'letter' && wordJoiners.has(character))
      if (!joins) finish()
    } else {
      if (next !== kind && word !== '') finish()
      if (word === '') start = index
      word += folded
      kind = next
      end = index + width
    }
    index += width
  }
  finish()
  return words
}

/** The distinct folded words of a text, for the index. */
export function distinctWords(text: string): string[] {
  return [...new Set(searchWords(text).map((found) => found.word))]
}

export interface SearchQuery {
  /** Each must begin a word of a match (all of them: AND). */
  prefixes: string[]
  /**
   * The digits of a query that looks like a phone number ("+62 812-3456", "0812 3456"), matched
   * as one number against customers' numbers; null for other queries.
   */
  phoneDigits: string | null
}

/** What a typed query asks for; an empty one asks for nothing. */
export function parseSearchQuery(query: string): SearchQuery {
  const prefixes = distinctWords(query).slice(0, 8)
  const trimmed = query.trim()
  const digits = trimmed.replace(/\D/g, '')
  const phoneDigits = /^\+?[\d\s\-.()]+$/.test(trimmed) && digits.length >= 3 ? digits : null
  return { prefixes, phoneDigits }
}

export function isEmptyQuery(query: SearchQuery): boolean {
  return query.prefixes.length === 0 && query.phoneDigits === null
}

/**
 * The words a customer's number is found by: its digits in international form ("6281234567890")
 * and as people at home write it ("081234567890", "81234567890").
 */
export function phoneNumberWords(
  phone: string,
  nationalNumber: string | null,
  nationalPrefix = '0',
): string[] {
  const digits = phone.replace(/\D/g, '')
  if (digits === '') return []
  const words = [digits]
  if (nationalNumber && nationalNumber !== digits) {
    words.push(nationalNumber, `${nationalPrefix}${nationalNumber}`)
  }
  return words
}

export interface TextRange {
  start: number
  end: number
}

/** Where a text has words that the query's words begin (for highlighting). */
export function matchRanges(text: string, query: SearchQuery): TextRange[] {
  if (query.prefixes.length === 0) return []
  return searchWords(text)
    .filter((found) => query.prefixes.some((prefix) => found.word.startsWith(prefix)))
    .map(({ start, end }) => ({ start, end }))
}

/** A text cut into plain and matched parts, for showing with highlights as text. */
export function highlightParts(
  text: string,
  ranges: readonly TextRange[],
): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = []
  let at = 0
  for (const range of ranges) {
    if (range.start < at) continue
    if (range.start > at) parts.push({ text: text.slice(at, range.start), match: false })
    parts.push({ text: text.slice(range.start, range.end), match: true })
    at = range.end
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return parts
}

/**
 * A short piece of a long text around its first match, so a hit deep in a long message shows
 * the words that matched. Cut at word boundaries, marked with "…".
 */
export function snippetAround(text: string, query: SearchQuery, maximum = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= maximum) return flat
  const first = matchRanges(flat, query)[0]
  const centre = first ? first.start : 0
  let start = Math.max(0, centre - Math.floor(maximum / 3))
  if (start > 0) {
    const space = flat.indexOf(' ', start)
    start = space !== -1 && space < centre ? space + 1 : start
  }
  let end = Math.min(flat.length, start + maximum)
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end)
    end = space > start ? space : end
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}
