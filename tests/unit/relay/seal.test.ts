/** The relay's sealed boxes are libsodium's: crypto_box_seal_open opens them with the shop's keys. */
import sodium from 'libsodium-wrappers-sumo'
import { describe, expect, it } from 'vitest'
import {
  createShopSealer,
  isUsableShopKey,
  readShopPublicKey,
} from '../../../src-relay/crypto/seal'
import { loadSodium } from '../../../src-relay/crypto/sodium'

describe('sealing to a shop', () => {
  it('makes sealed boxes libsodium opens, and only with the right key', async () => {
    const sealer = createShopSealer(await loadSodium())
    await sodium.ready
    const shop = sodium.crypto_box_keypair()
    const stranger = sodium.crypto_box_keypair()
    const message = new TextEncoder().encode(
      '[{"kind":"message","content":{"body":"Kak, ready? 🙏"}}]',
    )
    const sealed = sealer.seal(shop.publicKey, message)
    expect(sealed.length).toBe(message.length + sodium.crypto_box_SEALBYTES)
    expect(sodium.crypto_box_seal_open(sealed, shop.publicKey, shop.privateKey)).toEqual(message)
    expect(() =>
      sodium.crypto_box_seal_open(sealed, stranger.publicKey, stranger.privateKey),
    ).toThrow()
    const tampered = new Uint8Array(sealed)
    tampered[40] = tampered[40]! ^ 1
    expect(() => sodium.crypto_box_seal_open(tampered, shop.publicKey, shop.privateKey)).toThrow()
    // A fresh ephemeral key each time: the same message never seals the same twice.
    expect(sealer.seal(shop.publicKey, message)).not.toEqual(sealed)
  })

  it('refuses keys of the wrong size and low-order points', async () => {
    await sodium.ready
    expect(isUsableShopKey(sodium.crypto_box_keypair().publicKey)).toBe(true)
    expect(isUsableShopKey(new Uint8Array(31))).toBe(false)
    expect(isUsableShopKey(new Uint8Array(32))).toBe(false)
    expect(readShopPublicKey(Buffer.alloc(32).toString('base64'))).toBeNull()
    const good = sodium.crypto_box_keypair().publicKey
    expect(readShopPublicKey(Buffer.from(good).toString('base64'))).toEqual(good)
    expect(readShopPublicKey(Buffer.from(good).toString('base64url'))).toEqual(good)
  })
})
