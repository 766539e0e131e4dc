/** The cost meter: prices before sending, the ledger, budgets and the costs screen (`costs.*`). */
import { z } from 'zod'
import { costSettingsSchema } from '../../costs/cost-settings'
import { costSummarySchema, messagePriceSchema, meterSchema } from '../../costs/cost-views'
import { isoDateSchema } from '../../pricing/iso-date'
import type { EventMap, MethodMap } from './method-map'

const nothing = z.object({}).strict()
const month = z.string().regex(/^\d{4}-\d{2}$/, 'a month as YYYY-MM')
const conversationId = z.string().min(1).max(64)

export const costMethods = {
  'costs.meter': { params: nothing, result: meterSchema },
  /** The price of the next message in this conversation: a free-form reply or a template. */
  'costs.quote': {
    params: z
      .object({
        conversationId,
        templateId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    result: messagePriceSchema,
  },
  'costs.summary': {
    params: z.object({ month: month.optional() }).strict(),
    result: costSummarySchema,
  },
  'costs.exportCsv': {
    params: z.object({ month: month.optional() }).strict(),
    result: z.object({ fileName: z.string(), csv: z.string() }),
  },
  /** What this customer's messages cost so far, in the shop's currency. */
  'costs.customerSpend': {
    params: z.object({ customerId: z.string().min(1).max(64) }).strict(),
    result: z.object({
      messages: z.number().int(),
      charged: z.number().int(),
      minor: z.number().int(),
      currency: z.string(),
    }),
  },
  'costs.settings': { params: nothing, result: costSettingsSchema },
  'costs.updateSettings': {
    params: costSettingsSchema.partial().strict(),
    result: costSettingsSchema,
  },
  /** Reads Meta's published CSV; a card with at least one good row is kept, errors are listed. */
  'costs.importRateCard': {
    params: z
      .object({ csv: z.string().min(1).max(2_000_000), effectiveFrom: isoDateSchema.optional() })
      .strict(),
    result: z.object({
      kept: z.boolean(),
      effectiveFrom: z.string().nullable(),
      markets: z.number().int(),
      errors: z.array(
        z.object({ line: z.number().int().nullable(), code: z.string(), message: z.string() }),
      ),
      settings: costSettingsSchema,
    }),
  },
} as const satisfies MethodMap

export const costEvents = {
  /** The ledger or the cost settings changed: an estimate, a confirmation, a new budget. */
  'costs.changed': meterSchema,
} as const satisfies EventMap
