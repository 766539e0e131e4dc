/** The owner's private notes on a customer, sealed like everything they write. */
import { statement } from '../store/statements'
import { newId } from '../ids'
import type { OpenShop } from '../vault/vault'

export interface Note {
  id: string
  customerId: string
  body: string
  createdAt: number
}

export function addNote(shop: OpenShop, customerId: string, body: string, at: number): string {
  const id = newId(at)
  statement(
    shop.db,
    'INSERT INTO notes (id, customer_id, body_sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(id, customerId, shop.sealer.seal('notes', 'body', id, body), at, at)
  return id
}

/** A note that does not open is reported by the vault and left out. */
export function listNotes(shop: OpenShop, customerId: string): Note[] {
  const rows = statement(
    shop.db,
    'SELECT id, body_sealed, created_at FROM notes WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at',
  ).all(customerId) as { id: string; body_sealed: Buffer; created_at: number }[]
  const notes: Note[] = []
  for (const row of rows) {
    const body = shop.open('notes', 'body', row.id, row.body_sealed)
    if (body !== null) notes.push({ id: row.id, customerId, body, createdAt: row.created_at })
  }
  return notes
}
