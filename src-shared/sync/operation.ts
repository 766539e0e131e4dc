/**
 * One change to shop data that several devices edit, and the table that says how each field of
 * each kind of thing merges. Messages, statuses and ledger entries are not operations: they are
 * append-only facts, deduplicated by id elsewhere.
 */
import { z } from 'zod'
import { canonicalJson, type JsonValue } from './canonical-json'
import { encodeHlc, maxWallMs, nodePattern, parseHlc, type Hlc } from './hlc'
import { syncFailure, type SyncResult } from './sync-result'
import { maximumLabelNameLength } from '../labels/labels'

/** The shop's editable things. A new kind needs a new protocol version, not just a new name here. */
export const entityKinds = [
  'customer',
  'label',
  'quickReply',
  'template',
  'budget',
  'setting',
  'note',
  'outbound',
] as const
export type EntityKind = (typeof entityKinds)[number]

export interface Operation {
  entity: EntityKind
  /** The thing's id (a ULID; for a setting, its name). */
  id: string
  field: string
  value: JsonValue
  /** `encodeHlc` of the clock tick that made the change; its node is `deviceId`. */
  hlc: string
  deviceId: string
}

/**
 * - `lastWriterWins`: the value with the highest clock wins; an exact clock tie (one device
 *   writing two values with one tick, a bug) falls to the larger canonical JSON, so every device
 *   still picks the same one.
 * - `highestValue`: the highest value wins whatever its clock says, so the field only moves
 *   forward even when a device with a stale view (or a wrong clock) writes a lower one later.
 */
export type FieldMerge = 'lastWriterWins' | 'highestValue'

export interface FieldPolicy {
  merge: FieldMerge
  /** What a well-formed value looks like; checked when an operation enters, never in the merge. */
  value: z.ZodType<JsonValue>
  meaning: string
}

/** Deleting is writing `true` here. Visibility follows this field alone; see `readEntity`. */
export const tombstoneField = 'deleted'

const text = (max: number) => z.string().max(max)
const flag = z.boolean()
const epochMs = z.number().int().min(0).max(maxWallMs)
const anyJson = z.json() as z.ZodType<JsonValue>

const lww = (value: z.ZodType<JsonValue>, meaning: string): FieldPolicy => ({
  merge: 'lastWriterWins',
  value,
  meaning,
})

const tombstone = lww(
  flag,
  'true deletes; a later false restores. Edits to other fields never bring a deleted thing back.',
)

/**
 * How every known field merges. A key ending in `.*` is a family: `labels.*` is one field per
 * label id, so two devices labelling the same customer at once both keep their label (one `labels`
 * array would keep only the last writer's). Fields not listed here (written by a newer version of
 * Kedai) merge last-writer-wins with any JSON value, so an older device still converges with a
 * newer one. A field's merge never changes once shipped: add a new field instead.
 */
