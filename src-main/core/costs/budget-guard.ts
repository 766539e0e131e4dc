/**
 * Budgets stop what costs money, never what is free: at 100 % of the day's or the month's
 * budget a charged message is refused with BUDGET_EXCEEDED unless the owner overrides, and the
 * override is written to the ledger with the message.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { formatMinor } from '../../../src-shared/money'
import type { PriceQuote } from '../../../src-shared/pricing'
import type { OpenShop } from '../vault/vault'
import { meterOf } from './meter'

/** A charged message with an unknown rate still costs money: it is held like any other. */
export function costsMoney(quote: PriceQuote): boolean {
  return quote.charged && (quote.usdMicros === null || quote.usdMicros > 0)
}

/** Whether a budget is used up now; the message's own price does not count until it is sent. */
export function budgetBlocks(shop: OpenShop, quote: PriceQuote, now: number): boolean {
  if (!costsMoney(quote)) return false
  return meterOf(shop, now).budget?.level === 'exceeded'
}

/**
 * Throws BUDGET_EXCEEDED when a budget is used up and the owner did not override; returns
 * whether this send is an override to record.
 */
export function guardBudget(
  shop: OpenShop,
  quote: PriceQuote,
  now: number,
  overrideBudget: boolean,
): boolean {
  if (!costsMoney(quote)) return false
  const meter = meterOf(shop, now)
  const budget = meter.budget
  if (budget?.level !== 'exceeded') return false
  if (overrideBudget) return true
  // Rupiah reads as people write it (Rp 1.260); other currencies in English form.
  const locale = meter.currency === 'IDR' ? 'id-ID' : 'en'
  const spent = formatMinor(budget.spentMinor, meter.currency, locale)
  const limit = formatMinor(budget.budgetMinor, meter.currency, locale)
  throw new BridgeFailure(
    'BUDGET_EXCEEDED',
    budget.period === 'day'
      ? `Today's budget is used up (${spent} of ${limit}). This message costs money, so it needs your explicit go-ahead; free messages still go out.`
      : `This month's budget is used up (${spent} of ${limit}). This message costs money, so it needs your explicit go-ahead; free messages still go out.`,
  )
}
