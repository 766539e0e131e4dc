/**
 * Shared files over real sockets (`/v1/files/<fileId>`): a shop's devices leave sealed bytes and
 * fetch them back byte for byte; a retry changes nothing, other bytes under a kept id are refused,
 * another shop cannot see or touch them, a removed device is refused, an oversized upload leaves
 * nothing behind, and the files outlive a restart.
 */
import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ulid } from 'ulid'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Relay } from '../../../src-relay/relay/start-relay'
import { relayDatabaseFile } from '../../../src-relay/store/sqlite/sqlite-store'
import { shopFileAnswerSchema } from '../../../src-shared/relay/device-protocol'
import { api, enrol, removeTempDirs, startTestRelay, type Device } from './support'

let relay: Relay
let dataDir: string

beforeEach(async () => {
  ;({ relay, dataDir } = await startTestRelay())
})

afterEach(async () => {
  await relay.close()
  removeTempDirs()
})

const otherPhoneNumberId = '109876543210987'

function put(device: Device | null, fileId: string, bytes: Uint8Array, contentType?: string) {
  return fetch(`${relay.url}/v1/files/${fileId}`, {
    method: 'PUT',
    headers: {
      ...(device ? { authorization: `Bearer ${device.deviceToken}` } : {}),
      'content-type': contentType ?? 'application/octet-stream',
    },
    body: new Uint8Array(bytes),
  })
}

function get(device: Device | null, fileId: string) {
  return fetch(`${relay.url}/v1/files/${fileId}`, {
    headers: device ? { authorization: `Bearer ${device.deviceToken}` } : {},
  })
}

async function bytesOf(response: Response): Promise<Buffer> {
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/octet-stream')
  return Buffer.from(await response.arrayBuffer())
}

/** The rows the relay's own file holds, read beside the running relay (WAL allows it). */
function keptFiles(): { shop_id: string; file_id: string; size: number }[] {
  const db = new Database(join(dataDir, relayDatabaseFile), { readonly: true })
  try {
    return db
      .prepare<[], { shop_id: string; file_id: string; size: number }>(
        'SELECT shop_id, file_id, size FROM shop_files ORDER BY shop_id, file_id',
      )
      .all()
  } finally {
    db.close()
  }
}

/**
 * Streams a body without a Content-Length (chunked), so the limit must hold while it arrives;
 * answers the status the relay gave, or 'reset' when it hung up before answering.
 */
function putChunked(device: Device, fileId: string, chunks: number, chunkBytes: number) {
  return new Promise<number | 'reset'>((resolve) => {
    const url = new URL(`${relay.url}/v1/files/${fileId}`)
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'PUT',
        headers: {
          authorization: `Bearer ${device.deviceToken}`,
          'content-type': 'application/octet-stream',
          'transfer-encoding': 'chunked',
        },
      },
      (incoming) => {
        incoming.resume()
        resolve(incoming.statusCode ?? 0)
      },
    )
    outgoing.on('error', () => resolve('reset'))
    const chunk = randomBytes(chunkBytes)
    let sent = 0
    const writeMore = () => {
      while (sent < chunks) {
        sent += 1
        if (!outgoing.write(chunk)) return outgoing.once('drain', writeMore)
      }
      outgoing.end()
    }
    writeMore()
  })
}

