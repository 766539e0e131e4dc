/**
 * The migrations, one per schema version, in order. Append only: a migration that has shipped
 * is never edited or reordered (tests/integration/migrations.test.ts checks each one).
 */
import type { Db } from '../database'
import { initialSchema } from './001-initial'
import { syncFieldsSchema } from './002-sync-fields'
import { earlyStatusesSchema } from './003-early-statuses'
import { ledgerByMessageSchema } from './004-ledger-by-message'
import { mediaSchema } from './005-media'
import { upcomingCategorySchema } from './006-upcoming-category'

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
  {
    version: 3,
    description: 'statuses that arrived before their reply',
    up: (db) => db.exec(earlyStatusesSchema),
  },
  {
    version: 4,
    description: 'the ledger by message',
    up: (db) => db.exec(ledgerByMessageSchema),
  },
  { version: 5, description: 'files attached to quick replies', up: (db) => db.exec(mediaSchema) },
  {
    version: 6,
    description: "a template's announced category change",
    up: (db) => db.exec(upcomingCategorySchema),
  },
]

export const latestVersion = migrations.length
