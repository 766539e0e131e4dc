/**
 * A template as the shop keeps it: the platform's template plus what Kedai tracks about it (its
 * review outcome in plain columns, when it last changed). Core's template store returns these and
 * the bridge carries them.
 */
import { z } from 'zod'
import { messageTemplateSchema } from './template'

export const storedTemplateSchema = messageTemplateSchema.extend({
  /** The platform's reason when rejected (`status.reason` too); null otherwise. */
  rejectedReason: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type StoredTemplate = z.infer<typeof storedTemplateSchema>
