/**
 * Pairing a new device with a shop, as the relay and core both check it. The one-time code never
 * leaves the two devices: the relay gets `lookup` (a keyed hash of the code, to find the pairing)
 * and the shop secret sealed under a key derived from the code with Argon2id. With 80 random bits
 * in the code, neither can be turned back into the code, so the relay never sees the secret.
 */
import { z } from 'zod'

/** Pairing codes live 10 minutes by default, and never more than 30. */
export const defaultPairingValidityMs = 10 * 60 * 1000
export const maxPairingValidityMs = 30 * 60 * 1000

const base64Bytes = (bytes: number) => z.base64().length(Math.ceil(bytes / 3) * 4)

/** Existing device → relay: deposit the sealed secret under the code's lookup. */
export const depositPairingSchema = z
  .object({
    lookup: base64Bytes(32),
    salt: base64Bytes(16),
    nonce: base64Bytes(24),
    sealed: z
      .base64()
      .min(1)
      .max(64 * 1024),
    validityMs: z.number().int().min(1).max(maxPairingValidityMs).optional(),
  })
  .strict()
export type DepositPairing = z.infer<typeof depositPairingSchema>

export const depositPairingAnswerSchema = z.object({ expiresAt: z.number().int() }).strict()
export type DepositPairingAnswer = z.infer<typeof depositPairingAnswerSchema>

/** New device → relay (no token yet): spend the code, become a device of its shop. */
export const pairRequestSchema = z
  .object({ lookup: base64Bytes(32), deviceName: z.string().trim().min(1).max(100) })
  .strict()
export type PairRequest = z.infer<typeof pairRequestSchema>

export const pairAnswerSchema = z
  .object({
    shopId: z.string().min(1),
    deviceId: z.string().min(1),
    deviceToken: z.string().min(16),
  })
  .strict()
export type PairAnswer = z.infer<typeof pairAnswerSchema>

/** New device → relay (with its token): the sealed secret left for it, deleted after opening. */
export const pairingSecretSchema = z
  .object({ salt: base64Bytes(16), nonce: base64Bytes(24), sealed: z.base64().min(1) })
  .strict()
export type PairingSecretAnswer = z.infer<typeof pairingSecretSchema>

/** What the sealed secret holds once opened: everything a device needs to be the shop. */
export const shopSecretSchema = z
  .object({
    format: z.literal(1),
    boxPublicKey: base64Bytes(32),
    boxSecretKey: base64Bytes(32),
    syncKey: base64Bytes(32),
    syncKeyId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
    shopName: z.string().max(200),
  })
  .strict()
export type ShopSecret = z.infer<typeof shopSecretSchema>

/** The associated data of the sealed secret: it can only be opened as a pairing secret. */
export const pairingAssociatedData = 'kedai/pairing-secret/v1'
