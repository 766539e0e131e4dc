/**
 * The emulator's HTTP face: `POST /{version}/{phone-number-id}/messages`,
 * `POST /{version}/{phone-number-id}/media` (multipart/form-data) and
 * `GET|POST /{version}/{waba-id}/message_templates` with a bearer token, answered in the Cloud
 * API's words. A wrong token is error 190, another phone number or account id error 100;
 * everything else is the platform's decision (platform.ts, template-review.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { constantTimeEqual } from '../crypto/secrets'
import { readBody } from '../http/read-body'
import { sendJson } from '../http/respond'
import { synchronousError } from './graph-errors'
import type { IdMaker } from './ids'
import { maxUploadBytes, type MediaLibrary } from './media-library'
import type { Platform } from './platform'
import type { TemplateReview } from './template-review'

const messagesPath = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/
const templatesPath = /^\/(v\d+\.\d+)\/([^/]+)\/message_templates$/
const mediaPath = /^\/(v\d+\.\d+)\/([^/]+)\/media$/

export interface GraphEndpointOptions {
  accessToken: string
  phoneNumberId: string
  businessAccountId: string
  platform: Platform
  templates: TemplateReview
  media: MediaLibrary
  ids: IdMaker
}

export function createGraphEndpoint(options: GraphEndpointOptions) {
  const refuse = (response: ServerResponse, code: number, details?: string) => {
    const error = synchronousError(code, options.ids.fbtraceId(), details)
    sendJson(response, error.httpStatus, error.body)
  }

  /** An upload: the multipart form parsed by the web platform's own parser, then judged. */
  async function answerMedia(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const read = await readBody(request, maxUploadBytes)
    if (!read.ok) return refuse(response, 100, 'Param file is too large.')
    const contentType = request.headers['content-type'] ?? ''
    if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
      return refuse(response, 100, 'An upload is multipart/form-data.')
    }
    let form: FormData
    try {
      form = await new Request('http://graph.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(read.bytes),
      }).formData()
    } catch {
      return refuse(response, 100, 'The multipart body does not read.')
    }
    const uploaded = await options.media.upload(form)
    if (!uploaded.ok) return refuse(response, 100, uploaded.details)
    sendJson(response, 200, { id: uploaded.id })
  }

  async function answerTemplates(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    if (request.method === 'GET') {
      const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 25) || 25, 1), 100)
      const after = url.searchParams.get('after') ?? undefined
      return sendJson(response, 200, options.templates.page(after, limit))
    }
    if (request.method !== 'POST') return refuse(response, 100)
    const read = await readBody(request, 256 * 1024)
    if (!read.ok) return refuse(response, 100)
    let body: unknown
    try {
      body = JSON.parse(read.bytes.toString('utf8'))
    } catch {
      return refuse(response, 100)
    }
    const created = options.templates.create(body)
    if (created.ok) return sendJson(response, 200, created.body)
    const error = synchronousError(100, options.ids.fbtraceId())
    sendJson(response, error.httpStatus, {
      error: { ...error.body.error, error_user_msg: created.message },
    })
  }

  return async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://graph.invalid')
    const path = url.pathname
    const header = request.headers.authorization ?? ''
    const token = /^Bearer (.+)$/.exec(header)?.[1] ?? ''
    const templates = templatesPath.exec(path)
    if (templates) {
      if (!constantTimeEqual(token, options.accessToken)) return refuse(response, 190)
      if (decodeURIComponent(templates[2]!) !== options.businessAccountId) {
        return refuse(response, 100)
      }
      return answerTemplates(request, response, url)
    }
    const media = mediaPath.exec(path)
    if (media && request.method === 'POST') {
      if (!constantTimeEqual(token, options.accessToken)) return refuse(response, 190)
      if (decodeURIComponent(media[2]!) !== options.phoneNumberId) return refuse(response, 100)
      return answerMedia(request, response)
    }
    const match = messagesPath.exec(path)
    if (!match || request.method !== 'POST') return refuse(response, 100)
    if (!constantTimeEqual(token, options.accessToken)) return refuse(response, 190)
    if (decodeURIComponent(match[2]!) !== options.phoneNumberId) return refuse(response, 100)
    const read = await readBody(request, 1024 * 1024)
    if (!read.ok) return refuse(response, 100)
    let body: unknown
    try {
      body = JSON.parse(read.bytes.toString('utf8'))
    } catch {
      return refuse(response, 100)
    }
    const answer = options.platform.answerMessages(body)
    if (answer.drop) {
      // Accepted, and the answer never comes: what a timeout or a reset looks like to the caller.
      request.socket.destroy()
      return
    }
    sendJson(response, answer.status, answer.body)
  }
}
