/**
 * Opens the relay's SQLite file: WAL (readers never wait on the writer), foreign keys, freed
 * pages overwritten so nothing lingers after a row is deleted.
 */
import Database from 'better-sqlite3'

export type Db = Database.Database

export function openRelayDatabase(path: string, nativeBinding?: string): Db {
  const db = new Database(path, nativeBinding ? { nativeBinding } : {})
  try {
    db.pragma('journal_mode = WAL')
    // NORMAL in WAL mode: a committed transaction survives the process dying; only a power cut
    // can take the last few, which the platform then delivers again (it retries unacknowledged
    // webhooks), so the relay acknowledges after committing.
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('secure_delete = ON')
    db.pragma('busy_timeout = 5000')
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (cause) {
    db.close()
    throw cause
  }
  return db
}
