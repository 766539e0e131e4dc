/**
 * The shop's labels and which customers wear them. Names are sealed (the owner's words); colour,
 * order and the tombstone of a deleted label stay clear. One function per edit, so each can later
 * become one operation of the sync log.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import {
  type Label,
  type LabelColor,
  defaultLabels,
  labelColors,
  labelNameProblem,
  maximumLabelNameLength,
  maximumLabels,
  tidyLabelName,
} from '../../../src-shared/labels/labels'
import type { Language } from '../../../src-shared/preferences/preferences'
import { newId } from '../ids'
import { statement } from '../store/statements'
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

function insertLabel(shop: OpenShop, name: string, color: LabelColor, sort: number, at: number) {
  const id = newId(at)
  statement(
    shop.db,
    'INSERT INTO labels (id, name_sealed, color, sort, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(id, shop.sealer.seal('labels', 'name', id, name), color, sort, at)
  return id
}

/** The WhatsApp Business defaults, made once per shop in the owner's language. */
export function ensureDefaultLabels(shop: OpenShop, language: Language, at: number): void {
  shop.db.transaction(() => {
    if (statement(shop.db, 'SELECT 1 FROM settings WHERE key = ?').get(defaultsMadeKey)) return
    defaultLabels.forEach((label, index) =>
      insertLabel(shop, label.names[language], label.color, index, at),
    )
    statement(shop.db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(
      defaultsMadeKey,
      '1',
      at,
    )
  })()
}

export function createLabel(shop: OpenShop, name: string, color: LabelColor, at: number): Label {
  return shop.db.transaction(() => {
    const labels = listLabels(shop)
    if (labels.length >= maximumLabels) {
      throw new BridgeFailure(
        'INVALID_INPUT',
        `A shop can have at most ${maximumLabels} labels. Delete one you no longer use first.`,
      )
    }
    const tidy = checkName(name, labels)
    const sort = labels.reduce((highest, label) => Math.max(highest, label.sort + 1), 0)
    return readLabel(shop, insertLabel(shop, tidy, color, sort, at))
  })()
}

export function renameLabel(shop: OpenShop, labelId: string, name: string): Label {
  const labels = listLabels(shop)
  readLabel(shop, labelId)
  const tidy = checkName(
    name,
    labels.filter((label) => label.id !== labelId),
  )
  statement(shop.db, 'UPDATE labels SET name_sealed = ? WHERE id = ?').run(
    shop.sealer.seal('labels', 'name', labelId, tidy),
    labelId,
  )
  return readLabel(shop, labelId)
}

export function recolourLabel(shop: OpenShop, labelId: string, color: LabelColor): Label {
  readLabel(shop, labelId)
  statement(shop.db, 'UPDATE labels SET color = ? WHERE id = ?').run(color, labelId)
  return readLabel(shop, labelId)
}

/** A tombstone, not a removal: another device may still refer to it until sync settles. */
export function deleteLabel(shop: OpenShop, labelId: string, at: number): void {
  readLabel(shop, labelId)
  shop.db.transaction(() => {
    statement(shop.db, 'UPDATE labels SET deleted_at = ? WHERE id = ?').run(at, labelId)
    statement(shop.db, 'DELETE FROM customer_labels WHERE label_id = ?').run(labelId)
  })()
}

function requireCustomer(shop: OpenShop, customerId: string): void {
  if (!statement(shop.db, 'SELECT 1 FROM customers WHERE id = ?').get(customerId)) {
    throw new BridgeFailure('NOT_FOUND', 'That customer is not in this shop.')
  }
}

export function assignLabel(shop: OpenShop, customerId: string, labelId: string, at: number): void {
  requireCustomer(shop, customerId)
  readLabel(shop, labelId)
  statement(
    shop.db,
    'INSERT INTO customer_labels (customer_id, label_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(customerId, labelId, at)
}

export function unassignLabel(shop: OpenShop, customerId: string, labelId: string): void {
  requireCustomer(shop, customerId)
  statement(shop.db, 'DELETE FROM customer_labels WHERE customer_id = ? AND label_id = ?').run(
    customerId,
    labelId,
  )
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
