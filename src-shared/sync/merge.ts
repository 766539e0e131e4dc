/**
 * The merged shop data: for every thing and field, the winning value and the clock stamp it won
 * with. Each field is a join over a total order (clock, then value; or value, then clock), so
 * merging any set of operations in any order, any number of times, gives the same state.
 */
import { canonicalJson, fingerprint, type JsonValue } from './canonical-json'
import {
  fieldMergeOf,
  tombstoneField,
  type EntityKind,
  type FieldMerge,
  type Operation,
} from './operation'

export interface FieldEntry {
  readonly value: JsonValue
  /** The encoded clock stamp of the operation that wrote `value`. */
  readonly hlc: string
}

/** Keyed by `entityKey`, then by field. Maps, so no field name can collide with `__proto__`. */
export type SyncState = Map<string, Map<string, FieldEntry>>

export function emptyState(): SyncState {
  return new Map()
}

/** `customer:01J…`: entity kinds hold no colon, so the first colon splits the key. */
export function entityKey(entity: EntityKind, id: string): string {
  return `${entity}:${id}`
}

export function parseEntityKey(key: string): { entity: string; id: string } {
  const colon = key.indexOf(':')
  return { entity: key.slice(0, colon), id: key.slice(colon + 1) }
}

/**
 * Whether `incoming` replaces `current` in a field merged by `merge`. Exposed for core, which
 * keeps the same per-field entries in its store and must decide exactly as this module does.
 */
export function incomingWins(
  merge: FieldMerge,
  current: FieldEntry | undefined,
  incoming: FieldEntry,
): boolean {
  if (!current) return true
  switch (merge) {
    case 'lastWriterWins': {
      if (incoming.hlc !== current.hlc) return incoming.hlc > current.hlc
      return canonicalJson(incoming.value) > canonicalJson(current.value)
    }
    case 'highestValue': {
      const byValue = compareForHighest(incoming.value, current.value)
      if (byValue !== 0) return byValue > 0
      return incoming.hlc > current.hlc
    }
    default: {
      const unknown: never = merge
      throw new Error(`No merge named ${String(unknown)}`)
    }
  }
}

/**
 * Merges operations into `state` in place and returns the ones that changed it (what core must
 * write to its store and show). Use `applyOperations` for a pure merge.
 */
export function mergeOperationsInto(state: SyncState, ops: Iterable<Operation>): Operation[] {
  const changed: Operation[] = []
  for (const op of ops) {
    if (mergeEntryInto(state, entityKey(op.entity, op.id), op.field, op)) changed.push(op)
  }
  return changed
}

/** A new state with `ops` merged; `state` is not touched (entities are copied on write). */
export function applyOperations(state: SyncState, ops: Iterable<Operation>): SyncState {
  const next: SyncState = new Map(state)
  const copied = new Set<string>()
  for (const op of ops) {
    const key = entityKey(op.entity, op.id)
    const fields = next.get(key)
    const incoming = { value: op.value, hlc: op.hlc }
    if (!incomingWins(fieldMergeOf(op.entity, op.field), fields?.get(op.field), incoming)) continue
    if (fields && !copied.has(key)) next.set(key, new Map(fields))
    copied.add(key)
    mergeEntryInto(next, key, op.field, incoming)
  }
  return next
}

/** The join of two states: what a device holding both would hold. Neither input is touched. */
export function mergeStates(a: SyncState, b: SyncState): SyncState {
  const next = cloneState(a)
  for (const [key, fields] of b) {
    for (const [field, entry] of fields) mergeEntryInto(next, key, field, entry)
  }
  return next
}

export function cloneState(state: SyncState): SyncState {
  const copy: SyncState = new Map()
  for (const [key, fields] of state) copy.set(key, new Map(fields))
  return copy
}

export interface EntityView {
  /** Each field's winning value. */
  fields: Record<string, JsonValue>
  /** The winning tombstone says deleted. The fields stay, so a restore brings them back. */
  deleted: boolean
}

export function readEntity(
  state: SyncState,
  entity: EntityKind,
  id: string,
): EntityView | undefined {
  const fields = state.get(entityKey(entity, id))
  if (!fields) return undefined
  // fromEntries defines own properties, so a field named __proto__ stays a plain field.
  const values = Object.fromEntries([...fields].map(([field, entry]) => [field, entry.value]))
  return { fields: values, deleted: fields.get(tombstoneField)?.value === true }
}

/**
 * The persistable, canonical form: entities and fields sorted by code unit, each field as
 * `[field, value, hlc]`. Equal states give equal forms, whatever order they were built in.
 */
export type SyncStateJson = Array<[entityKey: string, fields: Array<[string, JsonValue, string]>]>

export function stateToJson(state: SyncState): SyncStateJson {
  return [...state.keys()].sort(byCodeUnit).map((key) => {
    const fields = state.get(key) ?? new Map<string, FieldEntry>()
    const sorted = [...fields.keys()].sort(byCodeUnit)
    return [
      key,
      sorted.map((field): [string, JsonValue, string] => {
        const entry = fields.get(field) as FieldEntry
        return [field, entry.value, entry.hlc]
      }),
    ]
  })
}

/** Rebuilds a state from its JSON form, merging (so a form with repeats still gives one state). */
export function stateFromJson(json: SyncStateJson): SyncState {
  const state = emptyState()
  for (const [key, fields] of json) {
    for (const [field, value, hlc] of fields) mergeEntryInto(state, key, field, { value, hlc })
  }
  return state
}

/** One string per state, canonical down to object keys inside values: for tests and diagnosis. */
export function canonicalState(state: SyncState): string {
  return canonicalJson(stateToJson(state))
}

/** A short fingerprint of `canonicalState`, cheap for two devices to compare. */
export function digestState(state: SyncState): string {
  return fingerprint(canonicalState(state))
}

function mergeEntryInto(
  state: SyncState,
  key: string,
  field: string,
  incoming: FieldEntry,
): boolean {
  let fields = state.get(key)
  const merge = fieldMergeOf(parseEntityKey(key).entity, field)
  if (!incomingWins(merge, fields?.get(field), incoming)) return false
  if (!fields) {
    fields = new Map()
    state.set(key, fields)
  }
  fields.set(field, { value: incoming.value, hlc: incoming.hlc })
  return true
}

/**
 * Numbers by size; anything else (only a malformed operation would carry it) ranks below every
 * number, ordered by canonical JSON, so the order stays total and the merge stays a join.
 */
function compareForHighest(a: JsonValue, b: JsonValue): number {
  const aIsNumber = typeof a === 'number'
  const bIsNumber = typeof b === 'number'
  if (aIsNumber && bIsNumber) return a === b ? 0 : a < b ? -1 : 1
  if (aIsNumber !== bIsNumber) return aIsNumber ? 1 : -1
  const aJson = canonicalJson(a)
  const bJson = canonicalJson(b)
  return aJson === bJson ? 0 : aJson < bJson ? -1 : 1
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
