/**
 * Files a shop's devices share (`/v1/files/<fileId>`): a quick reply's photo or document, sealed
 * by the device with the shop's sync key before it leaves, so another computer of the shop can
 * fetch it and send it. The relay keeps the bytes as they came and never opens them. An id keeps
 * its bytes for good: the same bytes again are a harmless retry, other bytes are refused. Every
 * query is scoped to the caller's shop, so another shop's file answers like a missing one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ShopFileAnswer } from '../../src-shared/relay/device-protocol'
import { clientIdSchema } from '../api/device-api'
import { readBody } from '../http/read-body'
import { closeAfter, sendError, sendJson } from '../http/respond'
import { createLogger } from '../logger'
import type { DeviceRecord, RelayStore } from '../store/relay-store'

const log = createLogger('files')

export interface FileRouteOptions {
  store: RelayStore
  maxFileBytes: number
  now(): number
}

export const filePath = /^\/v1\/files\/([^/]+)$/

/** Answers `PUT` and `GET` of one file; the caller has authenticated the device. */
export async function handleFile(
  method: 'PUT' | 'GET',
  rawFileId: string,
  request: IncomingMessage,
  response: ServerResponse,
  device: DeviceRecord,
  options: FileRouteOptions,
): Promise<void> {
  const fileId = clientIdSchema.safeParse(rawFileId)
  if (!fileId.success) {
    if (method === 'PUT') closeAfter(response)
    return sendError(response, 400, 'INVALID_INPUT', 'A file id is a ULID.')
  }
  return method === 'PUT'
    ? putFile(fileId.data, request, response, device, options)
    : getFile(fileId.data, response, device, options.store)
}

function isOctetStream(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/octet-stream'
}

async function putFile(
  fileId: string,
  request: IncomingMessage,
  response: ServerResponse,
  device: DeviceRecord,
  options: FileRouteOptions,
): Promise<void> {
  if (!isOctetStream(request.headers['content-type'])) {
    closeAfter(response)
    return sendError(
      response,
      415,
      'INVALID_INPUT',
      'A file is sent as its sealed bytes, content-type application/octet-stream.',
    )
  }
  const read = await readBody(request, options.maxFileBytes)
  if (!read.ok) {
    if (read.reason === 'tooLarge') {
      closeAfter(response)
      log.info(
        `file ${fileId} refused for shop ${device.shopId}: over ${options.maxFileBytes} bytes`,
      )
      sendError(
        response,
        413,
        'PAYLOAD_TOO_LARGE',
        `A file may have at most ${options.maxFileBytes} bytes.`,
      )
    }
    return
  }
  const size = read.bytes.byteLength
  if (size === 0) return sendError(response, 400, 'INVALID_INPUT', 'The file is empty.')

  const kept = await options.store.putShopFile(device.shopId, {
    fileId,
    sealed: read.bytes,
    createdAt: options.now(),
  })
  if (kept === 'different') {
    log.warn(`file ${fileId} of shop ${device.shopId}: other bytes (${size}) under a kept id`)
    return sendError(
      response,
      409,
      'CONFLICT',
      'Another file is already kept under this id; an id never changes its bytes.',
    )
  }
  if (kept === 'stored') {
    log.info(`file ${fileId} kept for shop ${device.shopId} from ${device.id} (${size} bytes)`)
  }
  const answer: ShopFileAnswer = { fileId, size }
  sendJson(response, 200, answer)
}

async function getFile(
  fileId: string,
  response: ServerResponse,
  device: DeviceRecord,
  store: RelayStore,
): Promise<void> {
  const sealed = await store.shopFile(device.shopId, fileId)
  if (!sealed) return sendError(response, 404, 'NOT_FOUND', 'No such file.')
  response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': sealed.byteLength,
    'cache-control': 'no-store',
  })
  response.end(sealed)
}
