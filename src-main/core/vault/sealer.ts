/**
 * Seals and opens the fields that hold what someone wrote or who they are, with
 * XChaCha20-Poly1305. The associated data binds each ciphertext to its table, column, row id and
 * key id, so a ciphertext copied into another row or column does not open.
 *
 * A sealed field is: version (1 byte) | key id (2 bytes, big-endian) | nonce (24) | ciphertext.
 */
import { randomBytesFromPool } from '../random-pool'
import type { Sodium } from './sodium'

const formatVersion = 1
const headerBytes = 1 + 2 + 24

export class TamperedField extends Error {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly rowId: string,
  ) {
    super(`The sealed ${table}.${column} of row ${rowId} does not open: it was altered or moved.`)
    this.name = 'TamperedField'
  }
}

export interface Sealer {
  readonly keyId: number
  seal(table: string, column: string, rowId: string, plaintext: string): Buffer
  open(table: string, column: string, rowId: string, sealed: Uint8Array): string
  /** A keyed hash for finding a row by a sealed value (a phone number) without storing it. */
  blindIndex(kind: string, value: string): Buffer
  /** Zeroes the keys; the sealer is unusable afterwards. */
  wipe(): void
}

export function createSealer(sodium: Sodium, dataKey: Uint8Array, keyId: number): Sealer {
  // Separate subkeys so the index key can never decrypt and the field key never hashes.
  const fieldKey = sodium.crypto_kdf_derive_from_key(32, 1, 'kedaiFLD', dataKey)
  const indexKey = sodium.crypto_kdf_derive_from_key(32, 2, 'kedaiIDX', dataKey)
  let wiped = false
  const nonceBytes = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES

  function live(): void {
    if (wiped) throw new Error('The vault is locked')
  }

  return {
    keyId,
    seal(table, column, rowId, plaintext) {
      live()
      const nonce = randomBytesFromPool(nonceBytes)
      // Buffers, not strings: libsodium's own string conversion costs twice the encryption.
      const cipher = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
        Buffer.from(plaintext, 'utf8'),
        Buffer.from(`${table}\u0000${column}\u0000${rowId}\u0000${keyId}`, 'utf8'),
        null,
        nonce,
        fieldKey,
      )
      const out = Buffer.allocUnsafe(headerBytes + cipher.length)
      out[0] = formatVersion
      out.writeUInt16BE(keyId, 1)
      out.set(nonce, 3)
      out.set(cipher, headerBytes)
      return out
    },
    open(table, column, rowId, sealed) {
      live()
      if (sealed.length < headerBytes + 16 || sealed[0] !== formatVersion) {
        throw new TamperedField(table, column, rowId)
      }
      const storedKeyId = (sealed[1]! << 8) | sealed[2]!
      try {
        const plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
          null,
          sealed.subarray(headerBytes),
          Buffer.from(`${table}\u0000${column}\u0000${rowId}\u0000${storedKeyId}`, 'utf8'),
          sealed.subarray(3, headerBytes),
          fieldKey,
        )
        return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength).toString('utf8')
      } catch {
        throw new TamperedField(table, column, rowId)
      }
    },
    blindIndex(kind, value) {
      live()
      const hash = sodium.crypto_generichash(16, `${kind}\u0000${value}`, indexKey)
      return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength)
    },
    wipe() {
      if (wiped) return
      sodium.memzero(fieldKey)
      sodium.memzero(indexKey)
      wiped = true
    },
  }
}
