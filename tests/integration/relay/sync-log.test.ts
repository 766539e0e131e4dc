/**
 * The relay's side of sync, over real sockets: each shop's sealed operation log by cursor,
 * retries that change nothing, snapshots, wake-ups on the stream, pairing deposits, and the walls
 * between shops and against removed devices.
 */
import { randomBytes } from 'node:crypto'
import { ulid } from 'ulid'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Relay } from '../../../src-relay/relay/start-relay'
import type { LatestSnapshotResponse, PullResponse } from '../../../src-shared/sync/protocol'
import {
  api,
  enrol,
  openStream,
  removeTempDirs,
  startTestRelay,
  waitFor,
  type Device,
} from './support'

let relay: Relay
let clock = Date.now()

beforeEach(async () => {
  clock = Date.now()
  ;({ relay } = await startTestRelay({ now: () => clock }))
})

afterEach(async () => {
  await relay.close()
  removeTempDirs()
})

const b64 = (bytes: number) => randomBytes(bytes).toString('base64')

function batch(device: Device, overrides: Record<string, unknown> = {}) {
  return {
    deviceId: device.deviceId,
    batchId: ulid(),
    keyId: 'k1',
    nonce: b64(24),
    ciphertext: b64(200),
    ...overrides,
  }
}

async function push(device: Device, body: unknown) {
  return api(relay, device.deviceToken).post('/v1/sync/push', body)
}

async function pull(device: Device, after = 0, limit = 1000): Promise<PullResponse> {
  const response = await api(relay, device.deviceToken).get(
    `/v1/sync/pull?after=${after}&limit=${limit}`,
  )
  expect(response.status).toBe(200)
  return (await response.json()) as PullResponse
}

async function secondDevice(first: Device): Promise<Device> {
  return enrol(relay, { keys: first.keys, deviceName: 'Laptop pemilik' })
}

describe('the operation log', () => {
  it('keeps sealed batches in order and serves them by cursor, byte for byte', async () => {
    const counter = await enrol(relay)
    const laptop = await secondDevice(counter)
    const sent = [batch(counter), batch(laptop), batch(counter)]
    const seqs: number[] = []
    for (const [i, body] of sent.entries()) {
      const response = await push(i === 1 ? laptop : counter, body)
      expect(response.status).toBe(200)
      const answer = (await response.json()) as { seq: number; duplicate: boolean }
      expect(answer.duplicate).toBe(false)
      seqs.push(answer.seq)
    }
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)

    const all = await pull(laptop)
    expect(all.items.map((item) => item.batchId)).toEqual(sent.map((body) => body.batchId))
    expect(all.items.map((item) => item.ciphertext)).toEqual(sent.map((body) => body.ciphertext))
    expect(all.items.map((item) => item.deviceId)).toEqual([
      counter.deviceId,
      laptop.deviceId,
      counter.deviceId,
    ])
    expect(all.next).toBe(seqs[2])

    const tail = await pull(laptop, seqs[0], 1)
    expect(tail.items.map((item) => item.seq)).toEqual([seqs[1]])
    expect(tail.hasMore).toBe(true)
    const empty = await pull(laptop, seqs[2])
    expect(empty).toEqual({ items: [], next: seqs[2], hasMore: false })
  })

  it('answers a retried batch with its first seq and stores it once', async () => {
    const device = await enrol(relay)
    const body = batch(device)
    const first = (await (await push(device, body)).json()) as { seq: number }
    const again = await push(device, { ...body, ciphertext: b64(50) })
    expect(await again.json()).toEqual({ seq: first.seq, duplicate: true })
    const log = await pull(device)
    expect(log.items).toHaveLength(1)
    expect(log.items[0]!.ciphertext).toBe(body.ciphertext)
  })

  it('refuses a batch in another device’s name, and malformed envelopes', async () => {
    const counter = await enrol(relay)
    const laptop = await secondDevice(counter)
    expect((await push(counter, batch(laptop))).status).toBe(400)
    expect((await push(counter, batch(counter, { batchId: 'not-a-ulid' }))).status).toBe(400)
    expect((await push(counter, batch(counter, { nonce: b64(12) }))).status).toBe(400)
    expect((await pull(counter)).items).toHaveLength(0)
    const bad = await api(relay, counter.deviceToken).get('/v1/sync/pull?after=-1')
    expect(bad.status).toBe(400)
  })

  it('wakes the other devices of the shop, and only them', async () => {
    const counter = await enrol(relay)
    const laptop = await secondDevice(counter)
    const stranger = await enrol(relay, { phoneNumberId: '999888777666' })
    const laptopStream = await openStream(relay, laptop.deviceToken)
    const strangerStream = await openStream(relay, stranger.deviceToken)
    const { seq } = (await (await push(counter, batch(counter))).json()) as { seq: number }
    await waitFor(
      () => laptopStream.messages.some((m) => m.type === 'sync' && m.seq === seq),
      'a sync hint',
    )
    // A device connecting later is told where the log stands.
    const late = await openStream(relay, laptop.deviceToken)
    await waitFor(
      () => late.messages.some((m) => m.type === 'sync' && m.seq === seq),
      'the latest seq',
    )
    expect(strangerStream.messages.filter((m) => m.type === 'sync')).toEqual([])
    for (const stream of [laptopStream, strangerStream, late]) stream.socket.close()
  })
})

