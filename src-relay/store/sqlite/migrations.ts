/**
 * The relay's schema, one migration per version. Append only: a migration that has shipped is
 * never edited or reordered. A database written by a newer relay is refused, not guessed at.
 */
import type { Db } from './open-database'

export interface RelayMigration {
  version: number
  description: string
  up(db: Db): void
}

const initialSchema = `
CREATE TABLE shops (
  id TEXT PRIMARY KEY,
  public_key BLOB NOT NULL CHECK (length(public_key) = 32),
  phone_number_id TEXT NOT NULL UNIQUE,
  business_account_id TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX shops_by_business_account ON shops (business_account_id);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  shop_id TEXT NOT NULL REFERENCES shops (id),
  token_digest BLOB NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  removed_at INTEGER
);
CREATE INDEX devices_by_shop ON devices (shop_id);

CREATE TABLE invites (
  code_digest BLOB PRIMARY KEY,
  phone_number_id TEXT NOT NULL,
  business_account_id TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);

-- Sealed to the shop's public key; the relay cannot open what it keeps here.
CREATE TABLE inbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  shop_id TEXT NOT NULL REFERENCES shops (id),
  sealed BLOB NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX inbox_by_shop ON inbox (shop_id, seq);

-- SHA-256 of (shop, event key): duplicates are recognised without keeping the ids themselves.
CREATE TABLE seen_events (
  key_digest BLOB PRIMARY KEY,
  seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX seen_events_by_time ON seen_events (seen_at);

CREATE TABLE sends (
  shop_id TEXT NOT NULL REFERENCES shops (id),
  client_id TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('queued', 'calling', 'retrying', 'unknown', 'sent', 'failed')),
  wamid TEXT,
  error_code TEXT,
  error_reason TEXT,
  error_message TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (shop_id, client_id)
);
CREATE INDEX sends_by_wamid ON sends (shop_id, wamid) WHERE wamid IS NOT NULL;
CREATE INDEX sends_by_state ON sends (state);
`

export const relayMigrations: readonly RelayMigration[] = [
  {
    version: 1,
    description: 'shops, devices, invites, inbox, seen events, sends',
    up: (db) => db.exec(initialSchema),
  },
]

export const latestRelaySchema = relayMigrations.length

export class RelayDatabaseFromTheFuture extends Error {
  constructor(readonly found: number) {
    super(
      `The relay's database was written by a newer relay (schema ${found}; this one knows up to ${latestRelaySchema}). Update the relay; nothing was changed.`,
    )
    this.name = 'RelayDatabaseFromTheFuture'
  }
}

export function relaySchemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function migrateRelayDatabase(
  db: Db,
  list: readonly RelayMigration[] = relayMigrations,
): number {
  const found = relaySchemaVersion(db)
  const latest = list.length
  if (found > latest) throw new RelayDatabaseFromTheFuture(found)
  for (const migration of list) {
    if (migration.version <= found) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return relaySchemaVersion(db)
}
