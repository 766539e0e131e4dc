/**
 * The owner's private notes on a customer, sealed like everything they write. One function per
 * edit; a deleted note keeps a tombstone so another device cannot bring it back.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { type Note, maximumNoteLength } from '../../../src-shared/inbox/customer-notes'
import { statement } from '../store/statements'
import { newId } from '../ids'
import type { OpenShop } from '../vault/vault'

export type { Note }

function checkedBody(body: string): string {
  const kept = body.trim()
  if (kept === '') throw new BridgeFailure('INVALID_INPUT', 'A note needs some text.')
  if ([...kept].length > maximumNoteLength) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `A note can be at most ${maximumNoteLength} characters. Nothing was saved.`,
    )
  }
  return kept
}

export function addNote(shop: OpenShop, customerId: string, body: string, at: number): string {
  const kept = checkedBody(body)
  if (!statement(shop.db, 'SELECT 1 FROM customers WHERE id = ?').get(customerId)) {
    throw new BridgeFailure('NOT_FOUND', 'That customer is not in this shop.')
  }
  const id = newId(at)
  statement(
    shop.db,
    'INSERT INTO notes (id, customer_id, body_sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(id, customerId, shop.sealer.seal('notes', 'body', id, kept), at, at)
  return id
}

interface NoteRow {
  id: string
  customer_id: string
  body_sealed: Buffer
  created_at: number
  updated_at: number
}

function asNote(shop: OpenShop, row: NoteRow): Note | null {
  const body = shop.open('notes', 'body', row.id, row.body_sealed)
  return body === null
    ? null
    : {
        id: row.id,
        customerId: row.customer_id,
        body,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }
}

/** Newest first; a note that does not open is reported by the vault and left out. */
export function listNotes(shop: OpenShop, customerId: string): Note[] {
  const rows = statement(
    shop.db,
    `SELECT id, customer_id, body_sealed, created_at, updated_at FROM notes
       WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC`,
  ).all(customerId) as NoteRow[]
  return rows.map((row) => asNote(shop, row)).filter((note) => note !== null)
}

export function readNote(shop: OpenShop, noteId: string): Note {
  const row = statement(
    shop.db,
    `SELECT id, customer_id, body_sealed, created_at, updated_at FROM notes
       WHERE id = ? AND deleted_at IS NULL`,
  ).get(noteId) as NoteRow | undefined
  const note = row ? asNote(shop, row) : null
  if (!note) throw new BridgeFailure('NOT_FOUND', 'That note is not in this shop any more.')
  return note
}

export function editNote(shop: OpenShop, noteId: string, body: string, at: number): Note {
  const kept = checkedBody(body)
  readNote(shop, noteId)
  statement(shop.db, 'UPDATE notes SET body_sealed = ?, updated_at = ? WHERE id = ?').run(
    shop.sealer.seal('notes', 'body', noteId, kept),
    at,
    noteId,
  )
  return readNote(shop, noteId)
}

/** The sealed text goes with it; only the tombstone's times stay. */
export function deleteNote(shop: OpenShop, noteId: string, at: number): void {
  readNote(shop, noteId)
  statement(
    shop.db,
    'UPDATE notes SET deleted_at = ?, updated_at = ?, body_sealed = ? WHERE id = ?',
  ).run(at, at, shop.sealer.seal('notes', 'body', noteId, ''), noteId)
}
