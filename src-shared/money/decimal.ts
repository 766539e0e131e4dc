/**
 * Exact decimal amounts as a bigint count of 10^-scale units, so converting and rounding money
 * never goes through a binary float (where 1.005 * 100 is 100.49999999999999).
 */

export interface DecimalAmount {
  /** The value times 10^scale. */
  units: bigint
  scale: number
}

/** `16800`, `16800.55`, `0.0411`: plain digits with an optional point; null for anything else. */
export function parseDecimal(text: string): DecimalAmount | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim())
  if (!match) return null
  const [, sign = '', whole = '', fraction = ''] = match
  if (whole === '' && fraction === '') return null
  const units = BigInt((whole || '0') + fraction)
  return { units: sign === '-' ? -units : units, scale: fraction.length }
}

const ten = 10n

function pow10(exponent: number): bigint {
  return ten ** BigInt(exponent)
}

/**
 * `amount` at `scale` digits, rounding half up (away from zero, as people round money and as
 * `Intl.NumberFormat` does by default).
 */
export function roundHalfUp(amount: DecimalAmount, scale: number): DecimalAmount {
  if (scale >= amount.scale) {
    return { units: amount.units * pow10(scale - amount.scale), scale }
  }
  const divisor = pow10(amount.scale - scale)
  const magnitude = amount.units < 0n ? -amount.units : amount.units
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n)
  return { units: amount.units < 0n ? -rounded : rounded, scale }
}

/** Plain decimal text (`690.48`, `-0.0411`) that `Intl.NumberFormat` formats exactly. */
export function decimalToString(amount: DecimalAmount): string {
  const negative = amount.units < 0n
  const digits = (negative ? -amount.units : amount.units)
    .toString()
    .padStart(amount.scale + 1, '0')
  const whole = digits.slice(0, digits.length - amount.scale)
  const fraction = amount.scale > 0 ? `.${digits.slice(digits.length - amount.scale)}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}

/** The amount as a JavaScript number of units, refusing what a number cannot hold exactly. */
export function toSafeInteger(units: bigint): number {
  if (units > BigInt(Number.MAX_SAFE_INTEGER) || units < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`amount ${units} is beyond what a number holds exactly`)
  }
  return Number(units)
}
