/** Small secrets the shop keeps (its own key pair, the relay's credentials), sealed like the rest. */
import { statement } from './statements'
import type { OpenShop } from '../vault/vault'

export function readSecret(shop: OpenShop, name: string): string | null {
  const row = statement(shop.db, 'SELECT value_sealed FROM secrets WHERE name = ?').get(name) as
    { value_sealed: Buffer } | undefined
  return row ? shop.open('secrets', 'value', name, row.value_sealed) : null
}

export function writeSecret(shop: OpenShop, name: string, value: string, at = Date.now()): void {
  statement(
    shop.db,
    `INSERT INTO secrets (name, value_sealed, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET value_sealed = excluded.value_sealed, updated_at = excluded.updated_at`,
  ).run(name, shop.sealer.seal('secrets', 'value', name, value), at)
}

export function deleteSecret(shop: OpenShop, name: string): void {
  statement(shop.db, 'DELETE FROM secrets WHERE name = ?').run(name)
}
