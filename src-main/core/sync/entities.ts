/**
 * How a synced thing reaches this device's tables. Each entity kind registers one `materialise`:
 * given the thing's merged fields, it writes the rows the app reads. It runs for local edits and
 * for operations from other devices alike, so both paths show the same thing. Adding a kind of
 * synced data is one `registerEntity` call (plus its fields in src-shared/sync/operation.ts).
 */
import type { JsonValue } from '../../../src-shared/sync/canonical-json'
import { labelColorOfHex } from '../../../src-shared/labels/labels'
import { parseHlc } from '../../../src-shared/sync/hlc'
import type { EntityKind } from '../../../src-shared/sync/operation'
import { renameCustomer } from '../inbox/customers'
import { insertMessages, sealingBodies } from '../inbox/messages'
import { applyEarlyStatuses } from '../link/apply-inbox-events'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'
import { localIdOf } from './customer-ids'
import { readEntityFields, type StoredField } from './field-store'
import type { OutboundFact } from './reply-fact'

export interface Materialiser {
  /**
   * Writes the thing's rows from its merged fields. Returns other things to materialise again
   * (a label that now exists lets its customers' label rows be written).
   */
  materialise(
    shop: OpenShop,
    syncId: string,
    fields: ReadonlyMap<string, StoredField>,
  ): { entity: EntityKind; id: string }[] | void
}

const registry = new Map<string, Materialiser>()

export function registerEntity(entity: EntityKind, materialiser: Materialiser): void {
  registry.set(entity, materialiser)
}

/** Writes the rows of each thing; things of a kind with no materialiser stay in sync_fields only. */
export function materialise(
  shop: OpenShop,
  things: Iterable<{ entity: string; id: string }>,
): void {
  const queue = [...things]
  const seen = new Set<string>()
  while (queue.length > 0) {
    const thing = queue.shift()!
    const key = `${thing.entity}:${thing.id}`
    if (seen.has(key)) continue
    seen.add(key)
    const materialiser = registry.get(thing.entity)
    if (!materialiser) continue
    const more = materialiser.materialise(
      shop,
      thing.id,
      readEntityFields(shop, thing.entity, thing.id),
    )
    if (more) queue.push(...more)
  }
}

/** When the field was written: the wall time of its stamp, so every device shows the same. */
function stampedAt(field: StoredField | undefined): number {
  if (!field) return 0
  const parsed = parseHlc(field.hlc)
  return parsed.ok ? parsed.value.wallMs : 0
}

const isTrue = (field: StoredField | undefined) => field?.value === true
const text = (value: JsonValue | undefined) => (typeof value === 'string' ? value : null)

registerEntity('customer', {
  materialise(shop, syncId, fields) {
    const customerId = localIdOf(shop, 'customer', syncId)
    if (!customerId) return // Not on this device yet: its rows are written when the inbox brings it.
    const name = fields.get('name')
    if (name) {
      // The one writer of the sealed name (inbox/customers.ts), whichever device renamed.
      renameCustomer(shop, customerId, text(name.value) || null, stampedAt(name))
    }
    const conversation = statement(
      shop.db,
      'SELECT id FROM conversations WHERE customer_id = ?',
    ).get(customerId) as { id: string } | undefined
    if (conversation) {
      const pinned = fields.get('pinned')
      const archived = fields.get('archived')
      const readUpTo = fields.get('readUpToAt')
      statement(
        shop.db,
        `UPDATE conversations SET
           pinned_at = CASE WHEN @pinnedKnown THEN @pinnedAt ELSE pinned_at END,
           -- Archived until the customer writes after the archiving (the same rule as a new
           -- message's in inbox/messages.ts), so the order things arrive in does not matter.
           archived_at = CASE WHEN NOT @archivedKnown THEN archived_at
             WHEN @archivedAt IS NULL OR coalesce(last_inbound_at, 0) > @archivedAt THEN NULL
             ELSE @archivedAt END,
           read_up_to_at = max(read_up_to_at, @readUpTo)
         WHERE id = @id`,
      ).run({
        id: conversation.id,
        pinnedKnown: pinned ? 1 : 0,
        pinnedAt: isTrue(pinned) ? stampedAt(pinned) : null,
        archivedKnown: archived ? 1 : 0,
        archivedAt: isTrue(archived) ? stampedAt(archived) : null,
        readUpTo: typeof readUpTo?.value === 'number' ? readUpTo.value : 0,
      })
      statement(
        shop.db,
        `UPDATE conversations SET unread_count = (
           SELECT count(*) FROM messages m WHERE m.conversation_id = conversations.id
             AND m.direction = 'inbound' AND m.echo = 0 AND m.sent_at > conversations.read_up_to_at)
         WHERE id = ?`,
      ).run(conversation.id)
    }
    for (const [field, value] of fields) {
      if (!field.startsWith('labels.')) continue
      const labelId = field.slice('labels.'.length)
      if (value.value === true) {
        statement(
          shop.db,
          `INSERT OR IGNORE INTO customer_labels (customer_id, label_id, added_at)
           SELECT ?, id, ? FROM labels WHERE id = ?`,
        ).run(customerId, stampedAt(value), labelId)
      } else {
        statement(
          shop.db,
          'DELETE FROM customer_labels WHERE customer_id = ? AND label_id = ?',
        ).run(customerId, labelId)
      }
    }
  },
})

