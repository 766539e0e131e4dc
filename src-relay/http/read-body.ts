/**
 * Reads a request body as raw bytes, refusing it as soon as it is larger than the limit (by its
 * Content-Length before reading anything, or while it streams in).
 */
import type { IncomingMessage } from 'node:http'

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; reason: 'tooLarge' | 'aborted' }

export function readBody(request: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limitBytes) {
    return Promise.resolve({ ok: false, reason: 'tooLarge' })
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (read: BodyRead) => {
      if (settled) return
      settled = true
      resolve(read)
    }
    request.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > limitBytes) {
        finish({ ok: false, reason: 'tooLarge' })
        request.pause()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks, size) }))
    request.on('error', () => finish({ ok: false, reason: 'aborted' }))
    request.on('close', () => finish({ ok: false, reason: 'aborted' }))
  })
}
