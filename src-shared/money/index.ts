export { type DecimalAmount, decimalToString, parseDecimal, roundHalfUp } from './decimal'
export { currencyCode, displayDigitsOf, minorDigitsOf } from './currencies'
export {
  type ExchangeRate,
  convertUsdMicros,
  exchangeRateSchema,
  usdMicrosToMinor,
} from './exchange'
export { formatAmount, formatMinor, formatUsdMicros } from './format-money'
