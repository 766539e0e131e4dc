/** How the desktop's link to its relay is doing, as the renderer shows it. */
import { z } from 'zod'

export const linkStates = ['notConfigured', 'connecting', 'online', 'offline', 'refused'] as const

export const linkStatusSchema = z.object({
  state: z.enum(linkStates),
  relayUrl: z.string().nullable(),
  offlineSince: z.number().nullable(),
  lastSyncedAt: z.number().nullable(),
  /** Replies written but not yet confirmed by the relay. */
  waiting: z.number().int(),
  /** The relay's reason when it refused this device. */
  refusal: z.string().nullable(),
})
export type LinkStatus = z.infer<typeof linkStatusSchema>
