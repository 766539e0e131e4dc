/**
 * Money for people, via `Intl.NumberFormat` fed exact decimal text: we round (half up) to the
 * digits shown, so Intl never rounds a float of its own.
 */
import { type DecimalAmount, decimalToString, roundHalfUp } from './decimal'
import { currencyCode, displayDigitsOf, minorDigitsOf } from './currencies'

type DecimalText = `${number}`

function formatDecimal(
  amount: DecimalAmount,
  currency: string,
  locale: string | undefined,
  minDigits: number,
  maxDigits: number,
): string {
  const rounded = roundHalfUp(amount, maxDigits)
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currencyCode(currency),
    minimumFractionDigits: minDigits,
    maximumFractionDigits: maxDigits,
  })
  return formatter.format(decimalToString(rounded) as DecimalText)
}

/** An exact amount (major units, any scale) as the shop shows it: `Rp 690`. */
export function formatAmount(
  amount: DecimalAmount,
  currency: string,
  locale?: string,
  fractionDigits: number = displayDigitsOf(currency),
): string {
  return formatDecimal(amount, currency, locale, fractionDigits, fractionDigits)
}

/** Stored minor units as the shop shows them: 69048 IDR minor is `Rp 690`. */
export function formatMinor(
  minor: number | bigint,
  currency: string,
  locale?: string,
  fractionDigits: number = displayDigitsOf(currency),
): string {
  return formatAmount(
    { units: BigInt(minor), scale: minorDigitsOf(currency) },
    currency,
    locale,
    fractionDigits,
  )
}

/**
 * A USD amount from micro-USD. Meta's prices have four decimals ($0.0411), so up to four are
 * shown and at least two (`$1.50`, `$0.0411`).
 */
export function formatUsdMicros(
  usdMicros: number | bigint,
  locale?: string,
  maxDigits = 4,
): string {
  return formatDecimal({ units: BigInt(usdMicros), scale: 6 }, 'USD', locale, 2, maxDigits)
}
