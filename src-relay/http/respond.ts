/** Writing answers: JSON with the right headers, and the one error shape every route uses. */
import type { ServerResponse } from 'node:http'

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  response.end(text)
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  response.end(text)
}

/** `{error: {code, message}}`; codes are upper snake case words a client can switch on. */
export function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  sendJson(response, status, { error: { code, message, ...extra } })
}

/** For bodies refused before they were read: the rest of the upload is not worth waiting for. */
export function closeAfter(response: ServerResponse): void {
  response.setHeader('connection', 'close')
}
