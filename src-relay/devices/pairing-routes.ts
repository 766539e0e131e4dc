/**
 * Pairing a new device with a shop. A device already in the shop deposits the shop secret, sealed
 * under a key only the one-time code opens, found by the code's lookup hash (`POST /v1/pairings`).
 * The new device spends the code's lookup to become a device of that shop (`POST /v1/pair`, no
 * token yet), then fetches the sealed secret with its new token and deletes it once opened. The
 * relay never sees the code nor the secret. A wrong, expired or spent code all answer alike.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ulid } from 'ulid'
import {
  defaultPairingValidityMs,
  depositPairingSchema,
  pairRequestSchema,
  type DepositPairingAnswer,
  type PairAnswer,
  type PairingSecretAnswer,
} from '../../src-shared/sync/pairing-protocol'
import { newDeviceToken, sha256 } from '../crypto/secrets'
import { readJson } from '../http/read-json'
import { sendError, sendJson } from '../http/respond'
import { createLogger } from '../logger'
import type { DeviceRecord, RelayStore } from '../store/relay-store'

const log = createLogger('pairing')

export interface PairingRouteOptions {
  store: RelayStore
  maxBodyBytes: number
  now(): number
}

const lookupDigest = (lookup: string) => sha256(`kedai-pairing:${lookup}`)

export async function handleDepositPairing(
  request: IncomingMessage,
  response: ServerResponse,
  device: DeviceRecord,
  options: PairingRouteOptions,
): Promise<void> {
  const body = await readJson(request, response, depositPairingSchema, options.maxBodyBytes)
  if (!body) return
  const at = options.now()
  const expiresAt = at + (body.validityMs ?? defaultPairingValidityMs)
  await options.store.createPairing({
    lookupDigest: lookupDigest(body.lookup),
    shopId: device.shopId,
    createdBy: device.id,
    salt: Buffer.from(body.salt, 'base64'),
    nonce: Buffer.from(body.nonce, 'base64'),
    sealed: Buffer.from(body.sealed, 'base64'),
    createdAt: at,
    expiresAt,
  })
  const answer: DepositPairingAnswer = { expiresAt }
  sendJson(response, 200, answer)
}

export async function handlePair(
  request: IncomingMessage,
  response: ServerResponse,
  options: PairingRouteOptions,
): Promise<void> {
  const body = await readJson(request, response, pairRequestSchema, options.maxBodyBytes)
  if (!body) return
  const deviceToken = newDeviceToken()
  const paired = await options.store.pair({
    lookupDigest: lookupDigest(body.lookup),
    at: options.now(),
    deviceId: ulid(),
    deviceTokenDigest: sha256(deviceToken),
    deviceName: body.deviceName,
  })
  if (!paired) {
    return sendError(
      response,
      403,
      'INVALID_CODE',
      'This pairing code is wrong, expired or already used.',
    )
  }
  log.info(`device ${paired.device.id} paired into shop ${paired.shop.id}`)
  const answer: PairAnswer = {
    shopId: paired.shop.id,
    deviceId: paired.device.id,
    deviceToken,
  }
  sendJson(response, 200, answer)
}

export async function handlePairingSecret(
  response: ServerResponse,
  device: DeviceRecord,
  store: RelayStore,
): Promise<void> {
  const secret = await store.pairingSecret(device.shopId, device.id)
  if (!secret)
    return sendError(response, 404, 'NOT_FOUND', 'No pairing secret waits for this device.')
  const answer: PairingSecretAnswer = {
    salt: Buffer.from(secret.salt).toString('base64'),
    nonce: Buffer.from(secret.nonce).toString('base64'),
    sealed: Buffer.from(secret.sealed).toString('base64'),
  }
  sendJson(response, 200, answer)
}

export async function handleDeletePairingSecret(
  response: ServerResponse,
  device: DeviceRecord,
  store: RelayStore,
): Promise<void> {
  const deleted = await store.deletePairingSecret(device.shopId, device.id)
  sendJson(response, 200, { deleted })
}
