/** The owner's private notes on a customer: never sent, sealed at rest like everything they write. */
import { z } from 'zod'

export const maximumNoteLength = 4000

export const noteSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  body: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type Note = z.infer<typeof noteSchema>

/** A customer's name as the owner calls them; kept on this shop only, never sent. */
export const maximumCustomerNameLength = 80
