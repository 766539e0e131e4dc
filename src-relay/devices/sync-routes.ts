/**
 * The shop's operation log (`/v1/sync/*`): devices push sealed batches, pull them by cursor, and
 * leave and fetch sealed snapshots. The relay orders and keeps ciphertext; it checks only the
 * envelope (who pushed it, its ids) and never holds the sync key. Every query is scoped to the
 * caller's shop, so another shop's log answers like an empty one.
 */
import type { ServerResponse } from 'node:http'
import type { IncomingMessage } from 'node:http'
import {
  maxPullLimit,
  pushBatchRequestSchema,
  snapshotOfferSchema,
  type LatestSnapshotResponse,
  type PullResponse,
  type PushBatchResponse,
} from '../../src-shared/sync/protocol'
import { readJson } from '../http/read-json'
import { sendError, sendJson } from '../http/respond'
import type { DeviceRecord, RelayStore } from '../store/relay-store'
import type { StreamHub } from './stream-hub'

export interface SyncRouteOptions {
  store: RelayStore
  hub: StreamHub
  batchBodyBytes: number
  snapshotBodyBytes: number
  now(): number
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

function notYours(response: ServerResponse): void {
  sendError(response, 400, 'INVALID_INPUT', 'A device pushes only its own batches and snapshots.')
}

export async function handleSyncPush(
  request: IncomingMessage,
  response: ServerResponse,
  device: DeviceRecord,
  options: SyncRouteOptions,
): Promise<void> {
  const body = await readJson(request, response, pushBatchRequestSchema, options.batchBodyBytes)
  if (!body) return
  if (body.deviceId !== device.id) return notYours(response)
  const stored = await options.store.appendSyncBatch(
    device.shopId,
    {
      deviceId: device.id,
      batchId: body.batchId,
      keyId: body.keyId,
      nonce: Buffer.from(body.nonce, 'base64'),
      ciphertext: Buffer.from(body.ciphertext, 'base64'),
    },
    options.now(),
  )
  const answer: PushBatchResponse = stored
  sendJson(response, 200, answer)
  if (!stored.duplicate) options.hub.publish(device.shopId, { type: 'sync', seq: stored.seq })
}

export async function handleSyncPull(
  url: URL,
  response: ServerResponse,
  device: DeviceRecord,
  store: RelayStore,
): Promise<void> {
  const after = Number(url.searchParams.get('after') ?? '0')
  const limit = Number(url.searchParams.get('limit') ?? '500')
  if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1) {
    return sendError(
      response,
      400,
      'INVALID_INPUT',
      'after and limit are whole numbers (after ≥ 0, limit ≥ 1).',
    )
  }
  const page = await store.readSyncLog(device.shopId, after, Math.min(limit, maxPullLimit))
  const answer: PullResponse = {
    items: page.items.map((item) => ({
      seq: item.seq,
      deviceId: item.deviceId,
      batchId: item.batchId,
      keyId: item.keyId,
      nonce: b64(item.nonce),
      ciphertext: b64(item.ciphertext),
    })),
    next: page.items.at(-1)?.seq ?? after,
    hasMore: page.hasMore,
  }
  sendJson(response, 200, answer)
}

export async function handleSnapshotOffer(
  request: IncomingMessage,
  response: ServerResponse,
  device: DeviceRecord,
  options: SyncRouteOptions,
): Promise<void> {
  const body = await readJson(request, response, snapshotOfferSchema, options.snapshotBodyBytes)
  if (!body) return
  if (body.deviceId !== device.id) return notYours(response)
  const latest = await options.store.latestSyncSeq(device.shopId)
  if (body.cursor > latest) {
    return sendError(response, 400, 'INVALID_INPUT', 'A snapshot cannot cover log not written yet.')
  }
  const kept = await options.store.putSnapshot(device.shopId, {
    snapshotId: body.snapshotId,
    deviceId: device.id,
    cursor: body.cursor,
    keyId: body.keyId,
    nonce: Buffer.from(body.nonce, 'base64'),
    ciphertext: Buffer.from(body.ciphertext, 'base64'),
    createdAt: options.now(),
  })
  sendJson(response, 200, { kept: kept === 'stored' })
}

export async function handleLatestSnapshot(
  response: ServerResponse,
  device: DeviceRecord,
  store: RelayStore,
): Promise<void> {
  const snapshot = await store.latestSnapshot(device.shopId)
  const answer: LatestSnapshotResponse = {
    snapshot: snapshot && {
      deviceId: snapshot.deviceId,
      snapshotId: snapshot.snapshotId,
      cursor: snapshot.cursor,
      keyId: snapshot.keyId,
      nonce: b64(snapshot.nonce),
      ciphertext: b64(snapshot.ciphertext),
    },
  }
  sendJson(response, 200, answer)
}
