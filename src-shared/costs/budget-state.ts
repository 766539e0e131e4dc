/**
 * Where the shop stands against its budgets: fine, warned (80 % or more spent) or stopped (the
 * budget is used up, so anything that costs money needs an explicit override). Pure, in the
 * shop's currency minor units.
 */
import { budgetWarningPercent } from './cost-settings'

export type BudgetLevel = 'ok' | 'warning' | 'exceeded'

export interface BudgetUse {
  period: 'day' | 'month'
  budgetMinor: number
  spentMinor: number
  /** Never below zero: past the budget nothing is left. */
  leftMinor: number
  level: BudgetLevel
}

export function budgetUse(
  period: 'day' | 'month',
  budgetMinor: number,
  spentMinor: number,
): BudgetUse {
  const level: BudgetLevel =
    spentMinor >= budgetMinor
      ? 'exceeded'
      : spentMinor * 100 >= budgetMinor * budgetWarningPercent
        ? 'warning'
        : 'ok'
  return {
    period,
    budgetMinor,
    spentMinor,
    leftMinor: Math.max(0, budgetMinor - spentMinor),
    level,
  }
}

const rank: Record<BudgetLevel, number> = { ok: 0, warning: 1, exceeded: 2 }

/** The tighter of the day's and the month's budgets decides what the meter shows. */
export function tightestUse(uses: readonly BudgetUse[]): BudgetUse | null {
  let worst: BudgetUse | null = null
  for (const use of uses) {
    if (
      !worst ||
      rank[use.level] > rank[worst.level] ||
      (rank[use.level] === rank[worst.level] && use.leftMinor < worst.leftMinor)
    ) {
      worst = use
    }
  }
  return worst
}
