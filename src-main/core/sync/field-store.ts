/**
 * The merged value of every synced field, kept sealed in `sync_fields`, and the one decision
 * (src-shared/sync's `incomingWins`) that says whether an operation replaces it. Local edits and
 * operations from other devices both pass through `mergeField`, so the tables a device shows are
 * a function of the operations it holds, whatever their order.
 */
import type { JsonValue } from '../../../src-shared/sync/canonical-json'
import { incomingWins } from '../../../src-shared/sync/merge'
import { fieldMergeOf, type Operation } from '../../../src-shared/sync/operation'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

const rowOf = (entity: string, id: string, field: string) => `${entity}:${id}:${field}`

export interface StoredField {
  value: JsonValue
  hlc: string
}

export function readField(
  shop: OpenShop,
  entity: string,
  id: string,
  field: string,
): StoredField | undefined {
  const row = statement(
    shop.db,
    'SELECT hlc, value_sealed FROM sync_fields WHERE entity = ? AND entity_id = ? AND field = ?',
  ).get(entity, id, field) as { hlc: string; value_sealed: Buffer } | undefined
  if (!row) return undefined
  const json = shop.open('sync_fields', 'value', rowOf(entity, id, field), row.value_sealed)
  // A field that does not open is reported by the vault; merging treats it as absent.
  return json === null ? undefined : { value: JSON.parse(json) as JsonValue, hlc: row.hlc }
}

/** Every merged field of one thing. */
export function readEntityFields(
  shop: OpenShop,
  entity: string,
  id: string,
): Map<string, StoredField> {
  const rows = statement(
    shop.db,
    'SELECT field, hlc, value_sealed FROM sync_fields WHERE entity = ? AND entity_id = ?',
  ).all(entity, id) as { field: string; hlc: string; value_sealed: Buffer }[]
  const fields = new Map<string, StoredField>()
  for (const row of rows) {
    const json = shop.open('sync_fields', 'value', rowOf(entity, id, row.field), row.value_sealed)
    if (json !== null) fields.set(row.field, { value: JSON.parse(json) as JsonValue, hlc: row.hlc })
  }
  return fields
}

/** Merges one operation into the stored field; true when it changed the field. */
export function mergeField(shop: OpenShop, op: Operation): boolean {
  const current = readField(shop, op.entity, op.id, op.field)
  if (!incomingWins(fieldMergeOf(op.entity, op.field), current, op)) return false
  statement(
    shop.db,
    `INSERT INTO sync_fields (entity, entity_id, field, hlc, value_sealed) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc, value_sealed = excluded.value_sealed`,
  ).run(
    op.entity,
    op.id,
    op.field,
    op.hlc,
    shop.sealer.seal(
      'sync_fields',
      'value',
      rowOf(op.entity, op.id, op.field),
      JSON.stringify(op.value),
    ),
  )
  return true
}

/** Every merged field, for a snapshot. */
export function* allFields(
  shop: OpenShop,
): Generator<{ entity: string; id: string; field: string } & StoredField> {
  const rows = statement(
    shop.db,
    'SELECT entity, entity_id, field, hlc, value_sealed FROM sync_fields ORDER BY entity, entity_id, field',
  ).iterate() as IterableIterator<{
    entity: string
    entity_id: string
    field: string
    hlc: string
    value_sealed: Buffer
  }>
  for (const row of rows) {
    const json = shop.open(
      'sync_fields',
      'value',
      rowOf(row.entity, row.entity_id, row.field),
      row.value_sealed,
    )
    if (json === null) continue
    yield {
      entity: row.entity,
      id: row.entity_id,
      field: row.field,
      hlc: row.hlc,
      value: JSON.parse(json) as JsonValue,
    }
  }
}