export const fieldPolicies = {
  customer: {
    name: lww(text(200), 'The name the shop knows the customer by.'),
    note: lww(text(10_000), "The shop's private note about the customer."),
    'labels.*': lww(flag, 'Whether the customer carries the label with this id.'),
    optedOut: lww(flag, 'The customer asked not to receive marketing.'),
    pinned: lww(flag, 'The conversation stays at the top of the inbox.'),
    archived: lww(flag, 'The conversation is out of the main inbox.'),
    readUpToAt: {
      merge: 'highestValue',
      value: epochMs,
      meaning:
        'Every message received at or before this moment has been read on some device. ' +
        'Only moves forward.',
    },
    markedUnread: lww(
      flag,
      'Marked unread by hand: the way back, since readUpToAt never moves backwards.',
    ),
    deleted: tombstone,
  },
  label: {
    // The owner may use 40 characters (code points); each can take two UTF-16 units.
    name: lww(text(maximumLabelNameLength * 2), 'What the label says.'),
    color: lww(z.string().regex(/^#[0-9a-fA-F]{6}$/), 'Its color as #rrggbb.'),
    order: lww(z.number(), 'Position among labels; fractional so one edit can insert between two.'),
    deleted: tombstone,
  },
  quickReply: {
    shortcut: lww(text(32), 'What the owner types after "/" to find it.'),
    text: lww(text(4096), 'The reply, with its {{variables}}.'),
    order: lww(z.number(), 'Position in the list.'),
    attachment: lww(
      z
        .object({ kind: z.string().max(32), mediaRef: z.string().max(256), fileName: text(512) })
        .partial({ fileName: true })
        .nullable(),
      'The file sent with it, or null.',
    ),
    'uses.*': {
      merge: 'highestValue',
      value: z.number().int().min(0),
      meaning:
        'How often the device named after the dot used it; each device counts its own and the ' +
        'list shows the sum, so uses on two devices at once both count.',
    },
    deleted: tombstone,
  },
  template: {
    name: lww(text(512), 'The template name approved by the platform.'),
    language: lww(text(15), 'Its language code, as the platform spells it.'),
    category: lww(
      z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
      'The category the owner chose (the platform may file it under another).',
    ),
    components: lww(anyJson, 'Header, body, footer and buttons, as the platform describes them.'),
    platformId: lww(
      text(128),
      "The platform's id once the draft was sent for review: the other devices show it pending.",
    ),
    deleted: tombstone,
  },
  budget: {
    period: lww(z.enum(['day', 'month']), 'How often the limit resets.'),
    limitUsdMicros: lww(z.number().int().min(0), 'Spending cap for the period.'),
    warnAtPercent: lww(z.number().int().min(0).max(100), 'Warn when this much is spent.'),
    deleted: tombstone,
  },
  setting: {
    value: lww(anyJson, 'The setting named by the id.'),
    deleted: tombstone,
  },
  note: {
    customerId: lww(text(128), "The customer's sync id the note is about."),
    body: lww(text(10_000), 'What the note says.'),
    createdAt: lww(epochMs, 'When it was first written (its stamps may be the baseline).'),
    deleted: tombstone,
  },
  outbound: {
    message: lww(
      z.object({
        customer: z.string().max(128),
        content: anyJson,
        at: epochMs,
        replyToWamid: z.string().max(512).nullable(),
        templateName: z.string().max(512).nullable().optional(),
        category: z.string().max(32).nullable().optional(),
        ledger: z
          .array(
            z.object({
              id: z.string().regex(/^[0-9A-Z]{26}$/),
              entry: z.enum(['estimate', 'override']),
              category: z.string().max(32).nullable(),
              market: z.string().max(16).nullable(),
              charged: z.boolean(),
              usdMicros: z.number().int().min(0),
              reason: z.string().max(200).nullable(),
              at: epochMs,
            }),
          )
          .max(4)
          .optional(),
      }),
      'A message the shop wrote on one device (id = its client id): a fact, written once, so the ' +
        'other devices show it too, with its ledger estimate and any budget override (same ids). ' +
        "Its delivery and the platform's price come from the statuses each device pulls.",
    ),
    deleted: tombstone,
  },
} as const satisfies Record<EntityKind, Record<string, FieldPolicy>>

const unlistedField: FieldPolicy = lww(anyJson, 'A field this version of Kedai does not know.')

export function fieldPolicy(entity: EntityKind, field: string): FieldPolicy {
  const policies: Record<string, FieldPolicy> = fieldPolicies[entity]
  const exact = policies[field]
  if (exact && Object.hasOwn(policies, field)) return exact
  const dot = field.indexOf('.')
  const family = dot > 0 ? policies[`${field.slice(0, dot)}.*`] : undefined
  return family ?? unlistedField
}

/** How a field merges; for an entity kind this version does not know, last-writer-wins. */
export function fieldMergeOf(entity: string, field: string): FieldMerge {
  return isEntityKind(entity) ? fieldPolicy(entity, field).merge : 'lastWriterWins'
}

export function isEntityKind(name: string): name is EntityKind {
  return (entityKinds as readonly string[]).includes(name)
}

export const entityIdPattern = /^[0-9A-Za-z_.-]{1,128}$/
/** camelCase, optionally `.` and a member id for a field family (`labels.01J…`). */
export const fieldNamePattern = /^[a-z][A-Za-z0-9]{0,63}(\.[0-9A-Za-z_-]{1,128})?$/
/** Bigger values (a long template) are fine; a megabyte in one field is a bug or an attack. */
export const maxValueChars = 64 * 1024

export const operationSchema: z.ZodType<Operation> = z
  .object({
    entity: z.enum(entityKinds),
    id: z.string().regex(entityIdPattern),
    field: z.string().regex(fieldNamePattern),
    value: anyJson,
    hlc: z.string().max(100),
    deviceId: z.string().regex(nodePattern),
  })
  .strict()
  .superRefine((op, context) => {
    const hlc = parseHlc(op.hlc)
    if (!hlc.ok) {
      context.addIssue({ code: 'custom', path: ['hlc'], message: hlc.error.message })
    } else if (hlc.value.node !== op.deviceId) {
      context.addIssue({
        code: 'custom',
        path: ['deviceId'],
        message: 'The clock stamp was made by another device',
      })
    }
    if (canonicalJson(op.value).length > maxValueChars) {
      context.addIssue({ code: 'custom', path: ['value'], message: 'The value is too large' })
    }
    const policy = fieldPolicy(op.entity, op.field)
    const value = policy.value.safeParse(op.value)
    if (!value.success) {
      context.addIssue({
        code: 'custom',
        path: ['value'],
        message: `Not a valid ${op.entity} ${op.field}: ${value.error.issues[0]?.message ?? ''}`,
      })
    }
  })

/**
 * The gate every operation from another device passes before it is merged. The check depends on
 * the operation alone, so every device drops exactly the same ones and they still converge.
 */
export function parseOperation(input: unknown): SyncResult<Operation, 'INVALID_OPERATION'> {
  const parsed = operationSchema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue?.path.join('.') || 'operation'
  return syncFailure('INVALID_OPERATION', `${where}: ${issue?.message ?? 'malformed'}`)
}

export interface Change {
  entity: EntityKind
  id: string
  field: string
  value: JsonValue
}

/**
 * Stamps a change with a tick of this device's clock. One tick may stamp several fields of one
 * edit (a new quick reply's shortcut and text), never two values of the same field.
 */
export function stampOperation(change: Change, hlc: Hlc): Operation {
  return { ...change, hlc: encodeHlc(hlc), deviceId: hlc.node }
}

export function isTombstone(op: Operation): boolean {
  return op.field === tombstoneField && op.value === true
}
