/**
 * `POST /v1/media`: a quick reply's photo or document, uploaded to the platform on the device's
 * behalf (a desktop never holds the platform's token). The device sends the file as base64 in
 * JSON; the relay passes it to `POST /{phone-number-id}/media` as multipart/form-data and answers
 * the platform's media id, which the device then names in an image or document send through
 * `POST /v1/send`. The file lives in this request's memory only: nothing is written to disk, and
 * the log names sizes and ids, never the file's name or bytes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { attachmentMaxBytes } from '../../src-shared/quick-replies/attachment-rules'
import type { MediaUploadAnswer } from '../../src-shared/relay/device-protocol'
import { mediaUploadRequestSchema } from '../api/device-api'
import { readJson } from '../http/read-json'
import { sendError, sendJson } from '../http/respond'
import { createLogger } from '../logger'
import type { GraphClient } from '../sending/graph-client'
import type { DeviceRecord, ShopRecord } from '../store/relay-store'
import { answerPlatformFailure } from './platform-failure'

const log = createLogger('media')

export interface MediaRouteOptions {
  graph: GraphClient
  /** Larger than the other device routes' limit: base64 of a 16 MB file. */
  maxBodyBytes: number
  shopOf(device: DeviceRecord): ShopRecord | undefined
}

const uploadAnswerSchema = z.looseObject({ id: z.string().min(1) })

export async function handleMediaUpload(
  request: IncomingMessage,
  response: ServerResponse,
  device: DeviceRecord,
  options: MediaRouteOptions,
): Promise<void> {
  const body = await readJson(request, response, mediaUploadRequestSchema, options.maxBodyBytes)
  if (!body) return
  const bytes = Buffer.from(body.data, 'base64')
  if (bytes.length === 0 || bytes.length > attachmentMaxBytes) {
    return sendError(
      response,
      400,
      'INVALID_INPUT',
      `data: a file has 1 to ${attachmentMaxBytes} bytes; this one has ${bytes.length}`,
    )
  }
  const shop = options.shopOf(device)
  if (!shop) return sendError(response, 404, 'NOT_FOUND', 'This shop is not on this relay.')

  const answer = await options.graph.postMedia(shop.phoneNumberId, {
    bytes,
    mimeType: body.mimeType,
    fileName: body.fileName,
  })
  if (answer.kind !== 'answered' || answer.status !== 200) {
    log.warn(
      `an upload of ${bytes.length} bytes was not taken (${answer.kind === 'answered' ? `HTTP ${answer.status}` : answer.kind})`,
    )
    return answerPlatformFailure(response, answer)
  }
  const read = uploadAnswerSchema.safeParse(answer.body)
  if (!read.success) {
    return sendError(response, 502, 'PLATFORM_NO_ANSWER', 'The platform’s answer did not read.')
  }
  log.info(`uploaded ${bytes.length} bytes as media ${read.data.id}`)
  const uploaded: MediaUploadAnswer = { mediaId: read.data.id }
  sendJson(response, 200, uploaded)
}
