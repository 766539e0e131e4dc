/**
 * The migrations, one per schema version, in order. Append only: a migration that has shipped
 * is never edited or reordered (tests/integration/migrations.test.ts checks each one).
 */
import type { Db } from '../database'
import { initialSchema } from './001-initial'
import { syncFieldsSchema } from './002-sync-fields'

export interface Migration {
  version: number
  description: string
  up(db: Db): void
}

export const migrations: readonly Migration[] = [
  { version: 1, description: 'initial schema', up: (db) => db.exec(initialSchema) },
  {
    version: 2,
    description: 'sync fields, ids and held batches',
    up: (db) => db.exec(syncFieldsSchema),
  },
]

export const latestVersion = migrations.length
