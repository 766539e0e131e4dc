/**
 * An order's money, exactly: prices arrive as millionths of the currency (`itemPriceMicros`),
 * so sums are integers and only formatting (src-shared/money) turns them into text.
 */
import type { OrderItem } from '../../../src-shared/whatsapp'
import { formatAmount } from '../../../src-shared/money'

export const microsScale = 6

/** Null when the items mix currencies: adding them up would be wrong. */
export function orderTotalMicros(
  items: readonly OrderItem[],
): { micros: bigint; currency: string } | null {
  const currency = items[0]?.currency
  if (currency === undefined || items.some((item) => item.currency !== currency)) return null
  const micros = items.reduce(
    (sum, item) =>
      sum + BigInt(Math.round(item.itemPriceMicros)) * BigInt(Math.round(item.quantity)),
    0n,
  )
  return { micros, currency }
}

/** `Rp 150.000`; a currency code Intl does not know is written out as it came. */
export function formatMicros(micros: bigint | number, currency: string, locale: string): string {
  const units = typeof micros === 'bigint' ? micros : BigInt(Math.round(micros))
  try {
    return formatAmount({ units, scale: microsScale }, currency, locale)
  } catch {
    const whole = Number(units) / 1_000_000
    return `${whole.toLocaleString(locale)} ${currency}`.trim()
  }
}
