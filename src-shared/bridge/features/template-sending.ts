/**
 * Sending an approved template from the composer (`inbox.sendTemplate`): the only message a
 * customer can get once the 24-hour window is closed.
 */
import { z } from 'zod'
import type { EventMap, MethodMap } from './method-map'

export const templateSendingMethods = {
  /** Fills, prices, checks the budget and queues in one step; refused with the owner's reason. */
  'inbox.sendTemplate': {
    params: z
      .object({
        conversationId: z.string().min(1).max(64),
        templateId: z.string().min(1).max(64),
        /** The send form's values by parameter slot (`body.1`, `header.1`, `button.0`...). */
        values: z.record(z.string().max(64), z.string().max(2_000)),
        /** Send although a budget is used up; written to the ledger as an override. */
        overrideBudget: z.boolean().optional(),
      })
      .strict(),
    result: z.object({ messageId: z.string(), clientId: z.string() }),
  },
} as const satisfies MethodMap

export const templateSendingEvents = {} as const satisfies EventMap
