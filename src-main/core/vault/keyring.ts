/**
 * The data key's wrapping. The 32-byte data key is stored only encrypted under a key derived
 * from the owner's passphrase with Argon2id; the parameters are stored beside it so they can be
 * raised later without breaking old vaults.
 */
import type { Sodium } from './sodium'

export interface KdfParams {
  algorithm: 'argon2id13'
  opsLimit: number
  memLimitBytes: number
}

/**
 * About half a second on the machines Kedai is developed on (`npm run bench` reports it): memory
 * hardness first (128 MiB), then passes. Vaults keep the parameters they were made with.
 */
export const currentKdf: KdfParams = {
  algorithm: 'argon2id13',
  opsLimit: 2,
  memLimitBytes: 128 * 1024 * 1024,
}

export interface WrappedKey {
  keyId: number
  kdf: KdfParams
  salt: Uint8Array
  nonce: Uint8Array
  wrapped: Uint8Array
}

export function createDataKey(sodium: Sodium): Uint8Array {
  return sodium.crypto_aead_xchacha20poly1305_ietf_keygen()
}

function associatedData(keyId: number, kdf: KdfParams): string {
  return `kedai-keyring|${keyId}|${kdf.algorithm}|${kdf.opsLimit}|${kdf.memLimitBytes}`
}

function deriveWrappingKey(
  sodium: Sodium,
  passphrase: string,
  salt: Uint8Array,
  kdf: KdfParams,
): Uint8Array {
  return sodium.crypto_pwhash(
    sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
    passphrase.normalize('NFC'),
    salt,
    kdf.opsLimit,
    kdf.memLimitBytes,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  )
}

export function wrapWithPassphrase(
  sodium: Sodium,
  dataKey: Uint8Array,
  passphrase: string,
  keyId: number,
  kdf: KdfParams = currentKdf,
): WrappedKey {
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES)
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
  const wrappingKey = deriveWrappingKey(sodium, passphrase, salt, kdf)
  try {
    const wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      dataKey,
      associatedData(keyId, kdf),
      null,
      nonce,
      wrappingKey,
    )
    return { keyId, kdf, salt, nonce, wrapped }
  } finally {
    sodium.memzero(wrappingKey)
  }
}

/** The data key, or null when the passphrase is wrong (or the stored key was altered). */
export function unwrapWithPassphrase(
  sodium: Sodium,
  stored: WrappedKey,
  passphrase: string,
): Uint8Array | null {
  const wrappingKey = deriveWrappingKey(sodium, passphrase, stored.salt, stored.kdf)
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      stored.wrapped,
      associatedData(stored.keyId, stored.kdf),
      stored.nonce,
      wrappingKey,
    )
  } catch {
    return null
  } finally {
    sodium.memzero(wrappingKey)
  }
}