describe('walls', () => {
  it('never lets one shop’s device read or write another shop’s log or snapshot', async () => {
    const shopA = await enrol(relay)
    const shopB = await enrol(relay, { phoneNumberId: '999888777666' })
    await push(shopA, batch(shopA))
    await api(relay, shopA.deviceToken).post('/v1/sync/snapshot', {
      deviceId: shopA.deviceId,
      snapshotId: ulid(),
      cursor: 0,
      keyId: 'k1',
      nonce: b64(24),
      ciphertext: b64(100),
    })
    expect((await pull(shopB)).items).toEqual([])
    const snapshot = (await (
      await api(relay, shopB.deviceToken).get('/v1/sync/snapshot')
    ).json()) as LatestSnapshotResponse
    expect(snapshot.snapshot).toBeNull()
    // Pushing in A's device's name from B is refused; B's own batches stay in B's log.
    expect((await push(shopB, batch(shopA))).status).toBe(400)
    await push(shopB, batch(shopB))
    expect((await pull(shopA)).items.every((item) => item.deviceId === shopA.deviceId)).toBe(true)
  })

  it('refuses a removed device everywhere, from the moment it is removed', async () => {
    const counter = await enrol(relay)
    const laptop = await secondDevice(counter)
    await push(laptop, batch(laptop))
    const stream = await openStream(relay, laptop.deviceToken)
    const removed = await api(relay, counter.deviceToken).delete(`/v1/devices/${laptop.deviceId}`)
    expect(removed.status).toBe(200)
    expect(await stream.closed).toBe(4401)
    const as = api(relay, laptop.deviceToken)
    const answers = [
      await as.get('/v1/sync/pull?after=0'),
      await as.post('/v1/sync/push', batch(laptop)),
      await as.get('/v1/sync/snapshot'),
      await as.post('/v1/pairings', {
        lookup: b64(32),
        salt: b64(16),
        nonce: b64(24),
        sealed: b64(64),
      }),
      await as.get('/v1/pairing/secret'),
      await as.get('/v1/inbox'),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(401)
      expect(await answer.json()).toMatchObject({ error: { code: 'DEVICE_REMOVED' } })
    }
    expect((await pull(counter)).items).toHaveLength(1)
  })
})

describe('snapshots', () => {
  it('keeps the one that covers the most log and serves it to the shop', async () => {
    const device = await enrol(relay)
    const seqs: number[] = []
    for (let i = 0; i < 3; i += 1) {
      seqs.push(((await (await push(device, batch(device))).json()) as { seq: number }).seq)
    }
    const offer = (cursor: number) => ({
      deviceId: device.deviceId,
      snapshotId: ulid(),
      cursor,
      keyId: 'k1',
      nonce: b64(24),
      ciphertext: b64(300),
    })
    const as = api(relay, device.deviceToken)
    const newer = offer(seqs[1]!)
    expect(await (await as.post('/v1/sync/snapshot', newer)).json()).toEqual({ kept: true })
    expect(await (await as.post('/v1/sync/snapshot', offer(seqs[0]!))).json()).toEqual({
      kept: false,
    })
    expect((await as.post('/v1/sync/snapshot', offer(seqs[2]! + 100))).status).toBe(400)
    const latest = (await (await as.get('/v1/sync/snapshot')).json()) as LatestSnapshotResponse
    expect(latest.snapshot).toEqual(newer)
    // Snapshot plus tail: the log after its cursor.
    expect((await pull(device, latest.snapshot!.cursor)).items.map((i) => i.seq)).toEqual([seqs[2]])
  })
})

describe('pairing deposits', () => {
  async function deposit(device: Device, lookup: string, validityMs?: number) {
    return api(relay, device.deviceToken).post('/v1/pairings', {
      lookup,
      salt: b64(16),
      nonce: b64(24),
      sealed: b64(120),
      ...(validityMs ? { validityMs } : {}),
    })
  }

  async function pair(lookup: string) {
    return fetch(`${relay.url}/v1/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lookup, deviceName: 'Laptop baru' }),
    })
  }

  it('adds the device that brings the lookup to the same shop, once, and hands it the sealed secret once', async () => {
    const counter = await enrol(relay)
    const lookup = b64(32)
    expect((await deposit(counter, lookup)).status).toBe(200)
    expect((await pair(b64(32))).status).toBe(403)
    const paired = await pair(lookup)
    expect(paired.status).toBe(200)
    const joined = (await paired.json()) as {
      shopId: string
      deviceId: string
      deviceToken: string
    }
    expect(joined.shopId).toBe(counter.shopId)
    const reused = await pair(lookup)
    expect(reused.status).toBe(403)
    expect(await reused.json()).toMatchObject({ error: { code: 'INVALID_CODE' } })

    const as = api(relay, joined.deviceToken)
    const secret = await as.get('/v1/pairing/secret')
    expect(secret.status).toBe(200)
    expect(Object.keys((await secret.json()) as object).sort()).toEqual(['nonce', 'salt', 'sealed'])
    // Another device of the shop cannot take it.
    expect((await api(relay, counter.deviceToken).get('/v1/pairing/secret')).status).toBe(404)
    expect(await (await as.delete('/v1/pairing/secret')).json()).toEqual({ deleted: true })
    expect((await as.get('/v1/pairing/secret')).status).toBe(404)
    const devices = (await (await as.get('/v1/devices')).json()) as { devices: unknown[] }
    expect(devices.devices).toHaveLength(2)
  })

  it('refuses an expired pairing, and a device keeps one live code at a time', async () => {
    const counter = await enrol(relay)
    const expiring = b64(32)
    await deposit(counter, expiring, 60_000)
    clock += 60_001
    expect((await pair(expiring)).status).toBe(403)

    const first = b64(32)
    const second = b64(32)
    await deposit(counter, first)
    await deposit(counter, second)
    expect((await pair(first)).status).toBe(403)
    expect((await pair(second)).status).toBe(200)
  })
})
