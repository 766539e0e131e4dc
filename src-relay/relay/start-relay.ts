/**
 * Starts a relay: the webhook endpoint the platform calls, the device API the shop's desktops
 * call, and the sender between them, over one store. Listens on 127.0.0.1 unless told otherwise.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createShopSealer } from '../crypto/seal'
import { loadSodium } from '../crypto/sodium'
import { createStreamHub } from '../devices/stream-hub'
import { sendError } from '../http/respond'
import { createLogger } from '../logger'
import { createGraphClient } from '../sending/graph-client'
import { createPacer } from '../sending/pacer'
import { createSender, defaultSendingSettings, type SendingSettings } from '../sending/sender'
import type { RelayStore, ShopRecord } from '../store/relay-store'
import { openSqliteRelayStore } from '../store/sqlite/sqlite-store'
import { createWebhookIntake } from '../webhook/intake'
import { createShopDirectory } from '../webhook/shop-directory'
import { createInvite, type Invite } from './invites'
import {
  defaultApiVersion,
  defaultGraphUrl,
  defaultRelayLimits,
  type RelayConfig,
} from './relay-config'
import { createRouter } from './router'

const log = createLogger('relay')

export interface Relay {
  /** `http://127.0.0.1:<port>`: the device API's base. */
  readonly url: string
  /** Where the platform (or the emulator) posts: `<url>/webhook`. */
  readonly webhookUrl: string
  readonly port: number
  readonly store: RelayStore
  /** A one-time enrolment code for the configured phone number (or another). */
  createInvite(options?: { phoneNumberId?: string; validityMs?: number }): Promise<Invite>
  /** Called after each enrolment; returns a function that stops listening. */
  onShopEnrolled(listener: (shop: ShopRecord, shopCreated: boolean) => void): () => void
  shops(): Promise<ShopRecord[]>
  /** Waits for the work that follows acknowledged webhooks (tests use it). */
  idle(): Promise<void>
  close(): Promise<void>
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}

export async function startRelay(config: RelayConfig): Promise<Relay> {
  const now = config.now ?? Date.now
  const limits = { ...defaultRelayLimits, ...config.limits }
  const sending: SendingSettings = { ...defaultSendingSettings, ...config.sending }
  const sodium = await loadSodium()
  const ownsStore = config.store === undefined
  const store =
    config.store ??
    openSqliteRelayStore({ dataDir: config.dataDir, nativeBinding: config.nativeBinding })

  try {
    const directory = createShopDirectory(store)
    await directory.reload()
    const hub = createStreamHub(store)
    const graph = createGraphClient({
      graphUrl: config.graphUrl ?? defaultGraphUrl,
      apiVersion: config.apiVersion ?? defaultApiVersion,
      accessToken: config.accessToken,
      timeoutMs: sending.graphTimeoutMs,
    })
    const sender = createSender({
      store,
      graph,
      pacer: createPacer(),
      settings: sending,
      publish: (shopId, message) => hub.publish(shopId, message),
      now,
    })
    await sender.recover()
    const intake = createWebhookIntake({
      store,
      directory,
      sealer: createShopSealer(sodium),
      appSecret: config.appSecret,
      maxBodyBytes: limits.webhookBodyBytes,
      publish: (shopId, message) => hub.publish(shopId, message),
      announceSend: (record) => sender.announce(record),
      now,
    })
    const enrolListeners = new Set<(shop: ShopRecord, shopCreated: boolean) => void>()
    const route = createRouter({
      store,
      intake,
      hub,
      verifyToken: config.verifyToken,
      now,
      enrol: {
        store,
        maxBodyBytes: limits.deviceBodyBytes,
        now,
        async onEnrolled(shop, shopCreated) {
          await directory.reload()
          for (const listener of enrolListeners) listener(shop, shopCreated)
        },
      },
      sync: {
        store,
        hub,
        batchBodyBytes: limits.syncBatchBytes,
        snapshotBodyBytes: limits.snapshotBytes,
        now,
      },
      pairing: { store, maxBodyBytes: limits.deviceBodyBytes, now },
      files: { store, maxFileBytes: limits.shopFileBytes, now },
      sending: {
        store,
        sender,
        graph,
        maxBodyBytes: limits.deviceBodyBytes,
        shopOf: (device) => directory.all().find((shop) => shop.id === device.shopId),
      },
      media: {
        graph,
        maxBodyBytes: limits.mediaBodyBytes,
        shopOf: (device) => directory.all().find((shop) => shop.id === device.shopId),
      },
    })

    // A whole request must arrive within 5 minutes: a 16 MB file is 22 MB of base64, about three
    // minutes on a 1 Mbit/s shop uplink. Headers still have to come within the default 60 s.
    const server = createServer({ requestTimeout: 300_000 }, (request, response) => {
      route(request, response).catch((cause: unknown) => {
        log.error(
          `${request.method} ${new URL(request.url ?? '/', 'http://x').pathname} failed`,
          cause,
        )
        sendError(response, 500, 'INTERNAL', 'The relay could not answer this request.')
      })
    })
    server.on('upgrade', (request, socket, head) => {
      if (new URL(request.url ?? '/', 'http://x').pathname === '/v1/stream') {
        hub.handleUpgrade(request, socket, head)
      } else {
        socket.destroy()
      }
    })
    server.on('clientError', (_cause, socket) => socket.destroy())

    const forgetOldKeys = () =>
      Promise.all([
        store.forgetEventKeysBefore(now() - limits.eventKeyRetentionMs),
        store.forgetPairingsBefore(now()),
      ]).catch((cause: unknown) => log.warn('could not forget old event keys', cause))
    await forgetOldKeys()
    const housekeeping = setInterval(() => void forgetOldKeys(), 60 * 60 * 1000)
    housekeeping.unref()

    const address = await listen(server, config.port ?? 0, config.host ?? '127.0.0.1')
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
    const url = `http://${host}:${address.port}`
    log.info(`listening on ${url} (webhook ${url}/webhook)`)

    let closed: Promise<void> | undefined
    return {
      url,
      webhookUrl: `${url}/webhook`,
      port: address.port,
      store,
      createInvite(options = {}) {
        const phoneNumberId = options.phoneNumberId ?? config.phoneNumberId
        return createInvite(store, {
          phoneNumberId,
          // The configured business account is the configured number's; another number's is
          // learnt from its first webhook.
          businessAccountId:
            phoneNumberId === config.phoneNumberId ? (config.businessAccountId ?? null) : null,
          validityMs: options.validityMs,
          now: now(),
        })
      },
      onShopEnrolled(listener) {
        enrolListeners.add(listener)
        return () => enrolListeners.delete(listener)
      },
      shops: () => store.shops(),
      idle: () => intake.idle(),
      close() {
        closed ??= (async () => {
          clearInterval(housekeeping)
          const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
          server.closeIdleConnections()
          hub.close()
          await sender.close()
          await intake.idle()
          const grace = setTimeout(() => server.closeAllConnections(), 2000)
          await stopped
          clearTimeout(grace)
          if (ownsStore) await store.close()
          log.info('stopped')
        })()
        return closed
      },
    }
  } catch (cause) {
    if (ownsStore) await store.close()
    throw cause
  }
}
