/**
 * What a device and the relay say to each other about the operation log. The relay only ever
 * sees sealed batches and sealed snapshots with the ids it needs to store and order them; core
 * seals and opens them (XChaCha20-Poly1305 with the shop's sync key), binding each ciphertext to
 * its envelope through `batchAssociatedData` / `snapshotAssociatedData`.
 */
import { z } from 'zod'
import { nodePattern } from './hlc'
import { parseOperation, type Operation } from './operation'
import type { SyncError } from './sync-result'

export const syncProtocolVersion = 1

/** Most operations one batch may carry; a bigger backlog goes as several batches, in order. */
export const maxOperationsPerBatch = 500
/** Most log items one pull returns. */
export const maxPullLimit = 1000

export const deviceIdSchema = z.string().regex(nodePattern)
/** The relay's position in a shop's log: the `seq` of the last item seen; 0 before the first. */
export const cursorSchema = z.number().int().min(0)
/** Which generation of the shop's sync key sealed it; the key changes when a device is removed. */
export const keyIdSchema = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/)
/** XChaCha20-Poly1305 nonces are 24 bytes: 32 base64 characters. */
export const nonceSchema = z.base64().length(32)
const sealed = (maxChars: number) => z.base64().min(1).max(maxChars)

/** Device → relay: one batch of operations. Replaying a `batchId` is harmless (insert or ignore). */
export const pushBatchRequestSchema = z
  .object({
    deviceId: deviceIdSchema,
    batchId: z.ulid(),
    /** The device's pull cursor when it sealed the batch: what it had seen. */
    cursorBefore: cursorSchema.optional(),
    keyId: keyIdSchema,
    nonce: nonceSchema,
    ciphertext: sealed(4 * 1024 * 1024),
  })
  .strict()
export type PushBatchRequest = z.infer<typeof pushBatchRequestSchema>

/** `duplicate`: the relay already had this batch id and answers with the seq it gave it then. */
export const pushBatchResponseSchema = z
  .object({ seq: cursorSchema.min(1), duplicate: z.boolean() })
  .strict()
export type PushBatchResponse = z.infer<typeof pushBatchResponseSchema>

export const pullRequestSchema = z
  .object({ after: cursorSchema, limit: z.number().int().min(1).max(maxPullLimit) })
  .strict()
export type PullRequest = z.infer<typeof pullRequestSchema>

export const logItemSchema = z
  .object({
    seq: cursorSchema.min(1),
    deviceId: deviceIdSchema,
    batchId: z.ulid(),
    keyId: keyIdSchema,
    nonce: nonceSchema,
    ciphertext: sealed(4 * 1024 * 1024),
  })
  .strict()
export type LogItem = z.infer<typeof logItemSchema>

/** `next` is the cursor for the following pull; `hasMore` says whether to pull again at once. */
export const pullResponseSchema = z
  .object({
    items: z.array(logItemSchema).max(maxPullLimit),
    next: cursorSchema,
    hasMore: z.boolean(),
  })
  .strict()
  .refine(
    ({ items, next }) =>
      items.every((item, i) => i === 0 || (items[i - 1]?.seq ?? 0) < item.seq) &&
      (items.length === 0 || (items.at(-1)?.seq ?? 0) <= next),
    'Log items must come in rising seq order, and next must not be behind them',
  )
export type PullResponse = z.infer<typeof pullResponseSchema>

/**
 * Device → relay: a sealed snapshot of the log through `cursor`. A joining device loads the
 * newest one and pulls after its cursor; the relay may then drop log items at or below it.
 */
export const snapshotOfferSchema = z
  .object({
    deviceId: deviceIdSchema,
    snapshotId: z.ulid(),
    cursor: cursorSchema,
    keyId: keyIdSchema,
    nonce: nonceSchema,
    ciphertext: sealed(256 * 1024 * 1024),
  })
  .strict()
export type SnapshotOffer = z.infer<typeof snapshotOfferSchema>

/** Relay → device: the newest snapshot, or null when the shop has none and the log is whole. */
export const latestSnapshotResponseSchema = z
  .object({ snapshot: snapshotOfferSchema.nullable() })
  .strict()
export type LatestSnapshotResponse = z.infer<typeof latestSnapshotResponseSchema>

export const relayRefusalCodes = [
  /** The device is unknown or its credentials are wrong. */
  'UNAUTHORIZED',
  /** The device was removed from the shop. */
  'DEVICE_REMOVED',
  /** The log before this cursor was compacted away: load the latest snapshot first. */
  'CURSOR_COMPACTED',
  /** Sealed with a key generation the relay no longer accepts (after a device removal). */
  'STALE_KEY',
  'INVALID_REQUEST',
] as const
export type RelayRefusalCode = (typeof relayRefusalCodes)[number]

export const relayRefusalSchema = z
  .object({ code: z.enum(relayRefusalCodes), message: z.string().max(500) })
  .strict()
export type RelayRefusal = z.infer<typeof relayRefusalSchema>

/** The plaintext inside a sealed batch. Operations are checked one by one by `openBatchContents`. */
export const batchContentsSchema = z
  .object({ format: z.literal(1), ops: z.array(z.unknown()).min(1).max(maxOperationsPerBatch) })
  .strict()
export type BatchContents = { format: 1; ops: Operation[] }

export function batchContents(ops: Operation[]): BatchContents {
  return { format: 1, ops }
}

/**
 * Splits an opened batch into the operations to merge and the ones refused. A refused operation
 * is dropped on every device alike (the check depends only on it and its batch), so devices still
 * converge; the refusals are for the log, to find the device that wrote them. An operation must
 * come from the device that pushed its batch: a device can only speak for itself.
 */
export function openBatchContents(
  input: unknown,
  batchDeviceId: string,
): {
  ops: Operation[]
  refused: SyncError[]
} {
  const contents = batchContentsSchema.safeParse(input)
  if (!contents.success) {
    const issue = contents.error.issues[0]
    return {
      ops: [],
      refused: [{ code: 'INVALID_OPERATION', message: `batch: ${issue?.message ?? 'malformed'}` }],
    }
  }
  const ops: Operation[] = []
  const refused: SyncError[] = []
  for (const candidate of contents.data.ops) {
    const parsed = parseOperation(candidate)
    if (!parsed.ok) refused.push(parsed.error)
    else if (parsed.value.deviceId !== batchDeviceId) {
      refused.push({
        code: 'INVALID_OPERATION',
        message: `An operation of device ${parsed.value.deviceId} in a batch of ${batchDeviceId}`,
      })
    } else ops.push(parsed.value)
  }
  return { ops, refused }
}

/** What a batch's ciphertext is bound to, so the relay cannot pass one device's batch as another's. */
export function batchAssociatedData(batch: { deviceId: string; batchId: string; keyId: string }) {
  return `kedai/sync-batch/v${syncProtocolVersion}|${batch.deviceId}|${batch.batchId}|${batch.keyId}`
}

/** The same for a snapshot; the cursor is bound too, so an old snapshot cannot claim a newer one's place. */
export function snapshotAssociatedData(snapshot: {
  deviceId: string
  snapshotId: string
  cursor: number
  keyId: string
}) {
  return (
    `kedai/sync-snapshot/v${syncProtocolVersion}|${snapshot.deviceId}|${snapshot.snapshotId}|` +
    `${snapshot.cursor}|${snapshot.keyId}`
  )
}
