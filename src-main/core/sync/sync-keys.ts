/**
 * The shop secret: the box key pair the relay seals inbound messages to (link/shop-keys.ts) and
 * the sync key that seals the operation log (XChaCha20-Poly1305; the relay never has it). Both
 * live sealed in the vault; pairing hands them to a new device, sealed again under the code.
 */
import type { ShopSecret } from '../../../src-shared/sync/pairing-protocol'
import { shopKeyPairSecret, shopKeys } from '../link/shop-keys'
import { readSecret, writeSecret } from '../store/secrets'
import type { Sodium } from '../vault/sodium'
import type { OpenShop } from '../vault/vault'

const syncKeySecret = 'shop.syncKey'

export interface SyncKey {
  key: Uint8Array
  /** The key's generation, bound into every sealed batch. */
  keyId: string
}

export function syncKey(shop: OpenShop, sodium: Sodium): SyncKey {
  const stored = readSecret(shop, syncKeySecret)
  if (stored) {
    const { key, keyId } = JSON.parse(stored) as { key: string; keyId: string }
    return { key: Buffer.from(key, 'base64'), keyId }
  }
  const key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen()
  const keyId = 'k1'
  writeSecret(
    shop,
    syncKeySecret,
    JSON.stringify({ key: Buffer.from(key).toString('base64'), keyId }),
  )
  return { key, keyId }
}

export function exportShopSecret(shop: OpenShop, sodium: Sodium, shopName: string): ShopSecret {
  const box = shopKeys(shop, sodium)
  const sync = syncKey(shop, sodium)
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
  return {
    format: 1,
    boxPublicKey: b64(box.publicKey),
    boxSecretKey: b64(box.secretKey),
    syncKey: b64(sync.key),
    syncKeyId: sync.keyId,
    shopName,
  }
}

/** Makes this device hold the shop's keys (a joining device, before its first sync). */
export function adoptShopSecret(shop: OpenShop, secret: ShopSecret): void {
  shop.db.transaction(() => {
    writeSecret(
      shop,
      shopKeyPairSecret,
      JSON.stringify({ publicKey: secret.boxPublicKey, secretKey: secret.boxSecretKey }),
    )
    writeSecret(
      shop,
      syncKeySecret,
      JSON.stringify({ key: secret.syncKey, keyId: secret.syncKeyId }),
    )
  })()
}

export function sealWithSyncKey(
  sodium: Sodium,
  key: SyncKey,
  plaintext: string,
  associatedData: string,
): { nonce: string; ciphertext: string } {
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    associatedData,
    null,
    nonce,
    key.key,
  )
  return {
    nonce: Buffer.from(nonce).toString('base64'),
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  }
}

/** Null when it does not open: another key, or altered on the way. */
export function openWithSyncKey(
  sodium: Sodium,
  key: SyncKey,
  sealed: { nonce: string; ciphertext: string },
  associatedData: string,
): string | null {
  try {
    const plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      Buffer.from(sealed.ciphertext, 'base64'),
      associatedData,
      Buffer.from(sealed.nonce, 'base64'),
      key.key,
    )
    return Buffer.from(plain).toString('utf8')
  } catch {
    return null
  }
}
