import { describe, expect, it } from 'vitest'
import { budgetUse, tightestUse } from '../../../src-shared/costs/budget-state'
import { costSettingsSchema, defaultCostSettings } from '../../../src-shared/costs/cost-settings'

describe('budget use', () => {
  it('is ok below 80 %, a warning from 80 %, exceeded at 100 %', () => {
    expect(budgetUse('month', 1000, 799).level).toBe('ok')
    expect(budgetUse('month', 1000, 800).level).toBe('warning')
    expect(budgetUse('month', 1000, 999).level).toBe('warning')
    expect(budgetUse('month', 1000, 1000)).toMatchObject({ level: 'exceeded', leftMinor: 0 })
    expect(budgetUse('month', 1000, 1500).leftMinor).toBe(0)
    expect(budgetUse('day', 0, 0).level).toBe('exceeded')
  })

  it('shows the tighter budget', () => {
    const month = budgetUse('month', 10_000, 8_500)
    const day = budgetUse('day', 1_000, 100)
    expect(tightestUse([day, month])).toBe(month)
    expect(
      tightestUse([budgetUse('day', 1_000, 900), budgetUse('month', 10_000, 8_000)])?.period,
    ).toBe('day')
    expect(tightestUse([])).toBeNull()
  })
})

describe('cost settings', () => {
  it('default to rupiah and no budget, and refuse a bad rate or currency', () => {
    expect(costSettingsSchema.parse(defaultCostSettings)).toEqual(defaultCostSettings)
    expect(
      costSettingsSchema.safeParse({
        ...defaultCostSettings,
        exchangeRate: { rate: '0', date: '2026-11-01' },
      }).success,
    ).toBe(false)
    expect(
      costSettingsSchema.safeParse({ ...defaultCostSettings, currency: 'rupiah' }).success,
    ).toBe(false)
    expect(costSettingsSchema.parse({ ...defaultCostSettings, currency: 'myr' }).currency).toBe(
      'MYR',
    )
  })
})
