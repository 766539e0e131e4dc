/**
 * Rows written before their edits went through the sync log (a shop from before sync, or made by
 * hand in a test) are recorded once as baseline operations, so they reach the other devices and
 * an edit of them merges like any other. Baseline stamps order below every real edit (see
 * `SyncLog.recordBaseline`), so this never undoes what another device changed.
 */
import { labelColorHex, labelColors, type LabelColor } from '../../../src-shared/labels/labels'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'
import type { Edit, SyncLog } from './sync-log'

const unsynced = (entity: string, idColumn: string, field?: string) =>
  `NOT EXISTS (SELECT 1 FROM sync_fields f WHERE f.entity = '${entity}' AND f.entity_id = ${idColumn}${
    field ? ` AND f.field = ${field}` : ''
  })`

function hexOf(color: string): string {
  const known = (labelColors as readonly string[]).includes(color)
  return labelColorHex[known ? (color as LabelColor) : 'gray']
}

function labelEdits(shop: OpenShop): Edit[] {
  const rows = statement(
    shop.db,
    `SELECT id, name_sealed, color, sort, deleted_at FROM labels WHERE ${unsynced('label', 'labels.id')}`,
  ).all() as {
    id: string
    name_sealed: Buffer
    color: string
    sort: number
    deleted_at: number | null
  }[]
  return rows.flatMap((row): Edit[] => {
    const name = shop.open('labels', 'name', row.id, row.name_sealed)
    if (name === null) return []
    const edits: Edit[] = [
      { entity: 'label', id: row.id, field: 'name', value: name },
      { entity: 'label', id: row.id, field: 'color', value: hexOf(row.color) },
      { entity: 'label', id: row.id, field: 'order', value: row.sort },
    ]
    if (row.deleted_at !== null) {
      edits.push({ entity: 'label', id: row.id, field: 'deleted', value: true })
    }
    return edits
  })
}

function noteEdits(shop: OpenShop, sync: SyncLog): Edit[] {
  const rows = statement(
    shop.db,
    `SELECT id, customer_id, body_sealed, created_at, deleted_at FROM notes WHERE ${unsynced('note', 'notes.id')}`,
  ).all() as {
    id: string
    customer_id: string
    body_sealed: Buffer
    created_at: number
    deleted_at: number | null
  }[]
  return rows.flatMap((row): Edit[] => {
    const customer = sync.customerSyncId(shop, row.customer_id)
    const body = shop.open('notes', 'body', row.id, row.body_sealed)
    if (!customer || body === null) return []
    return [
      { entity: 'note', id: row.id, field: 'customerId', value: customer },
      { entity: 'note', id: row.id, field: 'body', value: row.deleted_at === null ? body : '' },
      { entity: 'note', id: row.id, field: 'createdAt', value: row.created_at },
      ...(row.deleted_at === null
        ? []
        : [{ entity: 'note' as const, id: row.id, field: 'deleted', value: true }]),
    ]
  })
}

function customerEdits(shop: OpenShop, sync: SyncLog): Edit[] {
  const edits: Edit[] = []
  const named = statement(
    shop.db,
    'SELECT id, name_sealed FROM customers WHERE name_sealed IS NOT NULL',
  ).all() as { id: string; name_sealed: Buffer }[]
  for (const row of named) {
    const syncId = sync.customerSyncId(shop, row.id)
    if (
      !syncId ||
      statement(
        shop.db,
        `SELECT 1 FROM sync_fields WHERE entity = 'customer' AND entity_id = ? AND field = 'name'`,
      ).get(syncId)
    )
      continue
    const name = shop.open('customers', 'name', row.id, row.name_sealed)
    if (name !== null) edits.push({ entity: 'customer', id: syncId, field: 'name', value: name })
  }
  const labelled = statement(
    shop.db,
    'SELECT customer_id, label_id FROM customer_labels',
  ).all() as {
    customer_id: string
    label_id: string
  }[]
  for (const row of labelled) {
    const syncId = sync.customerSyncId(shop, row.customer_id)
    const field = `labels.${row.label_id}`
    if (
      !syncId ||
      statement(
        shop.db,
        `SELECT 1 FROM sync_fields WHERE entity = 'customer' AND entity_id = ? AND field = ?`,
      ).get(syncId, field)
    )
      continue
    edits.push({ entity: 'customer', id: syncId, field, value: true })
  }
  return edits
}

/** Cheap when there is nothing to do: run on every unlock. */
export function recordUnsyncedRows(shop: OpenShop, sync: SyncLog): number {
  return shop.db.transaction(() => {
    const edits = [...labelEdits(shop), ...noteEdits(shop, sync), ...customerEdits(shop, sync)]
    sync.recordBaseline(shop, edits)
    return edits.length
  })()
}
