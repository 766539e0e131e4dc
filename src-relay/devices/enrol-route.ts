/**
 * `POST /v1/enrol`: a one-time code from the relay's operator, the shop's public key and a name
 * for the device become a device token. The first enrolment on a phone number creates its shop;
 * later ones join it with the same key. A wrong, expired or spent code looks the same from
 * outside, whichever it was.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ulid } from 'ulid'
import { enrolRequestSchema } from '../api/device-api'
import type { EnrolAnswer } from '../../src-shared/relay/device-protocol'
import { inviteCodeDigest } from '../crypto/invite-code'
import { readShopPublicKey } from '../crypto/seal'
import { newDeviceToken, sha256 } from '../crypto/secrets'
import { readJson } from '../http/read-json'
import { sendError, sendJson } from '../http/respond'
import { createLogger } from '../logger'
import type { RelayStore, ShopRecord } from '../store/relay-store'

const log = createLogger('enrol')

export interface EnrolRouteOptions {
  store: RelayStore
  maxBodyBytes: number
  now(): number
  onEnrolled(shop: ShopRecord, shopCreated: boolean): Promise<void>
}

export async function handleEnrol(
  request: IncomingMessage,
  response: ServerResponse,
  options: EnrolRouteOptions,
): Promise<void> {
  const body = await readJson(request, response, enrolRequestSchema, options.maxBodyBytes)
  if (!body) return
  const shopPublicKey = readShopPublicKey(body.shopPublicKey)
  if (!shopPublicKey) {
    sendError(
      response,
      400,
      'INVALID_INPUT',
      'shopPublicKey: base64 of a 32-byte crypto_box public key',
    )
    return
  }
  const invalidCode = () =>
    sendError(
      response,
      403,
      'INVALID_CODE',
      'This enrolment code is wrong, expired or already used.',
    )
  const codeDigest = inviteCodeDigest(body.code)
  if (!codeDigest) return invalidCode()

  const deviceToken = newDeviceToken()
  const result = await options.store.enrol({
    codeDigest,
    at: options.now(),
    shopPublicKey,
    newShopId: ulid(),
    deviceId: ulid(),
    deviceTokenDigest: sha256(deviceToken),
    deviceName: body.deviceName,
  })
  if (!result.ok) {
    if (result.reason === 'invalidCode') return invalidCode()
    sendError(
      response,
      409,
      'SHOP_KEY_MISMATCH',
      "This phone number's shop is enrolled with another key. Pair this device from one that is already in the shop.",
    )
    return
  }
  log.info(
    `device ${result.device.id} enrolled in shop ${result.shop.id}${result.shopCreated ? ' (new shop)' : ''}`,
  )
  await options.onEnrolled(result.shop, result.shopCreated)
  const answer: EnrolAnswer = { shopId: result.shop.id, deviceId: result.device.id, deviceToken }
  sendJson(response, 200, answer)
}
