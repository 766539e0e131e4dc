/**
 * Which handler answers which request. Unknown paths are 404; the device routes authenticate
 * first and then see only the caller's shop.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { authenticateDevice } from '../devices/authenticate'
import { handleListDevices, handleRemoveDevice } from '../devices/device-routes'
import { handleEnrol, type EnrolRouteOptions } from '../devices/enrol-route'
import { filePath, handleFile, type FileRouteOptions } from '../devices/file-routes'
import { handleInbox } from '../devices/inbox-route'
import { handleMediaUpload, type MediaRouteOptions } from '../devices/media-route'
import {
  handleDeletePairingSecret,
  handleDepositPairing,
  handlePair,
  handlePairingSecret,
  type PairingRouteOptions,
} from '../devices/pairing-routes'
import {
  handleLatestSnapshot,
  handleSnapshotOffer,
  handleSyncPull,
  handleSyncPush,
  type SyncRouteOptions,
} from '../devices/sync-routes'
import {
  handleMarkRead,
  handleSend,
  handleSendLookup,
  type SendRouteOptions,
} from '../devices/send-routes'
import type { StreamHub } from '../devices/stream-hub'
import { handleListTemplates, handleSubmitTemplate } from '../devices/template-routes'
import { sendError, sendJson, sendText } from '../http/respond'
import type { DeviceRecord, RelayStore } from '../store/relay-store'
import type { WebhookIntake } from '../webhook/intake'
import { answerSubscription } from '../webhook/subscription'

export interface RouterOptions {
  store: RelayStore
  intake: WebhookIntake
  hub: StreamHub
  verifyToken: string
  enrol: EnrolRouteOptions
  sending: SendRouteOptions
  media: MediaRouteOptions
  sync: SyncRouteOptions
  pairing: PairingRouteOptions
  files: FileRouteOptions
  now(): number
}

const sendPath = /^\/v1\/send\/([^/]+)$/
const devicePath = /^\/v1\/devices\/([^/]+)$/

const lastSeenEveryMs = 60_000

export function createRouter(options: RouterOptions) {
  const { store } = options

  async function asDevice(
    request: IncomingMessage,
    response: ServerResponse,
    then: (device: DeviceRecord) => Promise<void>,
  ): Promise<void> {
    const auth = await authenticateDevice(store, request.headers)
    if (!auth.ok) return sendError(response, 401, auth.code, auth.message)
    // "Last seen" for the shop's device list, to the minute: one write a minute, not one a call.
    const now = options.now()
    if (auth.device.lastSeenAt === null || now - auth.device.lastSeenAt >= lastSeenEveryMs) {
      await store.markDeviceSeen(auth.device.id, now)
    }
    await then(auth.device)
  }

  return async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://relay.invalid')
    const method = request.method ?? 'GET'
    const path = url.pathname

    if (path === '/webhook') {
      if (method === 'GET') {
        const answer = answerSubscription(url.searchParams, options.verifyToken)
        return answer.ok
          ? sendText(response, 200, answer.challenge)
          : sendText(response, 403, 'Forbidden')
      }
      if (method === 'POST') return options.intake.handle(request, response)
      return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'GET or POST.')
    }
    if (path === '/health' && method === 'GET') return sendJson(response, 200, { ok: true })
    if (path === '/v1/enrol' && method === 'POST')
      return handleEnrol(request, response, options.enrol)
    if (path === '/v1/inbox' && method === 'GET') {
      return asDevice(request, response, (device) => handleInbox(url, response, device, store))
    }
    if (path === '/v1/send' && method === 'POST') {
      return asDevice(request, response, (device) =>
        handleSend(request, response, device, options.sending),
      )
    }
    if (path === '/v1/media' && method === 'POST') {
      return asDevice(request, response, (device) =>
        handleMediaUpload(request, response, device, options.media),
      )
    }
    const send = sendPath.exec(path)
    if (send?.[1] && method === 'GET') {
      const clientId = decodeURIComponent(send[1])
      return asDevice(request, response, (device) =>
        handleSendLookup(clientId, response, device, store),
      )
    }
    if (path === '/v1/mark-read' && method === 'POST') {
      return asDevice(request, response, (device) =>
        handleMarkRead(request, response, device, options.sending),
      )
    }
    if (path === '/v1/sync/push' && method === 'POST') {
      return asDevice(request, response, (device) =>
        handleSyncPush(request, response, device, options.sync),
      )
    }
    if (path === '/v1/sync/pull' && method === 'GET') {
      return asDevice(request, response, (device) => handleSyncPull(url, response, device, store))
    }
    if (path === '/v1/sync/snapshot') {
      if (method === 'POST') {
        return asDevice(request, response, (device) =>
          handleSnapshotOffer(request, response, device, options.sync),
        )
      }
      if (method === 'GET') {
        return asDevice(request, response, (device) =>
          handleLatestSnapshot(response, device, store),
        )
      }
    }
    if (path === '/v1/pairings' && method === 'POST') {
      return asDevice(request, response, (device) =>
        handleDepositPairing(request, response, device, options.pairing),
      )
    }
    if (path === '/v1/pair' && method === 'POST') {
      return handlePair(request, response, options.pairing)
    }
    if (path === '/v1/pairing/secret') {
      if (method === 'GET') {
        return asDevice(request, response, (device) => handlePairingSecret(response, device, store))
      }
      if (method === 'DELETE') {
        return asDevice(request, response, (device) =>
          handleDeletePairingSecret(response, device, store),
        )
      }
    }
    const file = filePath.exec(path)
    if (file?.[1] && (method === 'PUT' || method === 'GET')) {
      // Not decoded: a ULID has nothing to decode, and anything else is refused as it came.
      const fileId = file[1]
      return asDevice(request, response, (device) =>
        handleFile(method, fileId, request, response, device, options.files),
      )
    }
    if (path === '/v1/templates' && method === 'GET') {
      return asDevice(request, response, (device) =>
        handleListTemplates(response, device, options.sending),
      )
    }
    if (path === '/v1/templates' && method === 'POST') {
      return asDevice(request, response, (device) =>
        handleSubmitTemplate(request, response, device, options.sending),
      )
    }
    if (path === '/v1/devices' && method === 'GET') {
      return asDevice(request, response, (device) => handleListDevices(response, device, store))
    }
    const removal = devicePath.exec(path)
    if (removal?.[1] && method === 'DELETE') {
      const deviceId = decodeURIComponent(removal[1])
      return asDevice(request, response, (device) =>
        handleRemoveDevice(deviceId, response, device, store, options.hub, options.now()),
      )
    }
    sendError(response, 404, 'NOT_FOUND', 'No such route.')
  }
}
