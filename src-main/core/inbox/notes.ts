/**
 * The owner's private notes on a customer, sealed like everything they write. Each edit is
 * checked here and recorded as operations of the sync log (src-main/core/sync), whose
 * materialiser writes the rows on every device; a deleted note keeps a tombstone so another
 * device cannot bring it back.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { type Note, maximumNoteLength } from '../../../src-shared/inbox/customer-notes'
import { statement } from '../store/statements'
import { newId } from '../ids'
import { customerSyncIdFor } from './customers'
import type { SyncLog } from '../sync/sync-log'
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

export function addNote(
  shop: OpenShop,
  sync: SyncLog,
  customerId: string,
  body: string,
  at: number,
): string {
  const kept = checkedBody(body)
  const id = newId(at)
  shop.db.transaction(() => {
    const customer = customerSyncIdFor(shop, sync, customerId)
    sync.record(shop, [
      { entity: 'note', id, field: 'customerId', value: customer },
      { entity: 'note', id, field: 'body', value: kept },
      { entity: 'note', id, field: 'createdAt', value: at },
    ])
  })()
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

export function editNote(shop: OpenShop, sync: SyncLog, noteId: string, body: string): Note {
  const kept = checkedBody(body)
  readNote(shop, noteId)
  sync.record(shop, [{ entity: 'note', id: noteId, field: 'body', value: kept }])
  return readNote(shop, noteId)
}

/** The text is emptied in the log too, so no device keeps it; only the tombstone's times stay. */
export function deleteNote(shop: OpenShop, sync: SyncLog, noteId: string): void {
  readNote(shop, noteId)
  sync.record(shop, [
    { entity: 'note', id: noteId, field: 'deleted', value: true },
    { entity: 'note', id: noteId, field: 'body', value: '' },
  ])
}
