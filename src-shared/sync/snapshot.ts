/**
 * Compaction: a prefix of the shop's operation log folded into one merged state, so a new device
 * loads a snapshot and replays only the tail instead of every edit the shop ever made. Because
 * merging is idempotent, a tail that overlaps the snapshot is harmless; a gap is not, so the tail
 * is chosen by the relay's cursor, which is exact.
 */
import { z } from 'zod'
import { nodePattern, parseHlc } from './hlc'
import { entityIdPattern, fieldNamePattern, type Operation } from './operation'
import {
  applyOperations,
  cloneState,
  mergeOperationsInto,
  stateFromJson,
  stateToJson,
  type SyncState,
} from './merge'
import { syncFailure, type SyncResult } from './sync-result'

export interface SyncSnapshot {
  state: SyncState
  /**
   * The version vector: per device, the highest clock stamp folded in. A new device's clock
   * receives the highest of these before its first edit, so that edit orders after the snapshot.
   */
  latestByDevice: Map<string, string>
  /** The relay log position (its `seq`) through which every batch is folded in; 0 for none. */
  cursor: number
}

export function emptySnapshot(): SyncSnapshot {
  return { state: new Map(), latestByDevice: new Map(), cursor: 0 }
}

/**
 * Folds the operations of the relay's batches up to `throughCursor` into a new snapshot; the
 * old one is not touched. The cursor never moves back, whatever the caller passes.
 */
export function foldIntoSnapshot(
  snapshot: SyncSnapshot,
  ops: Iterable<Operation>,
  throughCursor = snapshot.cursor,
): SyncSnapshot {
  const state = cloneState(snapshot.state)
  const latestByDevice = new Map(snapshot.latestByDevice)
  for (const op of ops) {
    mergeOperationsInto(state, [op])
    const latest = latestByDevice.get(op.deviceId)
    if (latest === undefined || op.hlc > latest) latestByDevice.set(op.deviceId, op.hlc)
  }
  return { state, latestByDevice, cursor: Math.max(snapshot.cursor, throughCursor) }
}

/** The state a device holds after loading `snapshot` and replaying `tail` (overlap allowed). */
export function restoreFromSnapshot(snapshot: SyncSnapshot, tail: Iterable<Operation>): SyncState {
  return applyOperations(snapshot.state, tail)
}

/**
 * Whether the snapshot already holds `op`. Sound only because a device pushes its batches one at
 * a time, in the order it made them, so each device's operations reach the log in clock order.
 * A skip on a wrong answer would lose an edit, so use it to save work, never to choose a tail.
 */
export function isFoldedIn(snapshot: SyncSnapshot, op: Operation): boolean {
  const latest = snapshot.latestByDevice.get(op.deviceId)
  return latest !== undefined && op.hlc <= latest
}

/** The highest clock stamp in the snapshot, if any: what a joining device's clock receives. */
export function latestStamp(snapshot: SyncSnapshot): string | undefined {
  let latest: string | undefined
  for (const stamp of snapshot.latestByDevice.values()) {
    if (latest === undefined || stamp > latest) latest = stamp
  }
  return latest
}

// Any entity kind's name, so a snapshot from a newer version of Kedai still loads.
const entityKeyPattern = new RegExp(`^[a-z][A-Za-z]{0,31}:${entityIdPattern.source.slice(1)}`)
const stampSchema = z.string().refine((stamp) => parseHlc(stamp).ok, 'Not a clock timestamp')

/** The plaintext a device seals and offers to the relay; core does the sealing. */
export const snapshotPayloadSchema = z
  .object({
    format: z.literal(1),
    cursor: z.number().int().min(0),
    latestByDevice: z.record(z.string().regex(nodePattern), stampSchema),
    entities: z.array(
      z.tuple([
        z.string().regex(entityKeyPattern),
        z.array(z.tuple([z.string().regex(fieldNamePattern), z.json(), stampSchema])),
      ]),
    ),
  })
  .strict()

export type SnapshotPayload = z.infer<typeof snapshotPayloadSchema>

export function snapshotToPayload(snapshot: SyncSnapshot): SnapshotPayload {
  const devices = [...snapshot.latestByDevice.keys()].sort()
  return {
    format: 1,
    cursor: snapshot.cursor,
    latestByDevice: Object.fromEntries(
      devices.map((device) => [device, snapshot.latestByDevice.get(device) ?? '']),
    ),
    entities: stateToJson(snapshot.state),
  }
}

export function parseSnapshotPayload(input: unknown): SyncResult<SyncSnapshot, 'INVALID_SNAPSHOT'> {
  const parsed = snapshotPayloadSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'snapshot'
    return syncFailure('INVALID_SNAPSHOT', `${where}: ${issue?.message ?? 'malformed'}`)
  }
  const { cursor, latestByDevice, entities } = parsed.data
  return {
    ok: true,
    value: {
      state: stateFromJson(entities),
      latestByDevice: new Map(Object.entries(latestByDevice)),
      cursor,
    },
  }
}
