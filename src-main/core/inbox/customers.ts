/**
 * Customers as the vault keeps them: who they are is sealed (WhatsApp id, business-scoped user
 * id, phone, names); they are found again by keyed hashes of their ids, never by plaintext.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { statement } from '../store/statements'
import { newId } from '../ids'
import type { SyncLog } from '../sync/sync-log'
import type { OpenShop } from '../vault/vault'

export interface CustomerIdentity {
  /** The customer's WhatsApp id (their number without `+`), when the platform gives one. */
  waId?: string | null
  /** A business-scoped user id (e.g. `US.1349...`) for customers known only by a username. */
  userId?: string | null
}

export interface NewCustomer extends CustomerIdentity {
  profileName?: string | null
  country?: string | null
  market?: string | null
  at: number
}

export interface Customer {
  id: string
  waId: string | null
  userId: string | null
  phone: string | null
  profileName: string | null
  name: string | null
  country: string | null
  market: string | null
  optedOutAt: number | null
  firstSeenAt: number
}

interface CustomerRow {
  id: string
  wa_id_sealed: Buffer | null
  user_id_sealed: Buffer | null
  phone_sealed: Buffer | null
  profile_name_sealed: Buffer | null
  name_sealed: Buffer | null
  country: string | null
  market: string | null
  opted_out_at: number | null
  first_seen_at: number
}

function indexes(shop: OpenShop, who: CustomerIdentity) {
  return {
    wa: who.waId ? shop.sealer.blindIndex('wa_id', who.waId) : null,
    user: who.userId ? shop.sealer.blindIndex('user_id', who.userId) : null,
  }
}

export function findCustomerId(shop: OpenShop, who: CustomerIdentity): string | null {
  const { wa, user } = indexes(shop, who)
  const row = statement(
    shop.db,
    'SELECT id FROM customers WHERE wa_index = ? OR user_index = ? LIMIT 1',
  ).get(wa, user) as { id: string } | undefined
  return row?.id ?? null
}

/** The customer's id, creating them the first time they write; their profile name is refreshed. */
export function upsertCustomer(shop: OpenShop, customer: NewCustomer): string {
  if (!customer.waId && !customer.userId)
    throw new Error('A customer needs a WhatsApp id or a user id')
  const existing = findCustomerId(shop, customer)
  const { sealer } = shop
  if (existing) {
    if (customer.profileName) {
      statement(
        shop.db,
        'UPDATE customers SET profile_name_sealed = ?, updated_at = ? WHERE id = ?',
      ).run(
        sealer.seal('customers', 'profile_name', existing, customer.profileName),
        customer.at,
        existing,
      )
    }
    return existing
  }
  const id = newId()
  const { wa, user } = indexes(shop, customer)
  const seal = (column: string, value: string | null | undefined) =>
    value ? sealer.seal('customers', column, id, value) : null
  statement(
    shop.db,
    `INSERT INTO customers (id, wa_index, user_index, wa_id_sealed, user_id_sealed, phone_sealed,
         profile_name_sealed, name_sealed, country, market, first_seen_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    wa,
    user,
    seal('wa_id', customer.waId),
    seal('user_id', customer.userId),
    seal('phone', customer.waId ? `+${customer.waId}` : null),
    seal('profile_name', customer.profileName),
    customer.country ?? null,
    customer.market ?? null,
    customer.at,
    customer.at,
    customer.at,
  )
  return id
}

export function renameCustomer(shop: OpenShop, id: string, name: string | null, at: number): void {
  statement(shop.db, 'UPDATE customers SET name_sealed = ?, updated_at = ? WHERE id = ?').run(
    name ? shop.sealer.seal('customers', 'name', id, name) : null,
    at,
    id,
  )
}

export function readCustomer(shop: OpenShop, id: string): Customer | null {
  const row = statement(shop.db, 'SELECT * FROM customers WHERE id = ?').get(id) as
    CustomerRow | undefined
  if (!row) return null
  const open = (column: string, sealed: Buffer | null) =>
    shop.open('customers', column, row.id, sealed)
  return {
    id: row.id,
    waId: open('wa_id', row.wa_id_sealed),
    userId: open('user_id', row.user_id_sealed),
    phone: open('phone', row.phone_sealed),
    profileName: open('profile_name', row.profile_name_sealed),
    name: open('name', row.name_sealed),
    country: row.country,
    market: row.market,
    optedOutAt: row.opted_out_at,
    firstSeenAt: row.first_seen_at,
  }
}

/** The customer's id on every device of the shop, for an edit the owner makes on them. */
export function customerSyncIdFor(shop: OpenShop, sync: SyncLog, customerId: string): string {
  const syncId = sync.customerSyncId(shop, customerId)
  if (!syncId) throw new BridgeFailure('NOT_FOUND', 'That customer is not in this shop.')
  return syncId
}
