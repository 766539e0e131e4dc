/**
 * Sync's own bookkeeping next to 001's sync_operations and sync_state: the merged value of every
 * synced field (what the merge decides against), the map from a thing's shop-wide sync id to
 * this device's row id (customers get their rows from each device's own inbox), and batches held
 * back because a device's clock was absurd.
 */
export const syncFieldsSchema = `
CREATE TABLE sync_fields (
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  hlc TEXT NOT NULL,
  value_sealed BLOB NOT NULL,
  PRIMARY KEY (entity, entity_id, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_ids (
  entity TEXT NOT NULL,
  sync_id TEXT NOT NULL,
  local_id TEXT NOT NULL,
  PRIMARY KEY (entity, sync_id),
  UNIQUE (entity, local_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_held (
  seq INTEGER PRIMARY KEY,
  item TEXT NOT NULL,
  reason TEXT NOT NULL,
  held_at INTEGER NOT NULL
) STRICT;
`
