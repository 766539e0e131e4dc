/**
 * Files the owner attached to quick replies: the bytes (base64) and the file name sealed like
 * everything else the owner wrote; the type and size stay plain so the rules can be applied
 * without opening the file. `shared_at` is when the file reached the relay's file store for the
 * shop's other devices (null: not yet).
 */
export const mediaSchema = `
CREATE TABLE media (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'document')),
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  file_name_sealed BLOB NOT NULL,
  bytes_sealed BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  shared_at INTEGER
);
CREATE INDEX media_unshared ON media(id) WHERE shared_at IS NULL;
`
