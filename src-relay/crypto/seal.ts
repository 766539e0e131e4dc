/**
 * Sealing to a shop: libsodium's sealed box (`crypto_box_seal`) to the X25519 public key the shop
 * registered at enrolment. Anyone can seal; only the holder of the shop's secret key (in its
 * vault) can open, so what the relay stores it cannot read back itself.
 *
 * The construction is libsodium's, byte for byte (`crypto_box_seal_open` opens it):
 *   ephemeral key pair (epk, esk); k = HSalsa20(X25519(esk, pk)) (= crypto_box_beforenm);
 *   nonce = BLAKE2b-192(epk ‖ pk); output = epk ‖ crypto_box_easy_afternm(m, nonce, k).
 * The two X25519 operations run in Node's native crypto instead of libsodium's JavaScript build,
 * which spends about 480 µs per seal against about 190 µs here; one seal per webhook POST is
 * most of the relay's work, so this is most of its intake speed.
 */
import { createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto'
import type { Sodium } from './sodium'

export const shopPublicKeyBytes = 32

export interface ShopSealer {
  seal(publicKey: Uint8Array, plaintext: Uint8Array): Uint8Array
}

const spkiPrefix = Buffer.from('302a300506032b656e032100', 'hex')
const hsalsaInput = new Uint8Array(16)

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  return createPublicKey({
    key: Buffer.concat([spkiPrefix, publicKey]),
    format: 'der',
    type: 'spki',
  })
}

/**
 * False for keys no secret key can match usefully: wrong length, or a low-order point whose
 * shared secret is all zeros (X25519 refuses it, as libsodium's crypto_box does).
 */
export function isUsableShopKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== shopPublicKeyBytes) return false
  try {
    diffieHellman({
      privateKey: generateKeyPairSync('x25519').privateKey,
      publicKey: publicKeyObject(publicKey),
    })
    return true
  } catch {
    return false
  }
}

export function createShopSealer(sodium: Sodium): ShopSealer {
  // Shops are few and their keys never change: parse each once.
  const keyObjects = new Map<string, KeyObject>()
  const recipientOf = (publicKey: Uint8Array) => {
    const id = Buffer.from(publicKey).toString('base64')
    let key = keyObjects.get(id)
    if (!key) {
      if (keyObjects.size > 10_000) keyObjects.clear()
      keyObjects.set(id, (key = publicKeyObject(publicKey)))
    }
    return key
  }

  return {
    seal(publicKey, plaintext) {
      if (publicKey.length !== shopPublicKeyBytes) {
        throw new Error(`a shop public key has ${shopPublicKeyBytes} bytes`)
      }
      const ephemeral = generateKeyPairSync('x25519')
      const epk = Buffer.from(ephemeral.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url')
      const shared = diffieHellman({
        privateKey: ephemeral.privateKey,
        publicKey: recipientOf(publicKey),
      })
      const key = sodium.crypto_core_hsalsa20(hsalsaInput, shared, null)
      shared.fill(0)
      const nonce = sodium.crypto_generichash(
        sodium.crypto_box_NONCEBYTES,
        Buffer.concat([epk, publicKey]),
        null,
      )
      const box = sodium.crypto_box_easy_afternm(plaintext, nonce, key)
      sodium.memzero(key)
      const sealed = new Uint8Array(epk.length + box.length)
      sealed.set(epk, 0)
      sealed.set(box, epk.length)
      return sealed
    },
  }
}

/** Reads the base64 (or base64url) of a 32-byte public key; null when it is anything else. */
export function readShopPublicKey(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null
  const bytes = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64')
  return bytes.length === shopPublicKeyBytes && isUsableShopKey(bytes)
    ? new Uint8Array(bytes)
    : null
}
