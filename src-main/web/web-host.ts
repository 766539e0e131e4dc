/**
 * Browser mode: the renderer over HTTP and the bridge over a WebSocket, both on 127.0.0.1 only.
 * The WebSocket opens only with this launch's random token and from the page's own origin, so
 * another site open in the same browser, or another user of the machine, cannot drive core.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { CoreConnection } from '../core/worker/core-connection'
import { createLogger } from '../core/logger'
import { contentSecurityPolicy } from '../../src-shared/security/content-security-policy'
import { serveStatic } from './static-files'

const log = createLogger('web')

export const bridgePath = '/bridge'
/**
 * Frames larger than any call needs are refused before they are parsed. The largest call is a
 * restore, which carries a whole backup (base64); only a peer holding the token gets this far.
 */
const maxFrameBytes = 1024 * 1024 * 1024

export interface WebHostOptions {
  core: CoreConnection
  rendererDir: string
  port?: number
  /** Fixed only by tests; a launch makes a fresh one. */
  token?: string
}

export interface WebHost {
  readonly url: string
  readonly origin: string
  readonly token: string
  close(): Promise<void>
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const sockets = new Set<WebSocket>()
  let origin = ''

  const securityHeaders = {
    'Content-Security-Policy': `${contentSecurityPolicy}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }

  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, securityHeaders).end()
      return
    }
    const path = new URL(request.url ?? '/', origin).pathname
    serveStatic(options.rendererDir, path, response, securityHeaders).catch((cause: unknown) => {
      log.error('serving a file failed', cause)
      if (!response.headersSent) response.writeHead(500, securityHeaders)
      response.end()
    })
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes })

  server.on('upgrade', (request, socket, head) => {
    const refusal = refuse(request, origin, token)
    if (refusal) {
      log.warn(`bridge connection refused: ${refusal}`)
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\n${refusal}\n`)
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => attach(ws))
  })

  function attach(ws: WebSocket): void {
    sockets.add(ws)
    const unsubscribe = options.core.subscribe((event) => send(ws, event))
    ws.on('message', (data, isBinary) => {
      if (isBinary) return
      let message: unknown
      try {
        message = JSON.parse(frameText(data))
      } catch {
        send(ws, { id: '', ok: false, error: { code: 'INVALID_INPUT', message: 'Not JSON.' } })
        return
      }
      options.core.handle(message).then(
        (response) => send(ws, response),
        (cause: unknown) => log.error('a bridge call failed to answer', cause),
      )
    })
    ws.on('close', () => {
      unsubscribe()
      sockets.delete(ws)
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      server.close()
      await options.core.drain()
      for (const ws of sockets) ws.close(1001, 'Kedai is closing')
      wss.close()
      server.closeAllConnections()
    },
  }
}

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8')
}

function send(ws: WebSocket, message: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
}

/** Why this upgrade request may not open the bridge, or null when it may. */
export function refuse(request: IncomingMessage, origin: string, token: string): string | null {
  const url = new URL(request.url ?? '/', origin)
  if (url.pathname !== bridgePath) return 'unknown path'
  if (request.headers.origin !== origin) return 'foreign origin'
  const offered = url.searchParams.get('token')
  if (!offered) return 'missing token'
  const a = Buffer.from(offered)
  const b = Buffer.from(token)
  if (a.length !== b.length || !timingSafeEqual(a, b)) return 'wrong token'
  return null
}
