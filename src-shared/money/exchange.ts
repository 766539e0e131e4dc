/**
 * Prices are micro-USD; the shop thinks in its own currency. The owner enters how much one US
 * dollar is worth (`16800`, or `16835.50` as text), and conversion is exact integer arithmetic.
 */
import { z } from 'zod'
import { type DecimalAmount, parseDecimal, roundHalfUp, toSafeInteger } from './decimal'
import { minorDigitsOf } from './currencies'

const usdMicrosScale = 6

/**
 * Units of the shop's currency per US dollar: a positive integer, or a decimal written as text
 * (a decimal number would already be a binary float).
 */
export type ExchangeRate = number | string

export const exchangeRateSchema = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,12})?$/, 'a number such as 16800 or 16835.50')
    .refine((text) => /[1-9]/.test(text), 'must be more than zero'),
])

function rateAsDecimal(rate: ExchangeRate): DecimalAmount {
  const parsed = exchangeRateSchema.safeParse(rate)
  if (!parsed.success) throw new RangeError(`not an exchange rate: ${String(rate)}`)
  const decimal = parseDecimal(String(parsed.data))
  if (decimal === null) throw new RangeError(`not an exchange rate: ${String(rate)}`)
  return decimal
}

function usdMicrosAsBigInt(usdMicros: number | bigint): bigint {
  if (typeof usdMicros === 'number' && !Number.isSafeInteger(usdMicros)) {
    throw new RangeError(`usdMicros must be an integer, got ${usdMicros}`)
  }
  return BigInt(usdMicros)
}

/** The exact amount in the shop's currency (major units), before any rounding. */
export function convertUsdMicros(usdMicros: number | bigint, rate: ExchangeRate): DecimalAmount {
  const decimal = rateAsDecimal(rate)
  return {
    units: usdMicrosAsBigInt(usdMicros) * decimal.units,
    scale: usdMicrosScale + decimal.scale,
  }
}

/**
 * Minor units of `currency` (sen for IDR) for storing in the ledger, rounded half up to the minor
 * unit: below what is ever shown for the rupiah, so the owner only sees display rounding.
 */
export function usdMicrosToMinor(
  usdMicros: number | bigint,
  rate: ExchangeRate,
  currency: string,
): number {
  const exact = convertUsdMicros(usdMicros, rate)
  return toSafeInteger(roundHalfUp(exact, minorDigitsOf(currency)).units)
}
