/** Devices of one shop: pairing, removal and the operation log's state (`sync.*`). */
import { z } from 'zod'
import { linkStatusSchema } from '../../relay/link-status'
import type { EventMap, MethodMap } from './method-map'

const empty = z.object({}).strict()

export const syncStatusSchema = z.object({
  link: linkStatusSchema,
  /** Edits made here that the relay has not accepted yet. */
  unpushed: z.number().int(),
  /** Other devices' edits held back because that device's clock is absurd. */
  held: z.number().int(),
  lastSyncedAt: z.number().nullable(),
  deviceId: z.string().nullable(),
})
export type SyncStatus = z.infer<typeof syncStatusSchema>

export const deviceItemSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  createdAt: z.number(),
  removedAt: z.number().nullable(),
  lastSeenAt: z.number().nullable(),
  thisDevice: z.boolean(),
})
export type DeviceItem = z.infer<typeof deviceItemSchema>

export const syncMethods = {
  'sync.status': { params: empty, result: syncStatusSchema },
  /** Pushes and pulls now (the "sync now" button). */
  'sync.now': { params: empty, result: syncStatusSchema },
  /**
   * On a device already in the shop: a one-time code for a new device. The renderer shows it as
   * text and as a QR of the pairing link (src-shared/sync/pairing-link.ts).
   */
  'sync.pairingCode': {
    params: empty,
    result: z.object({ code: z.string(), expiresAt: z.number() }),
  },
  /** On a new device (vault created, no relay yet): join the shop the code was made for. */
  'sync.join': {
    params: z.object({ relayUrl: z.url().max(500), code: z.string().min(1).max(64) }).strict(),
    result: syncStatusSchema,
  },
  'sync.devices': { params: empty, result: z.array(deviceItemSchema) },
  'sync.removeDevice': {
    params: z.object({ deviceId: z.string().min(1).max(64) }).strict(),
    result: z.object({ removed: z.literal(true) }),
  },
} as const satisfies MethodMap

export const syncEvents = {} as const satisfies EventMap
