/** What the cost meter, the composer's price line and the costs screen are shown. */
import { z } from 'zod'
import { billingCategories } from '../pricing/categories'

const minor = z.number().int()
const budgetUseSchema = z.object({
  period: z.enum(['day', 'month']),
  budgetMinor: minor,
  spentMinor: minor,
  leftMinor: minor,
  level: z.enum(['ok', 'warning', 'exceeded']),
})

export const meterSchema = z.object({
  currency: z.string(),
  todayMinor: minor,
  monthMinor: minor,
  todayUsdMicros: z.number().int(),
  monthUsdMicros: z.number().int(),
  /** Messages priced by Kedai's estimate that the platform has not confirmed yet. */
  unconfirmed: z.number().int(),
  /** The tighter budget, or null when the owner set none. */
  budget: budgetUseSchema.nullable(),
})
export type Meter = z.infer<typeof meterSchema>

/** The price of one message to one customer, before it is sent. */
export const messagePriceSchema = z.object({
  outcome: z.enum(['quote', 'refused']),
  /** `priceMessage`'s reason (`insideServiceWindow`, `marketingAlwaysCharged`...) or a refusal's. */
  reason: z.string(),
  charged: z.boolean(),
  category: z.enum(billingCategories),
  market: z.string(),
  country: z.string().nullable(),
  /** Null when the rate card has no rate for this market and category. */
  usdMicros: z.number().int().nullable(),
  minor: minor.nullable(),
  currency: z.string(),
  /** Sending this would need an explicit override: it costs money and a budget is used up. */
  blockedByBudget: z.boolean(),
})
export type MessagePrice = z.infer<typeof messagePriceSchema>

const spendRow = z.object({
  key: z.string(),
  label: z.string(),
  messages: z.number().int(),
  charged: z.number().int(),
  usdMicros: z.number().int(),
  minor,
})
export type SpendRow = z.infer<typeof spendRow>

export const costSummarySchema = z.object({
  month: z.string(),
  currency: z.string(),
  totalMinor: minor,
  totalUsdMicros: z.number().int(),
  /** One entry per day of the month, day 1 first. */
  daily: z.array(z.object({ date: z.string(), minor, usdMicros: z.number().int() })),
  byCategory: z.array(spendRow),
  byCustomer: z.array(spendRow),
  byTemplate: z.array(spendRow),
  /** The same messages as SMS at the owner's rate; null until the owner sets one. */
  sms: z.object({ messages: z.number().int(), minor }).nullable(),
  overrides: z.number().int(),
})
export type CostSummary = z.infer<typeof costSummarySchema>
