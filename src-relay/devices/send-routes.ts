/**
 * `POST /v1/send`, `GET /v1/send/<clientId>` and `POST /v1/mark-read`: a device's way out to
 * the customers. The send routes answer with the outcome as recorded; only the first POST of a
 * client id ever reaches the platform.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { buildMarkAsRead, parseSendResponse } from '../../src-shared/whatsapp'
import { clientIdSchema, markReadRequestSchema, sendRequestSchema } from '../api/device-api'
import { readJson } from '../http/read-json'
import { sendError, sendJson } from '../http/respond'
import type { GraphClient } from '../sending/graph-client'
import type { Sender } from '../sending/sender'
import { outcomeOf } from '../sending/send-state'
import type { DeviceRecord, RelayStore, ShopRecord } from '../store/relay-store'

export interface SendRouteOptions {
  store: RelayStore
  sender: Sender
  graph: GraphClient
  maxBodyBytes: number
  shopOf(device: DeviceRecord): ShopRecord | undefined
}

export async function handleSend(
  request: IncomingMessage,
  response: ServerResponse,
  device: DeviceRecord,
  options: SendRouteOptions,
): Promise<void> {
  const body = await readJson(request, response, sendRequestSchema, options.maxBodyBytes)
  if (!body) return
  if ((body.message as { status?: unknown }).status !== undefined) {
    sendError(
      response,
      400,
      'INVALID_INPUT',
      'message: a send body, not a mark-as-read (use /v1/mark-read)',
    )
    return
  }
  const shop = options.shopOf(device)
  if (!shop) return sendError(response, 404, 'NOT_FOUND', 'This shop is not on this relay.')
  const outcome = await options.sender.send(shop, body.clientId, body.message)
  sendJson(response, 200, outcome)
}

export async function handleSendLookup(
  clientId: string,
  response: ServerResponse,
  device: DeviceRecord,
  store: RelayStore,
): Promise<void> {
  const record = clientIdSchema.safeParse(clientId).success
    ? await store.sendByClientId(device.shopId, clientId)
    : null
  if (!record) return sendError(response, 404, 'NOT_FOUND', 'No send with this client id.')
  sendJson(response, 200, outcomeOf(record))
}

export async function handleMarkRead(
  request: IncomingMessage,
  response: ServerResponse,
  device: DeviceRecord,
  options: SendRouteOptions,
): Promise<void> {
  const body = await readJson(request, response, markReadRequestSchema, options.maxBodyBytes)
  if (!body) return
  const built = buildMarkAsRead({ wamid: body.wamid })
  if (!built.ok) return sendError(response, 400, 'INVALID_INPUT', `wamid: ${built.message}`)
  const shop = options.shopOf(device)
  if (!shop) return sendError(response, 404, 'NOT_FOUND', 'This shop is not on this relay.')
  // Marking as read twice is harmless, so here a lost answer may simply be asked again.
  const answer = await options.graph.postMessages(shop.phoneNumberId, built.body)
  if (answer.kind !== 'answered') {
    return sendError(
      response,
      504,
      'PLATFORM_NO_ANSWER',
      `The platform did not answer (${answer.message}).`,
    )
  }
  if (answer.status >= 200 && answer.status < 300) return sendJson(response, 200, { ok: true })
  const read = parseSendResponse(answer.body)
  if (read.kind === 'refused') {
    return sendError(
      response,
      502,
      'PLATFORM_REFUSED',
      read.error.title ?? read.error.message ?? 'refused',
      {
        platform: { code: read.error.code, reason: read.error.reason },
      },
    )
  }
  sendError(response, 502, 'PLATFORM_REFUSED', `The platform answered HTTP ${answer.status}.`)
}
