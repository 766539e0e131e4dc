/**
 * `GET /v1/stream`: a WebSocket per connected device, authenticated by the same bearer header
 * before the upgrade completes. The relay pushes only hints (a new inbox seq, a send's new
 * outcome); the device pulls the data itself, so a missed hint costs nothing but a little delay.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { StreamMessage } from '../../src-shared/relay/device-protocol'
import { createLogger } from '../logger'
import type { RelayStore } from '../store/relay-store'
import { authenticateDevice } from './authenticate'

const log = createLogger('stream')

interface Subscriber {
  socket: WebSocket
  deviceId: string
  alive: boolean
}

export interface StreamHub {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  publish(shopId: string, message: StreamMessage): void
  /** Closes a removed device's connections. */
  disconnectDevice(shopId: string, deviceId: string): void
  connections(): number
  close(): void
}

export function createStreamHub(store: RelayStore, heartbeatMs = 30_000): StreamHub {
  const server = new WebSocketServer({ noServer: true, maxPayload: 4096 })
  const byShop = new Map<string, Set<Subscriber>>()

  const heartbeat = setInterval(() => {
    for (const subscribers of byShop.values()) {
      for (const subscriber of subscribers) {
        if (!subscriber.alive) {
          subscriber.socket.terminate()
          continue
        }
        subscriber.alive = false
        subscriber.socket.ping()
      }
    }
  }, heartbeatMs)
  heartbeat.unref()

  function refuse(socket: Duplex, status: 401, code: string): void {
    const body = JSON.stringify({
      error: { code, message: 'The stream needs a valid device token.' },
    })
    socket.end(
      `HTTP/1.1 ${status} Unauthorized\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    )
  }

  function register(
    shopId: string,
    deviceId: string,
    socket: WebSocket,
    latestSeq: number,
    latestSyncSeq: number,
  ): void {
    const subscriber: Subscriber = { socket, deviceId, alive: true }
    let subscribers = byShop.get(shopId)
    if (!subscribers) byShop.set(shopId, (subscribers = new Set()))
    subscribers.add(subscriber)
    socket.on('pong', () => (subscriber.alive = true))
    socket.on('close', () => {
      subscribers.delete(subscriber)
      if (subscribers.size === 0) byShop.delete(shopId)
    })
    socket.on('error', (cause) => log.warn('a stream connection failed', cause))
    // Devices only listen; anything they say is ignored.
    socket.on('message', () => undefined)
    // Where the shop's inbox stands now, so a device that just connected knows whether to pull.
    if (latestSeq > 0)
      socket.send(JSON.stringify({ type: 'inbox', seq: latestSeq } satisfies StreamMessage))
    if (latestSyncSeq > 0)
      socket.send(JSON.stringify({ type: 'sync', seq: latestSyncSeq } satisfies StreamMessage))
  }

  return {
    handleUpgrade(request, socket, head) {
      socket.on('error', () => undefined)
      authenticateDevice(store, request.headers)
        .then(async (auth) => {
          if (!auth.ok) return refuse(socket, 401, auth.code)
          const latestSeq = await store.latestSeq(auth.device.shopId)
          const latestSyncSeq = await store.latestSyncSeq(auth.device.shopId)
          server.handleUpgrade(request, socket, head, (ws) =>
            register(auth.device.shopId, auth.device.id, ws, latestSeq, latestSyncSeq),
          )
        })
        .catch((cause: unknown) => {
          log.error('could not open a stream', cause)
          socket.destroy()
        })
    },
    publish(shopId, message) {
      const subscribers = byShop.get(shopId)
      if (!subscribers) return
      const text = JSON.stringify(message)
      for (const subscriber of subscribers) subscriber.socket.send(text)
    },
    disconnectDevice(shopId, deviceId) {
      for (const subscriber of byShop.get(shopId) ?? []) {
        if (subscriber.deviceId === deviceId) subscriber.socket.close(4401, 'device removed')
      }
    },
    connections: () => [...byShop.values()].reduce((sum, set) => sum + set.size, 0),
    close() {
      clearInterval(heartbeat)
      for (const subscribers of byShop.values()) {
        for (const subscriber of subscribers) subscriber.socket.close(1001, 'relay stopping')
      }
      byShop.clear()
      server.close()
    },
  }
}
