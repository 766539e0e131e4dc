/**
 * Each device creates its own customer rows from the inbox it pulls, under its own row ids; sync
 * needs one id for the same person on every device. It is a keyed hash of the customer's WhatsApp
 * id (or business-scoped user id) under the shop's sync key: equal on every device of the shop,
 * meaningless to the relay, and never the phone number itself.
 */
import { readCustomer } from '../inbox/customers'
import { statement } from '../store/statements'
import type { Sodium } from '../vault/sodium'
import type { OpenShop } from '../vault/vault'
import type { SyncKey } from './sync-keys'

export function customerSyncIdOf(
  sodium: Sodium,
  key: SyncKey,
  who: { waId: string | null; userId: string | null },
): string | null {
  const identity = who.waId ? `wa|${who.waId}` : who.userId ? `user|${who.userId}` : null
  if (identity === null) return null
  const digest = sodium.crypto_generichash(16, `kedai-customer|${identity}`, key.key)
  return Buffer.from(digest).toString('hex')
}

export function localIdOf(shop: OpenShop, entity: string, syncId: string): string | null {
  const row = statement(
    shop.db,
    'SELECT local_id FROM sync_ids WHERE entity = ? AND sync_id = ?',
  ).get(entity, syncId) as { local_id: string } | undefined
  return row?.local_id ?? null
}

export function syncIdOf(shop: OpenShop, entity: string, localId: string): string | null {
  const row = statement(
    shop.db,
    'SELECT sync_id FROM sync_ids WHERE entity = ? AND local_id = ?',
  ).get(entity, localId) as { sync_id: string } | undefined
  return row?.sync_id ?? null
}

/** The customer's sync id, recording it the first time it is asked for. */
export function customerSyncId(
  shop: OpenShop,
  sodium: Sodium,
  key: SyncKey,
  customerId: string,
): string | null {
  const known = syncIdOf(shop, 'customer', customerId)
  if (known) return known
  const customer = readCustomer(shop, customerId)
  if (!customer) return null
  const syncId = customerSyncIdOf(sodium, key, customer)
  if (syncId === null) return null
  statement(
    shop.db,
    'INSERT OR IGNORE INTO sync_ids (entity, sync_id, local_id) VALUES (?, ?, ?)',
  ).run('customer', syncId, customerId)
  return syncId
}

/** Customers this device has no sync id for yet (new from the inbox): gives them one. */
export function adoptNewCustomers(shop: OpenShop, sodium: Sodium, key: SyncKey): string[] {
  const fresh = statement(
    shop.db,
    `SELECT id FROM customers WHERE id NOT IN (SELECT local_id FROM sync_ids WHERE entity = 'customer')`,
  ).all() as { id: string }[]
  const adopted: string[] = []
  for (const { id } of fresh) {
    const syncId = customerSyncId(shop, sodium, key, id)
    if (syncId) adopted.push(syncId)
  }
  return adopted
}
