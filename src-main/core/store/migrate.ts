/**
 * Brings a database up to the latest schema, one version per transaction, and refuses one made
 * by a newer Kedai rather than guess at its shape.
 */
import type { Db } from './database'
import { latestVersion, migrations, type Migration } from './migrations'

export class DatabaseFromTheFuture extends Error {
  constructor(readonly found: number) {
    super(
      `This shop's data was saved by a newer version of Kedai (schema ${found}; this one knows up to ${latestVersion}). Update Kedai to open it; nothing was changed.`,
    )
    this.name = 'DatabaseFromTheFuture'
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function migrate(
  db: Db,
  upTo: number = latestVersion,
  list: readonly Migration[] = migrations,
): number {
  const found = schemaVersion(db)
  if (found > latestVersion) throw new DatabaseFromTheFuture(found)
  for (const migration of list) {
    if (migration.version <= found || migration.version > upTo) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return schemaVersion(db)
}
