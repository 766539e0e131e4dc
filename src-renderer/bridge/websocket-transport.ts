/**
 * Browser mode's transport: one WebSocket to the web host on the page's own origin, opened with
 * the token from the address's fragment (never sent to a server in a plain request).
 */
import {
  isEventEnvelope,
  responseEnvelopeSchema,
  eventEnvelopeSchema,
  type EventEnvelope,
  type ResponseEnvelope,
} from '../../src-shared/bridge/envelope'
import type { BridgeTransport } from '../../src-shared/bridge/client'

export function tokenFromLocation(location: Location): string | null {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('token')
}

/** The constructor is a parameter so tests in Node can hand in a compatible client. */
export function createWebSocketTransport(
  url: string,
  WebSocketImpl: typeof WebSocket = WebSocket,
): BridgeTransport {
  const pending = new Map<string, (response: ResponseEnvelope) => void>()
  const listeners = new Set<(event: EventEnvelope) => void>()
  const socket = new WebSocketImpl(url)
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener(
      'close',
      () => reject(new Error('Kedai refused or closed the connection.')),
      {
        once: true,
      },
    )
  })
  // Nothing waits on `opened` until the first call; keep an early refusal from going unhandled.
  opened.catch(() => undefined)

  socket.addEventListener('message', (message: MessageEvent<string>) => {
    let data: unknown
    try {
      data = JSON.parse(message.data)
    } catch {
      return
    }
    if (isEventEnvelope(data)) {
      const event = eventEnvelopeSchema.safeParse(data)
      if (event.success) for (const listener of listeners) listener(event.data)
      return
    }
    const response = responseEnvelopeSchema.safeParse(data)
    if (!response.success) return
    pending.get(response.data.id)?.(response.data)
    pending.delete(response.data.id)
  })
  socket.addEventListener('close', () => {
    for (const [id, resolve] of pending) {
      resolve({
        id,
        ok: false,
        error: { code: 'DISCONNECTED', message: 'The connection to Kedai was lost.' },
      })
    }
    pending.clear()
  })

  return {
    request(envelope) {
      const send = () =>
        new Promise<ResponseEnvelope>((resolve) => {
          pending.set(envelope.id, resolve)
          socket.send(JSON.stringify(envelope))
        })
      // Sent at once on an open socket: waiting a turn would let Vue draw first, and a call made
      // together with a change on screen (opening a conversation) would leave 10 ms later.
      return socket.readyState === WebSocketImpl.OPEN ? send() : opened.then(send)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
