/**
 * The device API as a desktop meets it: enrolment with one-time codes, bearer tokens, a shop's
 * inbox by cursor, the stream, and walls between shops.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InboxPage } from '../../../src-shared/relay/device-protocol'
import type { Relay } from '../../../src-relay/relay/start-relay'
import {
  api,
  enrol,
  openStream,
  postWebhook,
  readInbox,
  removeTempDirs,
  shopKeys,
  startTestRelay,
  textWebhook,
  waitFor,
} from './support'

let relay: Relay

beforeEach(async () => {
  ;({ relay } = await startTestRelay())
})

afterEach(async () => {
  await relay.close()
  removeTempDirs()
})

async function enrolWith(code: string, publicKey: string, deviceName = 'Laptop') {
  return fetch(`${relay.url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, shopPublicKey: publicKey, deviceName }),
  })
}

describe('POST /v1/enrol', () => {
  it('turns a code, a public key and a name into a shop, a device and a token', async () => {
    const keys = await shopKeys()
    const invite = await relay.createInvite()
    expect(invite.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    const response = await enrolWith(
      invite.code.toLowerCase().replaceAll('-', ' '),
      keys.publicKeyBase64,
    )
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, string>
    expect(Object.keys(body).sort()).toEqual(['deviceId', 'deviceToken', 'shopId'])
    expect(body.deviceToken!.length).toBeGreaterThanOrEqual(40)
    expect((await api(relay, body.deviceToken!).get('/v1/inbox')).status).toBe(200)
  })

  it('refuses a wrong, an expired and a reused code alike', async () => {
    const keys = await shopKeys()
    const expectInvalid = async (response: Response) => {
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ error: { code: 'INVALID_CODE' } })
    }
    await expectInvalid(await enrolWith('AAAA-BBBB-CCCC-DDDD', keys.publicKeyBase64))
    await expectInvalid(await enrolWith('not a code', keys.publicKeyBase64))

    const expired = await relay.createInvite({ validityMs: 1 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await expectInvalid(await enrolWith(expired.code, keys.publicKeyBase64))

    const invite = await relay.createInvite()
    expect((await enrolWith(invite.code, keys.publicKeyBase64)).status).toBe(200)
    await expectInvalid(await enrolWith(invite.code, keys.publicKeyBase64))
  })

  it('refuses a key that is not 32 bytes of base64, and a missing name', async () => {
    const invite = await relay.createInvite()
    expect((await enrolWith(invite.code, Buffer.alloc(31).toString('base64'))).status).toBe(400)
    const keys = await shopKeys()
    expect((await enrolWith(invite.code, keys.publicKeyBase64, '  ')).status).toBe(400)
    // The code was not spent by the refused attempts.
    expect((await enrolWith(invite.code, keys.publicKeyBase64)).status).toBe(200)
  })

  it('adds a second device with the same shop key to the same shop, and refuses another key', async () => {
    const first = await enrol(relay)
    const second = await enrol(relay, { keys: first.keys, deviceName: 'HP kasir' })
    expect(second.shopId).toBe(first.shopId)
    expect(second.deviceId).not.toBe(first.deviceId)
    const stranger = await shopKeys()
    const invite = await relay.createInvite()
    const refused = await enrolWith(invite.code, stranger.publicKeyBase64)
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ error: { code: 'SHOP_KEY_MISMATCH' } })
  })
})

describe('bearer tokens', () => {
  it('refuses calls without a token or with an unknown one', async () => {
    expect((await fetch(`${relay.url}/v1/inbox`)).status).toBe(401)
    const unknown = await api(relay, 'A'.repeat(43)).get('/v1/inbox')
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } })
  })

  it('refuses a removed device with DEVICE_REMOVED, closes its stream, and keeps the others working', async () => {
    const counter = await enrol(relay)
    const laptop = await enrol(relay, { keys: counter.keys, deviceName: 'Laptop' })
    const stream = await openStream(relay, laptop.deviceToken)
    const removed = await api(relay, counter.deviceToken).delete(`/v1/devices/${laptop.deviceId}`)
    expect(removed.status).toBe(200)
    expect(await removed.json()).toMatchObject({
      deviceId: laptop.deviceId,
      removedAt: expect.any(Number) as unknown,
    })
    expect(await stream.closed).toBe(4401)

    const refused = await api(relay, laptop.deviceToken).get('/v1/inbox')
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ error: { code: 'DEVICE_REMOVED' } })
    await expect(openStream(relay, laptop.deviceToken)).rejects.toThrow(/401/)

    expect((await api(relay, counter.deviceToken).get('/v1/inbox')).status).toBe(200)
    const list = (await (await api(relay, counter.deviceToken).get('/v1/devices')).json()) as {
      devices: { deviceId: string; removedAt: number | null }[]
    }
    expect(list.devices.map((device) => [device.deviceId, device.removedAt !== null])).toEqual([
      [counter.deviceId, false],
      [laptop.deviceId, true],
    ])
  })

  it('records when each device was last seen, to the minute', async () => {
    const clock = { now: 1_800_000_000_000 }
    const { relay: timed } = await startTestRelay({ now: () => clock.now })
    try {
      const counter = await enrol(timed)
      const laptop = await enrol(timed, { keys: counter.keys, deviceName: 'Laptop' })
      const seen = async () =>
        (
          (await (await api(timed, counter.deviceToken).get('/v1/devices')).json()) as {
            devices: { deviceId: string; lastSeenAt: number | null }[]
          }
        ).devices.find((device) => device.deviceId === laptop.deviceId)?.lastSeenAt
      expect(await seen()).toBeNull()
      await api(timed, laptop.deviceToken).get('/v1/inbox')
      expect(await seen()).toBe(clock.now)
      const first = clock.now
      // Within the minute: no new write.
      clock.now += 30_000
      await api(timed, laptop.deviceToken).get('/v1/inbox')
      expect(await seen()).toBe(first)
      clock.now += 31_000
      await api(timed, laptop.deviceToken).get('/v1/inbox')
      expect(await seen()).toBe(clock.now)
    } finally {
      await timed.close()
    }
  })

  it('lets a device remove itself', async () => {
    const device = await enrol(relay)
    expect(
      (await api(relay, device.deviceToken).delete(`/v1/devices/${device.deviceId}`)).status,
    ).toBe(200)
    expect((await api(relay, device.deviceToken).get('/v1/inbox')).status).toBe(401)
  })
})

describe('one shop never reaches another', () => {
  it("makes another shop's inbox, sends and devices indistinguishable from nothing", async () => {
    const shopA = await enrol(relay)
    const shopB = await enrol(relay, { phoneNumberId: '555000111' })
    expect(shopB.shopId).not.toBe(shopA.shopId)
    await postWebhook(relay, textWebhook({ wamid: 'wamid.for-a', body: 'untuk toko A' }))
    await postWebhook(
      relay,
      textWebhook({ wamid: 'wamid.for-b', body: 'untuk toko B', phoneNumberId: '555000111' }),
    )

    const inboxA = await readInbox(relay, shopA)
    const inboxB = await readInbox(relay, shopB)
    expect(inboxA.events.map((event) => (event.kind === 'message' ? event.wamid : ''))).toEqual([
      'wamid.for-a',
    ])
    expect(inboxB.events.map((event) => (event.kind === 'message' ? event.wamid : ''))).toEqual([
      'wamid.for-b',
    ])
    // B's item is not in A's pages at any cursor.
    const page = (await (
      await api(relay, shopA.deviceToken).get('/v1/inbox?after=0')
    ).json()) as InboxPage
    expect(page.items.map((item) => item.seq)).toEqual(inboxA.items.map((item) => item.seq))

    // A send of B's, looked up by A: 404, as if it did not exist.
    await relay.store.beginSend(shopB.shopId, '01JDX4ZKQ9W6H8B1V2N3M4P5R6', Date.now())
    const lookupByA = await api(relay, shopA.deviceToken).get('/v1/send/01JDX4ZKQ9W6H8B1V2N3M4P5R6')
    const lookupByB = await api(relay, shopB.deviceToken).get('/v1/send/01JDX4ZKQ9W6H8B1V2N3M4P5R6')
    const missing = await api(relay, shopA.deviceToken).get('/v1/send/01JDX4ZKQ9W6H8B1V2N3M4P5R7')
    expect(lookupByA.status).toBe(404)
    expect(lookupByB.status).toBe(200)
    expect(await lookupByA.json()).toEqual(await missing.json())

    // B's device, removed by A: 404, and B's device still works.
    expect(
      (await api(relay, shopA.deviceToken).delete(`/v1/devices/${shopB.deviceId}`)).status,
    ).toBe(404)
    expect((await api(relay, shopB.deviceToken).get('/v1/inbox')).status).toBe(200)
  })
})

describe('GET /v1/inbox by cursor', () => {
  it('pages through the items in order and says where to go on', async () => {
    const device = await enrol(relay)
    for (let index = 0; index < 7; index += 1) {
      await postWebhook(
        relay,
        textWebhook({ wamid: `wamid.page-${index}`, body: `pesan ${index}` }),
      )
    }
    const pages: InboxPage[] = []
    let after = 0
    for (;;) {
      const page = (await (
        await api(relay, device.deviceToken).get(`/v1/inbox?after=${after}&limit=3`)
      ).json()) as InboxPage
      pages.push(page)
      after = page.next
      if (!page.hasMore) break
    }
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1])
    expect(pages.map((page) => page.hasMore)).toEqual([true, true, false])
    const seqs = pages.flatMap((page) => page.items.map((item) => item.seq))
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(pages.at(-1)!.next).toBe(seqs.at(-1))
    const end = (await (
      await api(relay, device.deviceToken).get(`/v1/inbox?after=${after}`)
    ).json()) as InboxPage
    expect(end).toEqual({ items: [], next: after, hasMore: false })
    const huge = (await (
      await api(relay, device.deviceToken).get('/v1/inbox?after=0&limit=100000')
    ).json()) as InboxPage
    expect(huge.items).toHaveLength(7)
    expect((await api(relay, device.deviceToken).get('/v1/inbox?after=-1')).status).toBe(400)
    expect((await api(relay, device.deviceToken).get('/v1/inbox?limit=abc')).status).toBe(400)
  })
})

describe('GET /v1/stream', () => {
  it('pushes the new seq when something is stored for the shop, and nothing of other shops', async () => {
    const device = await enrol(relay)
    const other = await enrol(relay, { phoneNumberId: '555000111' })
    const stream = await openStream(relay, device.deviceToken)
    const otherStream = await openStream(relay, other.deviceToken)
    await postWebhook(relay, textWebhook({ wamid: 'wamid.push', body: 'halo' }))
    const { items } = await readInbox(relay, device)
    await waitFor(() => stream.messages.length > 0, 'a stream message')
    expect(stream.messages).toEqual([{ type: 'inbox', seq: items[0]!.seq }])
    expect(otherStream.messages).toEqual([])
    stream.socket.close()
    otherStream.socket.close()
  })

  it('says where the inbox stands when a device connects', async () => {
    const device = await enrol(relay)
    await postWebhook(relay, textWebhook({ wamid: 'wamid.before', body: 'halo' }))
    const { items } = await readInbox(relay, device)
    const stream = await openStream(relay, device.deviceToken)
    await waitFor(() => stream.messages.length > 0, 'the greeting')
    expect(stream.messages[0]).toEqual({ type: 'inbox', seq: items[0]!.seq })
    stream.socket.close()
  })

  it('refuses a connection without a valid token before the upgrade', async () => {
    await expect(openStream(relay, 'B'.repeat(43))).rejects.toThrow(/401/)
  })
})
