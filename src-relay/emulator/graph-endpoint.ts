/**
 * The emulator's HTTP face: `POST /{version}/{phone-number-id}/messages` with a bearer token,
 * answered in the Cloud API's words. A wrong token is error 190, another phone number id error
 * 100; everything else is the platform's decision (platform.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { constantTimeEqual } from '../crypto/secrets'
import { readBody } from '../http/read-body'
import { sendJson } from '../http/respond'
import { synchronousError } from './graph-errors'
import type { IdMaker } from './ids'
import type { Platform } from './platform'

const messagesPath = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/

export interface GraphEndpointOptions {
  accessToken: string
  phoneNumberId: string
  platform: Platform
  ids: IdMaker
}

export function createGraphEndpoint(options: GraphEndpointOptions) {
  const refuse = (response: ServerResponse, code: number) => {
    const error = synchronousError(code, options.ids.fbtraceId())
    sendJson(response, error.httpStatus, error.body)
  }

  return async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://graph.invalid').pathname
    const match = messagesPath.exec(path)
    if (!match || request.method !== 'POST') return refuse(response, 100)
    const header = request.headers.authorization ?? ''
    const token = /^Bearer (.+)$/.exec(header)?.[1] ?? ''
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
