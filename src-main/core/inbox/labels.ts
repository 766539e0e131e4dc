/**
 * The shop's labels and which customers wear them. Names are sealed (the owner's words); colour,
 * order and the tombstone of a deleted label stay clear. Each edit is checked here, with the
 * owner's words for what is wrong, then recorded as operations of the sync log
 * (src-main/core/sync): the log's materialiser writes the rows, for this device's edits and the
 * other devices' alike.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import {
  type Label,
  type LabelColor,
  defaultLabels,
  labelColorHex,
  labelColors,
  labelNameProblem,
  maximumLabelNameLength,
  maximumLabels,
  tidyLabelName,
} from '../../../src-shared/labels/labels'
import type { Language } from '../../../src-shared/preferences/preferences'
import { newId } from '../ids'
import { customerSyncIdFor } from './customers'
import { statement } from '../store/statements'
import type { SyncLog } from '../sync/sync-log'
import type { OpenShop } from '../vault/vault'

/** Set once the defaults were made, so a default the owner deleted never comes back. */
const defaultsMadeKey = 'labels.defaultsCreated'

interface LabelRow {
  id: string
  name_sealed: Buffer
  color: string
  sort: number
}

function asColor(color: string): LabelColor {
  return (labelColors as readonly string[]).includes(color) ? (color as LabelColor) : 'gray'
}

/** The labels in the owner's order; a name that does not open is reported and left out. */
export function listLabels(shop: OpenShop): Label[] {
  const rows = statement(
    shop.db,
    'SELECT id, name_sealed, color, sort FROM labels WHERE deleted_at IS NULL ORDER BY sort, id',
  ).all() as LabelRow[]
  const labels: Label[] = []
  for (const row of rows) {
    const name = shop.open('labels', 'name', row.id, row.name_sealed)
    if (name !== null) labels.push({ id: row.id, name, color: asColor(row.color), sort: row.sort })
  }
  return labels
}

function readLabel(shop: OpenShop, labelId: string): Label {
  const label = listLabels(shop).find((each) => each.id === labelId)
  if (!label) throw new BridgeFailure('NOT_FOUND', 'That label is not in this shop any more.')
  return label
}

function checkName(name: string, others: readonly Label[]): string {
  const problem = labelNameProblem(name, others)
  if (problem === 'empty') throw new BridgeFailure('INVALID_INPUT', 'Give the label a name.')
  if (problem === 'tooLong') {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `A label name can be at most ${maximumLabelNameLength} characters.`,
    )
  }
  if (problem === 'taken') {
    throw new BridgeFailure('INVALID_INPUT', 'There is already a label with that name.')
  }
  return tidyLabelName(name)
}

/**
 * The defaults' ids are the same on every device, so two devices making them (each new device
 * does, before its first sync) make the same five labels, not ten.
 */
export const defaultLabelId = (index: number) => `default-label-${index + 1}`

/**
 * The WhatsApp Business defaults, made once per device in the owner's language. They are
 * recorded as baseline operations (see `SyncLog.recordBaseline`): any rename, recolour or delete
 * made on any device wins over them, so a default deleted on one device stays deleted on a
 * device that joins later and makes the defaults again.
 */
