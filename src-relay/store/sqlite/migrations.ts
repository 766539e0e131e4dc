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

const syncLogSchema = `
-- Each shop's operation log: batches sealed with the shop's sync key, which the relay never has.
-- seq is global; per shop it only rises, which is all a cursor needs.
CREATE TABLE sync_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  shop_id TEXT NOT NULL REFERENCES shops (id),
  device_id TEXT NOT NULL,
  batch_id TEXT NOT NULL,
  key_id TEXT NOT NULL,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL,
  received_at INTEGER NOT NULL,
  UNIQUE (shop_id, batch_id)
);
CREATE INDEX sync_log_by_shop ON sync_log (shop_id, seq);

-- The newest sealed snapshot per shop (older ones are replaced): a joining device loads it and
-- pulls the log after its cursor.
CREATE TABLE sync_snapshots (
  shop_id TEXT PRIMARY KEY REFERENCES shops (id),
  snapshot_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  cursor INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL,
  created_at INTEGER NOT NULL
);

-- Pairing a new device: the shop secret sealed under a key derived (Argon2id) from a one-time
-- code the relay never sees; found by a digest of a hash of that code.
CREATE TABLE pairings (
  lookup_digest BLOB PRIMARY KEY,
  shop_id TEXT NOT NULL REFERENCES shops (id),
  created_by TEXT NOT NULL,
  salt BLOB,
  nonce BLOB,
  sealed BLOB,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  used_by TEXT
);
CREATE INDEX pairings_by_device ON pairings (used_by) WHERE used_by IS NOT NULL;
`

/** When each device last called the relay, for the shop's device list (written once a minute). */
const deviceLastSeenSchema = `
ALTER TABLE devices ADD COLUMN last_seen_at INTEGER;
`

const shopFilesSchema = `
-- Files a shop's devices share (a quick reply's photo or document), each sealed by the devices
-- with the shop's sync key before it is sent: the relay keeps ciphertext it cannot open.
CREATE TABLE shop_files (
  shop_id TEXT NOT NULL REFERENCES shops (id),
  file_id TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sealed BLOB NOT NULL,
  PRIMARY KEY (shop_id, file_id)
);
`

export const relayMigrations: readonly RelayMigration[] = [
  {
    version: 1,
    description: 'shops, devices, invites, inbox, seen events, sends',
    up: (db) => db.exec(initialSchema),
  },
  {
    version: 2,
    description: 'sync log, snapshots, pairings',
    up: (db) => db.exec(syncLogSchema),
  },
  {
    version: 3,
    description: 'shop files (sealed by the devices)',
    up: (db) => db.exec(shopFilesSchema),
  },
  {
    version: 4,
    description: 'when each device was last seen',
    up: (db) => db.exec(deviceLastSeenSchema),
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
