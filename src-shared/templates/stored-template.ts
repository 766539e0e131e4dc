/**
 * A template as the shop keeps it: the platform's template plus what Kedai tracks about it (its
 * review outcome in plain columns, when it last changed). Core's template store returns these and
 * the bridge carries them.
 */
import { z } from 'zod'
import { messageTemplateSchema, templateCategories } from './template'

export const storedTemplateSchema = messageTemplateSchema.extend({
  /** The platform's reason when rejected (`status.reason` too); null otherwise. */
  rejectedReason: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /**
   * The platform said it will move the template to this category at this time (a day ahead);
   * null when nothing is announced. Once the time has passed, `category` is already the new one.
   */
  upcomingCategory: z
    .object({ category: z.enum(templateCategories), at: z.number().int() })
    .nullable()
    .default(null),
})
export type StoredTemplate = z.infer<typeof storedTemplateSchema>
