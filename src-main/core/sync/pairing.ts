/**
 * Pairing, on both devices. The device already in the shop makes a one-time code (80 random
 * bits), derives a key from it with Argon2id, seals the shop secret with that key and leaves it
 * on the relay under the code's lookup hash. The new device, given the code and the relay's
 * address, spends the lookup to be enrolled in the same shop, fetches the sealed secret, opens
 * it with the key it derives from the code, and deletes it from the relay. The relay sees
 * neither the code nor the secret.
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import {
  formatOneTimeCode,
  normaliseOneTimeCode,
  oneTimeCodeBytes,
} from '../../../src-shared/security/one-time-code'
import {
  pairingAssociatedData,
  shopSecretSchema,
  type ShopSecret,
} from '../../../src-shared/sync/pairing-protocol'
import { pairWithRelay, RelayClient, type RelayCredentials } from '../link/relay-client'
import type { Sodium } from '../vault/sodium'

export interface PairingKdf {
  opsLimit: number
  memLimitBytes: number
}

/** libsodium's interactive Argon2id: a fraction of a second per guess, on a code of 80 bits. */
export function interactivePairingKdf(sodium: Sodium): PairingKdf {
  return {
    opsLimit: sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE,
    memLimitBytes: sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE,
  }
}

function lookupOf(sodium: Sodium, code: string): string {
  return Buffer.from(sodium.crypto_generichash(32, `kedai-pairing-lookup|${code}`, null)).toString(
    'base64',
  )
}

function keyOf(sodium: Sodium, code: string, salt: Uint8Array, kdf: PairingKdf): Uint8Array {
  return sodium.crypto_pwhash(
    sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
    `kedai-pairing|${code}`,
    salt,
    kdf.opsLimit,
    kdf.memLimitBytes,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  )
}

/** On the device already in the shop: a new code, its sealed secret left on the relay. */
export async function offerPairing(
  sodium: Sodium,
  client: RelayClient,
  secret: ShopSecret,
  kdf: PairingKdf,
  validityMs?: number,
): Promise<{ code: string; expiresAt: number }> {
  const code = formatOneTimeCode(sodium.randombytes_buf(oneTimeCodeBytes))
  const normalised = normaliseOneTimeCode(code)!
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES)
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
  const key = keyOf(sodium, normalised, salt, kdf)
  try {
    const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      JSON.stringify(secret),
      pairingAssociatedData,
      null,
      nonce,
      key,
    )
    const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
    const answer = await client.depositPairing({
      lookup: lookupOf(sodium, normalised),
      salt: b64(salt),
      nonce: b64(nonce),
      sealed: b64(sealed),
      ...(validityMs ? { validityMs } : {}),
    })
    return { code, expiresAt: answer.expiresAt }
  } finally {
    sodium.memzero(key)
  }
}

/**
 * On the new device: enrols with the code, receives and opens the shop secret, and deletes it
 * from the relay. A code that is not even a code is refused before asking the relay.
 */
export async function joinWithCode(
  sodium: Sodium,
  relayUrl: string,
  typedCode: string,
  deviceName: string,
  kdf: PairingKdf,
): Promise<{ credentials: RelayCredentials; secret: ShopSecret }> {
  const code = normaliseOneTimeCode(typedCode)
  if (code === null) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      'A pairing code has 16 letters and digits, like K7QM-2XD9-PT4H-WN3B.',
    )
  }
  const enrolled = await pairWithRelay(relayUrl, { lookup: lookupOf(sodium, code), deviceName })
  const credentials: RelayCredentials = { relayUrl, ...enrolled, demo: false }
  const client = new RelayClient(credentials)
  const deposit = await client.pairingSecret()
  const key = keyOf(sodium, code, Buffer.from(deposit.salt, 'base64'), kdf)
  let secret: ShopSecret | null = null
  try {
    const plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      Buffer.from(deposit.sealed, 'base64'),
      pairingAssociatedData,
      Buffer.from(deposit.nonce, 'base64'),
      key,
    )
    const parsed = shopSecretSchema.safeParse(JSON.parse(Buffer.from(plain).toString('utf8')))
    secret = parsed.success ? parsed.data : null
  } catch {
    secret = null
  } finally {
    sodium.memzero(key)
  }
  if (!secret) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      "The shop's keys did not open with this code. Make a new code on the other device.",
    )
  }
  await client.deletePairingSecret()
  return { credentials, secret }
}
