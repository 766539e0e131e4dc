/**
 * The meter: spent today and this month (sums of settled ledger entries) in micro-USD and in
 * the shop's currency at the owner's rate, and where that leaves the budgets. The sum is
 * converted once, so rounding happens only at display.
 */
import { budgetUse, tightestUse, type BudgetUse } from '../../../src-shared/costs/budget-state'
import type { CostSettings } from '../../../src-shared/costs/cost-settings'
import type { Meter } from '../../../src-shared/costs/cost-views'
import { usdMicrosToMinor } from '../../../src-shared/money'
import type { OpenShop } from '../vault/vault'
import { readCostSettings } from './cost-settings-store'
import { settledTotals } from './ledger'
import { dayOf, monthKeyOf, monthPeriod } from './periods'

export function toShopMinor(usdMicros: number, settings: CostSettings): number {
  return usdMicrosToMinor(usdMicros, settings.exchangeRate.rate, settings.currency)
}

export function budgetUses(
  settings: CostSettings,
  todayMinor: number,
  monthMinor: number,
): BudgetUse[] {
  const uses: BudgetUse[] = []
  if (settings.dailyBudgetMinor !== null) {
    uses.push(budgetUse('day', settings.dailyBudgetMinor, todayMinor))
  }
  if (settings.monthlyBudgetMinor !== null) {
    uses.push(budgetUse('month', settings.monthlyBudgetMinor, monthMinor))
  }
  return uses
}

export function meterOf(shop: OpenShop, now: number): Meter {
  const settings = readCostSettings(shop)
  const month = monthPeriod(monthKeyOf(now))
  const today = dayOf(now)
  const totals = settledTotals(shop, month, today)
  const monthUsdMicros = totals.usdMicros
  const todayUsdMicros = totals.dayUsdMicros
  const unconfirmed = totals.unconfirmed
  const todayMinor = toShopMinor(todayUsdMicros, settings)
  const monthMinor = toShopMinor(monthUsdMicros, settings)
  return {
    currency: settings.currency,
    todayMinor,
    monthMinor,
    todayUsdMicros,
    monthUsdMicros,
    unconfirmed,
    budget: tightestUse(budgetUses(settings, todayMinor, monthMinor)),
  }
}
