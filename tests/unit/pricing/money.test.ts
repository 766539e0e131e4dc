import { describe, expect, it } from 'vitest'
import {
  convertUsdMicros,
  decimalToString,
  exchangeRateSchema,
  formatAmount,
  formatMinor,
  formatUsdMicros,
  minorDigitsOf,
  roundHalfUp,
  usdMicrosToMinor,
} from '../../../src-shared/money'

const nbsp = /\s/g
const plain = (text: string) => text.replace(nbsp, ' ')

describe('converting micro-USD to the shop’s currency', () => {
  it('turns 0.0411 USD at 16,800 IDR/USD into Rp 690.48, shown as Rp 690', () => {
    const exact = convertUsdMicros(41_100, 16_800)
    expect(decimalToString(exact)).toBe('690.480000')
    const idrMinor = usdMicrosToMinor(41_100, 16_800, 'IDR')
    expect(idrMinor).toBe(69_048)
    expect(plain(formatMinor(idrMinor, 'IDR', 'id-ID'))).toBe('Rp 690')
    expect(plain(formatAmount(exact, 'IDR', 'id-ID'))).toBe('Rp 690')
  })

  it('has no float drift', () => {
    // 1.005 * 100 is 100.49999999999999 in floating point; exactly it is 100.5, which rounds up.
    expect(1.005 * 100).toBeLessThan(100.5)
    expect(usdMicrosToMinor(1_000_000, '1.005', 'SGD')).toBe(101)
    // A thousand 0.0411 USD messages are exactly 41.1 USD: Rp 691,941.105, so 69,194,110.5 sen,
    // which rounds up to the sen.
    const total = Array.from({ length: 1000 }, () => 41_100).reduce((a, b) => a + b, 0)
    expect(usdMicrosToMinor(total, '16835.55', 'IDR')).toBe(69_194_111)
    expect(plain(formatMinor(69_194_111, 'IDR', 'id-ID'))).toBe('Rp 691.941')
  })

  it('rounds half up only where it must, and away from zero', () => {
    expect(roundHalfUp({ units: 69_048n, scale: 2 }, 0)).toEqual({ units: 690n, scale: 0 })
    expect(roundHalfUp({ units: 69_050n, scale: 2 }, 0)).toEqual({ units: 691n, scale: 0 })
    expect(roundHalfUp({ units: -69_050n, scale: 2 }, 0)).toEqual({ units: -691n, scale: 0 })
    expect(plain(formatMinor(69_050, 'IDR', 'id-ID'))).toBe('Rp 691')
  })

  it('stays exact beyond what a float holds', () => {
    const exact = convertUsdMicros(9_007_199_254_740_991n, '16800.123456')
    expect(decimalToString(exact)).toBe('151322059472439.842103784896')
  })

  it('accepts rates as integers or decimal text, nothing else', () => {
    expect(exchangeRateSchema.safeParse(16_800).success).toBe(true)
    expect(exchangeRateSchema.safeParse('16835.50').success).toBe(true)
    expect(exchangeRateSchema.safeParse(16_835.5).success).toBe(false)
    expect(exchangeRateSchema.safeParse('16,800').success).toBe(false)
    expect(exchangeRateSchema.safeParse('0').success).toBe(false)
    expect(() => usdMicrosToMinor(1, 'abc', 'IDR')).toThrow(RangeError)
    expect(() => usdMicrosToMinor(0.5, 1, 'IDR')).toThrow(RangeError)
  })

  it('knows the currencies’ minor units', () => {
    expect(minorDigitsOf('IDR')).toBe(2)
    expect(minorDigitsOf('jpy')).toBe(0)
    expect(minorDigitsOf('KWD')).toBe(3)
    expect(usdMicrosToMinor(41_100, 150, 'JPY')).toBe(6)
  })
})

describe('formatting', () => {
  it('shows USD prices with up to four decimals', () => {
    expect(formatUsdMicros(41_100, 'en-US')).toBe('$0.0411')
    expect(formatUsdMicros(1_500_000, 'en-US')).toBe('$1.50')
    expect(formatUsdMicros(66_100, 'en-US')).toBe('$0.0661')
    expect(formatUsdMicros(12_345_678, 'en-US', 2)).toBe('$12.35')
  })

  it('shows rupiah without decimals in both languages', () => {
    expect(plain(formatMinor(123_456_789, 'IDR', 'id-ID'))).toBe('Rp 1.234.568')
    expect(plain(formatMinor(123_456_789, 'IDR', 'en-US'))).toBe('IDR 1,234,568')
  })
})