registerEntity('label', {
  materialise(shop, id, fields) {
    const name = text(fields.get('name')?.value) ?? ''
    const color = labelColorOfHex(fields.get('color')?.value)
    const order = fields.get('order')?.value
    const deleted = fields.get('deleted')
    const createdAt = Math.min(...[...fields.values()].map(stampedAt))
    statement(
      shop.db,
      `INSERT INTO labels (id, name_sealed, color, sort, deleted_at, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name_sealed = excluded.name_sealed, color = excluded.color,
         sort = excluded.sort, deleted_at = excluded.deleted_at`,
    ).run(
      id,
      shop.sealer.seal('labels', 'name', id, name),
      color,
      typeof order === 'number' ? Math.round(order) : 0,
      isTrue(deleted) ? stampedAt(deleted) : null,
      createdAt,
    )
    // Customers labelled before the label reached this device get their rows now.
    const waiting = statement(
      shop.db,
      "SELECT entity_id FROM sync_fields WHERE entity = 'customer' AND field = ?",
    ).all(`labels.${id}`) as { entity_id: string }[]
    return waiting.map((row) => ({ entity: 'customer' as const, id: row.entity_id }))
  },
})

registerEntity('note', {
  materialise(shop, id, fields) {
    const customerSyncId = text(fields.get('customerId')?.value)
    const customerId = customerSyncId ? localIdOf(shop, 'customer', customerSyncId) : null
    if (!customerId) return
    const deleted = fields.get('deleted')
    // A deleted note's text goes with it; only the tombstone's times stay.
    const body = isTrue(deleted) ? '' : (text(fields.get('body')?.value) ?? '')
    const stamps = [...fields.values()].map(stampedAt)
    const written = fields.get('createdAt')?.value
    const createdAt = typeof written === 'number' ? written : Math.min(...stamps)
    statement(
      shop.db,
      `INSERT INTO notes (id, customer_id, body_sealed, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, body_sealed = excluded.body_sealed,
         updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`,
    ).run(
      id,
      customerId,
      shop.sealer.seal('notes', 'body', id, body),
      createdAt,
      Math.max(createdAt, ...stamps),
      isTrue(deleted) ? stampedAt(deleted) : null,
    )
  },
})

registerEntity('outbound', {
  materialise(shop, clientId, fields) {
    const fact = fields.get('message')?.value as OutboundFact | undefined
    if (!fact || typeof fact !== 'object') return
    const exists = statement(shop.db, 'SELECT 1 FROM messages WHERE client_id = ?').get(clientId)
    if (exists) return // Written here, or already shown: a fact is applied once.
    const customerId = localIdOf(shop, 'customer', fact.customer)
    const conversation = customerId
      ? (statement(shop.db, 'SELECT id FROM conversations WHERE customer_id = ?').get(
          customerId,
        ) as { id: string } | undefined)
      : undefined
    if (!conversation) return
    const content = fact.content as { type?: unknown }
    const [messageId] = insertMessages(
      shop,
      [
        {
          conversationId: conversation.id,
          direction: 'outbound',
          kind: typeof content.type === 'string' ? content.type : 'text',
          body: fact.content,
          // Sent by another device; the platform's statuses move it on from here.
          status: 'queued',
          sentAt: fact.at,
          clientId,
          replyToWamid: fact.replyToWamid,
          templateName: fact.templateName ?? null,
          category: fact.category ?? null,
        },
      ],
      sealingBodies(shop),
    )
    if (!messageId) return
    // Its estimate and any budget override, under the writing device's ids: the same entries.
    const entry = statement(
      shop.db,
      `INSERT OR IGNORE INTO ledger (id, message_id, client_id, entry, category, market, charged, usd_micros, reason, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const item of Array.isArray(fact.ledger) ? fact.ledger : []) {
      entry.run(
        item.id,
        messageId,
        clientId,
        item.entry,
        item.category,
        item.market,
        item.charged ? 1 : 0,
        item.usdMicros,
        item.reason,
        item.at,
      )
    }
    // Statuses that came first are played now, after the estimate, so the confirmation follows.
    applyEarlyStatuses(shop, clientId)
  },
})

/** Things that wait for a customer this device did not have: written again once it has them. */
export function waitingOn(
  shop: OpenShop,
  customerSyncIds: readonly string[],
): { entity: string; id: string }[] {
  if (customerSyncIds.length === 0) return []
  const things: { entity: string; id: string }[] = customerSyncIds.map((id) => ({
    entity: 'customer',
    id,
  }))
  const rows = statement(
    shop.db,
    `SELECT entity, entity_id FROM sync_fields
     WHERE (entity = 'note' AND field = 'customerId') OR (entity = 'outbound' AND field = 'message')`,
  ).all() as { entity: string; entity_id: string }[]
  const wanted = new Set(customerSyncIds)
  for (const row of rows) {
    const fields = readEntityFields(shop, row.entity, row.entity_id)
    const customer =
      row.entity === 'note'
        ? fields.get('customerId')?.value
        : (fields.get('message')?.value as OutboundFact | undefined)?.customer
    if (typeof customer === 'string' && wanted.has(customer)) {
      things.push({ entity: row.entity, id: row.entity_id })
    }
  }
  return things
}
