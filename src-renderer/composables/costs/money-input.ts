/**
 * Amounts the owner types (`25000`, `1500.50`) to minor units and back, exactly: budgets and the
 * SMS rate are kept in minor units of the shop's currency.
 */
import {
  decimalToString,
  minorDigitsOf,
  parseDecimal,
  roundHalfUp,
} from '../../../src-shared/money'

/** Null for an empty field; undefined for text that is not an amount. */
export function minorOfTyped(text: string, currency: string): number | null | undefined {
  const trimmed = text.trim().replace(/[\s.](?=\d{3}(\D|$))/g, '')
  if (trimmed === '') return null
  const amount = parseDecimal(trimmed.replace(',', '.'))
  if (!amount || amount.units < 0n) return undefined
  // Rounded to the minor unit: its units are the minor units.
  const minor = roundHalfUp(amount, minorDigitsOf(currency)).units
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(minor)
}

export function typedOfMinor(minor: number | null, currency: string): string {
  if (minor === null) return ''
  const text = decimalToString({ units: BigInt(minor), scale: minorDigitsOf(currency) })
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** A file the browser saves: the ledger's CSV. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.hidden = true
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
