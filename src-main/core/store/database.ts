/**
 * Opens the shop's SQLite file: WAL, foreign keys, freed pages zeroed. The Electron app passes
 * the path of its own build of the native module (`nativeBinding`); Node uses the default.
 */
import Database from 'better-sqlite3'

export type Db = Database.Database

export interface OpenOptions {
  nativeBinding?: string
  readonly?: boolean
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    // Deleted rows are overwritten, not just unlinked, so nothing lingers in free pages.
    db.pragma('secure_delete = ON')
    db.pragma('busy_timeout = 5000')
    // 32 MiB of page cache: a large shop's indexes stay in memory during imports and scrolling.
    db.pragma('cache_size = -32768')
    // Checkpoint the WAL in small steps: a 1,000-page checkpoint stalled the writing thread
    // for 20 to 30 ms in the middle of an import (npm run bench, lag).
    if (!options.readonly) db.pragma('wal_autocheckpoint = 100')
    // Reading the schema proves the file is a database before anything else touches it.
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (cause) {
    db.close()
    throw cause
  }
  return db
}