export function ensureDefaultLabels(shop: OpenShop, sync: SyncLog, language: Language): void {
  shop.db.transaction(() => {
    if (statement(shop.db, 'SELECT 1 FROM settings WHERE key = ?').get(defaultsMadeKey)) return
    sync.recordBaseline(
      shop,
      defaultLabels.flatMap((label, index) => {
        const id = defaultLabelId(index)
        return [
          { entity: 'label' as const, id, field: 'name', value: label.names[language] },
          { entity: 'label' as const, id, field: 'color', value: labelColorHex[label.color] },
          { entity: 'label' as const, id, field: 'order', value: index },
        ]
      }),
    )
    statement(shop.db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(
      defaultsMadeKey,
      '1',
      Date.now(),
    )
  })()
}

/**
 * At most twenty, counted on this device. Two devices offline can each create labels up to the
 * limit; after they sync the shop shows them all (nothing is dropped) and refuses new ones until
 * the owner is back under twenty. See docs/sync.md.
 */
export function createLabel(
  shop: OpenShop,
  sync: SyncLog,
  name: string,
  color: LabelColor,
  at: number,
): Label {
  return shop.db.transaction(() => {
    const labels = listLabels(shop)
    if (labels.length >= maximumLabels) {
      throw new BridgeFailure(
        'INVALID_INPUT',
        `A shop can have at most ${maximumLabels} labels. Delete one you no longer use first.`,
      )
    }
    const tidy = checkName(name, labels)
    const order = labels.reduce((highest, label) => Math.max(highest, label.sort + 1), 0)
    const id = newId(at)
    sync.record(shop, [
      { entity: 'label', id, field: 'name', value: tidy },
      { entity: 'label', id, field: 'color', value: labelColorHex[color] },
      { entity: 'label', id, field: 'order', value: order },
    ])
    return readLabel(shop, id)
  })()
}

export function renameLabel(shop: OpenShop, sync: SyncLog, labelId: string, name: string): Label {
  const labels = listLabels(shop)
  readLabel(shop, labelId)
  const tidy = checkName(
    name,
    labels.filter((label) => label.id !== labelId),
  )
  sync.record(shop, [{ entity: 'label', id: labelId, field: 'name', value: tidy }])
  return readLabel(shop, labelId)
}

export function recolourLabel(
  shop: OpenShop,
  sync: SyncLog,
  labelId: string,
  color: LabelColor,
): Label {
  readLabel(shop, labelId)
  sync.record(shop, [{ entity: 'label', id: labelId, field: 'color', value: labelColorHex[color] }])
  return readLabel(shop, labelId)
}

/**
 * A tombstone, not a removal: another device may still refer to it until sync settles. Its
 * customers' label rows stay but no longer show (the lists read live labels only).
 */
export function deleteLabel(shop: OpenShop, sync: SyncLog, labelId: string): void {
  readLabel(shop, labelId)
  sync.record(shop, [{ entity: 'label', id: labelId, field: 'deleted', value: true }])
}

export function assignLabel(
  shop: OpenShop,
  sync: SyncLog,
  customerId: string,
  labelId: string,
): void {
  shop.db.transaction(() => {
    const customer = customerSyncIdFor(shop, sync, customerId)
    readLabel(shop, labelId)
    sync.record(shop, [
      { entity: 'customer', id: customer, field: `labels.${labelId}`, value: true },
    ])
  })()
}

export function unassignLabel(
  shop: OpenShop,
  sync: SyncLog,
  customerId: string,
  labelId: string,
): void {
  shop.db.transaction(() => {
    const customer = customerSyncIdFor(shop, sync, customerId)
    // A deleted label may still be taken off; one never heard of is a mistake.
    if (!statement(shop.db, 'SELECT 1 FROM labels WHERE id = ?').get(labelId)) {
      throw new BridgeFailure('NOT_FOUND', 'That label is not in this shop any more.')
    }
    sync.record(shop, [
      { entity: 'customer', id: customer, field: `labels.${labelId}`, value: false },
    ])
  })()
}

/** Every customer's live labels, in label order: one query for the whole conversation list. */
export function labelIdsByCustomer(shop: OpenShop): Map<string, string[]> {
  const rows = statement(
    shop.db,
    `SELECT cl.customer_id AS customerId, cl.label_id AS labelId FROM customer_labels cl
       JOIN labels l ON l.id = cl.label_id WHERE l.deleted_at IS NULL ORDER BY l.sort, l.id`,
  ).all() as { customerId: string; labelId: string }[]
  const byCustomer = new Map<string, string[]>()
  for (const row of rows) {
    const ids = byCustomer.get(row.customerId)
    if (ids) ids.push(row.labelId)
    else byCustomer.set(row.customerId, [row.labelId])
  }
  return byCustomer
}
