/**
 * The shop's own key pair for what the relay holds: the relay seals each webhook to the public
 * key as it arrives (crypto_box_seal) and only a device of the shop can open it. The secret key
 * lives sealed in the vault.
 */
import { readSecret, writeSecret } from '../store/secrets'
import type { Sodium } from '../vault/sodium'
import type { OpenShop } from '../vault/vault'

export interface ShopKeys {
  publicKey: Uint8Array
  secretKey: Uint8Array
}

export const shopKeyPairSecret = 'shop.boxKeyPair'
const secretName = shopKeyPairSecret

export function shopKeys(shop: OpenShop, sodium: Sodium): ShopKeys {
  const stored = readSecret(shop, secretName)
  if (stored) {
    const { publicKey, secretKey } = JSON.parse(stored) as { publicKey: string; secretKey: string }
    return {
      publicKey: Buffer.from(publicKey, 'base64'),
      secretKey: Buffer.from(secretKey, 'base64'),
    }
  }
  const pair = sodium.crypto_box_keypair()
  writeSecret(
    shop,
    secretName,
    JSON.stringify({
      publicKey: Buffer.from(pair.publicKey).toString('base64'),
      secretKey: Buffer.from(pair.privateKey).toString('base64'),
    }),
  )
  return { publicKey: pair.publicKey, secretKey: pair.privateKey }
}

/** Opens one sealed inbox item; null when it was not sealed to this shop or was altered. */
export function openSealedItem(
  sodium: Sodium,
  keys: ShopKeys,
  sealedBase64: string,
): string | null {
  try {
    const plain = sodium.crypto_box_seal_open(
      Buffer.from(sealedBase64, 'base64'),
      keys.publicKey,
      keys.secretKey,
    )
    return Buffer.from(plain).toString('utf8')
  } catch {
    return null
  }
}
