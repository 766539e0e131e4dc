/**
 * Version 1: everything the first features need. Columns ending in `_sealed` hold
 * XChaCha20-Poly1305 ciphertexts (see vault/sealer.ts); `_index` columns hold keyed hashes.
 * Ids are ULIDs, times epoch milliseconds, money integers.
 */
export const initialSchema = `
CREATE TABLE keyring (
  purpose TEXT PRIMARY KEY CHECK (purpose IN ('passphrase', 'os-keychain')),
  key_id INTEGER NOT NULL,
  kdf TEXT,
  ops_limit INTEGER,
  mem_limit INTEGER,
  salt BLOB,
  nonce BLOB,
  wrapped_key BLOB NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE shop (
  id TEXT PRIMARY KEY CHECK (id = 'shop'),
  name_sealed BLOB NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE secrets (
  name TEXT PRIMARY KEY,
  value_sealed BLOB NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  wa_index BLOB UNIQUE,
  user_index BLOB UNIQUE,
  wa_id_sealed BLOB,
  user_id_sealed BLOB,
  phone_sealed BLOB,
  profile_name_sealed BLOB,
  name_sealed BLOB,
  country TEXT,
  market TEXT,
  opted_out_at INTEGER,
  first_seen_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (wa_index IS NOT NULL OR user_index IS NOT NULL)
) STRICT;

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL UNIQUE REFERENCES customers(id),
  pinned_at INTEGER,
  archived_at INTEGER,
  read_up_to_at INTEGER NOT NULL DEFAULT 0,
  last_message_at INTEGER NOT NULL,
  last_inbound_at INTEGER,
  unread_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX conversations_by_activity ON conversations(pinned_at DESC, last_message_at DESC);

CREATE TABLE labels (
  id TEXT PRIMARY KEY,
  name_sealed BLOB NOT NULL,
  color TEXT NOT NULL,
  sort INTEGER NOT NULL,
  deleted_at INTEGER,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE customer_labels (
  customer_id TEXT NOT NULL REFERENCES customers(id),
  label_id TEXT NOT NULL REFERENCES labels(id),
  added_at INTEGER NOT NULL,
  PRIMARY KEY (customer_id, label_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  body_sealed BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX notes_by_customer ON notes(customer_id);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  kind TEXT NOT NULL,
  wamid TEXT,
  client_id TEXT,
  status TEXT NOT NULL,
  status_at INTEGER NOT NULL,
  error_code INTEGER,
  reply_to_wamid TEXT,
  template_name TEXT,
  category TEXT,
  from_ad INTEGER NOT NULL DEFAULT 0,
  echo INTEGER NOT NULL DEFAULT 0,
  body_sealed BLOB,
  sent_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_by_conversation ON messages(conversation_id, sent_at);
-- Partial: inbound messages have no client id, and a message not yet sent has no wamid.
CREATE UNIQUE INDEX messages_by_wamid ON messages(wamid) WHERE wamid IS NOT NULL;
CREATE UNIQUE INDEX messages_by_client_id ON messages(client_id) WHERE client_id IS NOT NULL;

CREATE TABLE quick_replies (
  id TEXT PRIMARY KEY,
  shortcut_sealed BLOB NOT NULL,
  text_sealed BLOB NOT NULL,
  attachment_sealed BLOB,
  sort INTEGER NOT NULL,
  usage_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  language TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  quality TEXT NOT NULL DEFAULT 'UNKNOWN',
  platform_id TEXT,
  rejected_reason TEXT,
  content_sealed BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  UNIQUE (name, language)
) STRICT;

-- Append-only: estimates when a message is queued, confirmations when the platform prices it.
CREATE TABLE ledger (
  id TEXT PRIMARY KEY,
  message_id TEXT,
  client_id TEXT,
  entry TEXT NOT NULL CHECK (entry IN ('estimate', 'confirmation', 'override')),
  category TEXT,
  market TEXT,
  charged INTEGER NOT NULL,
  usd_micros INTEGER NOT NULL,
  reason TEXT,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX ledger_by_time ON ledger(at);
CREATE INDEX ledger_by_client ON ledger(client_id);
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

CREATE TABLE outbox (
  client_id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL UNIQUE REFERENCES messages(id),
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'unknown', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

-- Shop edits as operations, merged last-writer-wins by hybrid logical clock.
CREATE TABLE sync_operations (
  hlc TEXT NOT NULL,
  device_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value_sealed BLOB NOT NULL,
  pushed_at INTEGER,
  PRIMARY KEY (hlc, device_id)
) STRICT;
CREATE INDEX sync_operations_unpushed ON sync_operations(pushed_at) WHERE pushed_at IS NULL;

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`
