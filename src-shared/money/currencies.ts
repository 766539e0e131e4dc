/**
 * How many decimals a currency has: by ISO 4217 for amounts we store (minor units), and as
 * people write prices for display. They differ for the rupiah: ISO keeps two decimals (sen),
 * nobody shows them.
 */

// ISO 4217 exponents other than the usual 2.
const isoExceptions: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
}

// Where everyday use shows fewer decimals than ISO stores.
const displayExceptions: Readonly<Record<string, number>> = { IDR: 0 }

/** Upper-cased ISO 4217 code; throws on anything that is not three letters. */
export function currencyCode(currency: string): string {
  const code = currency.trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(code)) throw new RangeError(`not a currency code: ${currency}`)
  return code
}

/** Decimals of the minor unit amounts are stored in (`idrMinor` is sen: Rp 690.48 is 69048). */
export function minorDigitsOf(currency: string): number {
  return isoExceptions[currencyCode(currency)] ?? 2
}

/** Decimals shown to people (0 for IDR: `Rp 690`). */
export function displayDigitsOf(currency: string): number {
  const code = currencyCode(currency)
  return displayExceptions[code] ?? minorDigitsOf(code)
}
