/**
 * Calls the Cloud API (or the emulator, which speaks the same wire format). It tells apart the
 * three things that can happen to a POST, because only one of them allows trying again:
 * - `answered`: the platform said something (accepted or refused);
 * - `notSent`: the connection never opened (refused, no DNS), so the request cannot have arrived;
 * - `noAnswer`: the request may have arrived, but no answer came (timeout, reset). The message
 *   may or may not have gone out; it is never sent again blindly.
 * Each call uses a fresh connection: a reused keep-alive socket that the far end had closed fails
 * in a way indistinguishable from a lost answer.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'

export type GraphAnswer =
  | { kind: 'answered'; status: number; body: unknown }
  | { kind: 'notSent'; message: string }
  | { kind: 'noAnswer'; message: string }

export interface GraphClientOptions {
  /** e.g. `https://graph.facebook.com`, or the emulator's address. */
  graphUrl: string
  apiVersion: string
  accessToken: string
  timeoutMs: number
  /** A file upload carries up to 16 MB, so it gets longer than a send; 120 s by default. */
  uploadTimeoutMs?: number
}

/** A file on its way to `POST /{phone-number-id}/media`; held in memory only for the call. */
export interface MediaFile {
  bytes: Buffer
  mimeType: string
  fileName: string
}

export interface GraphClient {
  postMessages(phoneNumberId: string, body: unknown): Promise<GraphAnswer>
  /** `GET /{waba-id}/message_templates`, one page (`after` is the paging cursor). */
  getTemplates(businessAccountId: string, after?: string): Promise<GraphAnswer>
  /** `POST /{waba-id}/message_templates`: a template submitted for review. */
  postTemplate(businessAccountId: string, body: unknown): Promise<GraphAnswer>
  /** `POST /{phone-number-id}/media`: a file uploaded as multipart/form-data; answers its id. */
  postMedia(phoneNumberId: string, file: MediaFile): Promise<GraphAnswer>
}

const maxAnswerBytes = 1024 * 1024
const defaultUploadTimeoutMs = 120_000

interface Payload {
  bytes: Buffer
  contentType: string
}

const jsonPayload = (body: unknown): Payload => ({
  bytes: Buffer.from(body === undefined ? '' : JSON.stringify(body), 'utf8'),
  contentType: 'application/json',
})

/**
 * The upload form as the Cloud API documents it: `messaging_product`, `type` (the MIME type) and
 * `file`. Node's own FormData encoder writes the multipart body, boundary included.
 */
async function mediaPayload(file: MediaFile): Promise<Payload> {
  const form = new FormData()
  form.append('messaging_product', 'whatsapp')
  form.append('type', file.mimeType)
  form.append(
    'file',
    new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }),
    file.fileName,
  )
  const encoded = new Response(form)
  const contentType = encoded.headers.get('content-type')
  if (!contentType) throw new Error('the upload form has no content type')
  return { bytes: Buffer.from(await encoded.arrayBuffer()), contentType }
}

function readAnswer(response: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    response.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxAnswerBytes) response.destroy(new Error('the answer is too large'))
      else chunks.push(chunk)
    })
    response.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      try {
        resolve(JSON.parse(text) as unknown)
      } catch {
        resolve(text)
      }
    })
    response.on('error', reject)
    response.on('aborted', () => reject(new Error('the answer was cut off')))
  })
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = options.graphUrl.replace(/\/+$/, '')
  const at = (path: string) => new URL(`${base}/${options.apiVersion}/${path}`)

  function call(
    method: 'GET' | 'POST',
    url: URL,
    payload: Payload = jsonPayload(undefined),
    timeoutMs = options.timeoutMs,
  ): Promise<GraphAnswer> {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    return new Promise<GraphAnswer>((resolve) => {
      let connected = false
      let settled = false
      const settle = (answer: GraphAnswer) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(answer)
      }
      const request = send(url, {
        method,
        agent: false,
        headers: {
          authorization: `Bearer ${options.accessToken}`,
          'content-type': payload.contentType,
          'content-length': payload.bytes.length,
          connection: 'close',
        },
      })
      const timer = setTimeout(() => {
        request.destroy(new Error(`no answer within ${timeoutMs} ms`))
      }, timeoutMs)
      request.on('socket', (socket) => {
        const mark = () => (connected = true)
        if (url.protocol === 'https:') socket.once('secureConnect', mark)
        else socket.once('connect', mark)
      })
      request.on('response', (response) => {
        readAnswer(response).then(
          (answerBody) =>
            settle({ kind: 'answered', status: response.statusCode ?? 0, body: answerBody }),
          (cause: unknown) =>
            settle({
              kind: 'noAnswer',
              message: cause instanceof Error ? cause.message : 'cut off',
            }),
        )
      })
      request.on('error', (cause: NodeJS.ErrnoException) => {
        const detail = cause.code ?? cause.message
        // A connection that never opened carried nothing: safe to try again. Once it opened,
        // the request may have reached the platform whatever went wrong after.
        settle(
          connected ? { kind: 'noAnswer', message: detail } : { kind: 'notSent', message: detail },
        )
      })
      request.end(payload.bytes)
    })
  }

  return {
    postMessages: (phoneNumberId, body) =>
      call('POST', at(`${encodeURIComponent(phoneNumberId)}/messages`), jsonPayload(body)),
    getTemplates(businessAccountId, after) {
      const url = at(`${encodeURIComponent(businessAccountId)}/message_templates`)
      url.searchParams.set('limit', '100')
      if (after) url.searchParams.set('after', after)
      return call('GET', url)
    },
    postTemplate: (businessAccountId, body) =>
      call(
        'POST',
        at(`${encodeURIComponent(businessAccountId)}/message_templates`),
        jsonPayload(body),
      ),
    async postMedia(phoneNumberId, file) {
      return call(
        'POST',
        at(`${encodeURIComponent(phoneNumberId)}/media`),
        await mediaPayload(file),
        options.uploadTimeoutMs ?? defaultUploadTimeoutMs,
      )
    },
  }
}
