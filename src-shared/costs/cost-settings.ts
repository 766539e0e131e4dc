/**
 * The owner's cost settings: the shop's currency and the dated exchange rate from USD, the
 * owner's own rate cards (edited or imported, in force over the shipped ones from their date),
 * the answers to the pricing rules the sources disagree on, budgets and the SMS rate the costs
 * screen compares with. Budgets and the SMS rate are in the shop's currency, minor units.
 */
import { z } from 'zod'
import { exchangeRateSchema } from '../money/exchange'
import { isoDateSchema } from '../pricing/iso-date'
import { pricingSettingsSchema } from '../pricing/policies'
import { rateCardSchema } from '../pricing/rate-cards'

const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const costSettingsSchema = z
  .object({
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, 'a three-letter currency code such as IDR')
      .transform((code) => code.toUpperCase()),
    /** Units of the shop's currency per US dollar, as the owner entered it, and when. */
    exchangeRate: z.object({ rate: exchangeRateSchema, date: isoDateSchema }).strict(),
    /** The owner's cards, appended after the shipped ones (a later card wins on equal dates). */
    rateCards: z.array(rateCardSchema).max(40),
    pricing: pricingSettingsSchema,
    monthlyBudgetMinor: minor.nullable(),
    dailyBudgetMinor: minor.nullable(),
    /** What one SMS costs the shop, for the comparison on the costs screen. */
    smsRateMinor: minor.nullable(),
  })
  .strict()

export type CostSettings = z.output<typeof costSettingsSchema>

/** A new shop: rupiah at a recent rate, no budget yet, the policies' own defaults. */
export const defaultCostSettings: CostSettings = {
  currency: 'IDR',
  exchangeRate: { rate: 16_800, date: '2026-11-01' },
  rateCards: [],
  pricing: {},
  monthlyBudgetMinor: null,
  dailyBudgetMinor: null,
  smsRateMinor: null,
}

/** Share of a budget at which the meter warns. */
export const budgetWarningPercent = 80