describe('a shop file', () => {
  it('comes back byte for byte to another device of the shop', async () => {
    const counter = await enrol(relay)
    const laptop = await enrol(relay, { keys: counter.keys, deviceName: 'Laptop pemilik' })
    const sealed = randomBytes(300 * 1024 + 17)
    const fileId = ulid()

    const response = await put(counter, fileId, sealed)
    expect(response.status).toBe(200)
    expect(shopFileAnswerSchema.parse(await response.json())).toEqual({
      fileId,
      size: sealed.byteLength,
    })

    const fetched = await bytesOf(await get(laptop, fileId))
    expect(fetched.equals(sealed)).toBe(true)
    expect(keptFiles()).toEqual([
      { shop_id: counter.shopId, file_id: fileId, size: sealed.byteLength },
    ])
  })

  it('takes a retry with the same bytes once, and refuses other bytes under the same id', async () => {
    const counter = await enrol(relay)
    const laptop = await enrol(relay, { keys: counter.keys, deviceName: 'Laptop pemilik' })
    const sealed = randomBytes(200 * 1024)
    const fileId = ulid()
    expect((await put(counter, fileId, sealed)).status).toBe(200)

    const retry = await put(laptop, fileId, sealed)
    expect(retry.status).toBe(200)
    expect(await retry.json()).toEqual({ fileId, size: sealed.byteLength })
    expect(keptFiles()).toHaveLength(1)

    const sameSize = Buffer.from(sealed)
    sameSize[1000] = sameSize[1000]! ^ 0xff
    for (const other of [sameSize, randomBytes(1000)]) {
      const refused = await put(laptop, fileId, other)
      expect(refused.status).toBe(409)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CONFLICT')
    }
    expect((await bytesOf(await get(counter, fileId))).equals(sealed)).toBe(true)
    expect(keptFiles()).toHaveLength(1)
  })

  it('is invisible to another shop, whose own file under the same id leaves it alone', async () => {
    const mine = await enrol(relay)
    const theirs = await enrol(relay, { phoneNumberId: otherPhoneNumberId })
    expect(theirs.shopId).not.toBe(mine.shopId)
    const sealed = randomBytes(100 * 1024)
    const fileId = ulid()
    expect((await put(mine, fileId, sealed)).status).toBe(200)

    const stranger = await get(theirs, fileId)
    const missing = await get(theirs, ulid())
    expect(stranger.status).toBe(404)
    expect(await stranger.json()).toEqual(await missing.json())

    const theirBytes = randomBytes(50 * 1024)
    const theirPut = await put(theirs, fileId, theirBytes)
    expect(theirPut.status).toBe(200)
    expect((await bytesOf(await get(theirs, fileId))).equals(theirBytes)).toBe(true)
    expect((await bytesOf(await get(mine, fileId))).equals(sealed)).toBe(true)
    expect(keptFiles()).toHaveLength(2)
  })

  it('answers only devices with a live token', async () => {
    const counter = await enrol(relay)
    const laptop = await enrol(relay, { keys: counter.keys, deviceName: 'Laptop pemilik' })
    const fileId = ulid()
    expect((await put(counter, fileId, randomBytes(1024))).status).toBe(200)

    for (const response of [await put(null, ulid(), randomBytes(10)), await get(null, fileId)]) {
      expect(response.status).toBe(401)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'UNAUTHORIZED',
      )
    }

    const removal = await api(relay, counter.deviceToken).delete(`/v1/devices/${laptop.deviceId}`)
    expect(removal.status).toBe(200)
    for (const response of [
      await put(laptop, ulid(), randomBytes(10)),
      await get(laptop, fileId),
    ]) {
      expect(response.status).toBe(401)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'DEVICE_REMOVED',
      )
    }
    expect(keptFiles()).toHaveLength(1)
  })

  it('refuses ids that are not ULIDs, other content types and empty bodies', async () => {
    const counter = await enrol(relay)
    const refusals = [
      [await put(counter, 'not-a-ulid', randomBytes(10)), 400],
      [await get(counter, 'not-a-ulid'), 400],
      [await get(counter, '%E0%A4%A'), 400],
      [await put(counter, ulid(), randomBytes(10), 'image/jpeg'), 415],
      [await put(counter, ulid(), new Uint8Array(0)), 400],
    ] as const
    for (const [response, status] of refusals) {
      expect(response.status).toBe(status)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'INVALID_INPUT',
      )
    }
    expect(keptFiles()).toEqual([])
  })

  it('refuses a file over 23 MB, declared or streamed, and keeps nothing of it', async () => {
    const counter = await enrol(relay)
    const limit = 23 * 1024 * 1024
    const atLimit = ulid()
    expect((await put(counter, atLimit, randomBytes(limit))).status).toBe(200)

    const declared = ulid()
    const tooLarge = await put(counter, declared, randomBytes(limit + 1))
    expect(tooLarge.status).toBe(413)
    expect(((await tooLarge.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    )

    const streamed = ulid()
    expect(await putChunked(counter, streamed, 25, 1024 * 1024)).toBe(413)

    expect((await get(counter, declared)).status).toBe(404)
    expect((await get(counter, streamed)).status).toBe(404)
    expect(keptFiles().map((file) => file.file_id)).toEqual([atLimit])
  }, 60_000)

  it('is still there after the relay restarts on the same data', async () => {
    const counter = await enrol(relay)
    const sealed = randomBytes(256 * 1024)
    const fileId = ulid()
    expect((await put(counter, fileId, sealed)).status).toBe(200)

    await relay.close()
    ;({ relay } = await startTestRelay({ dataDir }))
    expect((await bytesOf(await get(counter, fileId))).equals(sealed)).toBe(true)
    expect((await put(counter, fileId, sealed)).status).toBe(200)
    expect(keptFiles()).toHaveLength(1)
  })
})
