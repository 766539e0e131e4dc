/**
 * Webhook intake over real HTTP into a real SQLite file: every fixture is accepted, routed to
 * the shop of its phone number and sealed to that shop's key; duplicates and reordered statuses
 * are stored once; a 1,000-change POST goes through as one sealed item; broken bodies get a 4xx
 * and leave nothing behind.
 */
import { readdirSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { parseWebhook } from '../../../src-shared/whatsapp'
import type { Relay } from '../../../src-relay/relay/start-relay'
import { eventKey } from '../../../src-relay/webhook/event-key'
import {
  enrol,
  fixtureBytes,
  fixtureDir,
  metaPhoneNumberId,
  postWebhook,
  readInbox,
  removeTempDirs,
  startTestRelay,
  statusWebhook,
  textWebhook,
  type Device,
} from './support'

let relay: Relay | undefined

afterEach(async () => {
  await relay?.close()
  relay = undefined
  removeTempDirs()
})

const webhookFixtures = readdirSync(fixtureDir)
  .filter((name) => name.includes('_webhook_'))
  .sort()

describe('every webhook fixture', () => {
  it('is accepted, routed by phone number id (or business account) and sealed to its shop', async () => {
    ;({ relay } = await startTestRelay())
    // One shop per phone number the fixtures use; the Meta one is configured with its business account.
    const phoneNumbers = new Set<string>()
    for (const name of webhookFixtures) {
      const parsed = parseWebhook(JSON.parse(fixtureBytes(name).toString('utf8')))
      if (!parsed.ok) throw new Error(`${name} does not parse`)
      for (const event of parsed.events)
        if ('phoneNumberId' in event) phoneNumbers.add(event.phoneNumberId)
    }
    const shops = new Map<string, Device>()
    for (const phoneNumberId of phoneNumbers) {
      shops.set(phoneNumberId, await enrol(relay, { phoneNumberId }))
    }
    expect(shops.size).toBeGreaterThanOrEqual(4)

    // Meta's documentation reuses one example wamid for two different messages; the relay keeps
    // the first (a wamid names one message), so the expectation does too.
    const expected = new Map<string, unknown[]>()
    const seen = new Set<string>()
    for (const name of webhookFixtures) {
      const raw = fixtureBytes(name)
      const response = await postWebhook(relay, raw)
      expect(response.status, name).toBe(200)
      const parsed = parseWebhook(JSON.parse(raw.toString('utf8')))
      if (!parsed.ok) throw new Error(name)
      for (const event of parsed.events) {
        const shop =
          'phoneNumberId' in event
            ? event.phoneNumberId
            : event.kind === 'unhandledChange'
              ? null
              : metaPhoneNumberId
        if (shop === null || seen.has(`${shop} ${eventKey(event)}`)) continue
        seen.add(`${shop} ${eventKey(event)}`)
        expected.set(shop, [...(expected.get(shop) ?? []), JSON.parse(JSON.stringify(event))])
      }
    }
    const stored = new Set<string>()
    for (const [phoneNumberId, device] of shops) {
      const { events } = await readInbox(relay, device)
      expect(events, phoneNumberId).toEqual(expected.get(phoneNumberId) ?? [])
      for (const event of events) stored.add(eventKey(event))
    }
    // Every routable event of every fixture is in some shop's inbox.
    for (const name of webhookFixtures) {
      const parsed = parseWebhook(JSON.parse(fixtureBytes(name).toString('utf8')))
      if (!parsed.ok) throw new Error(name)
      const routable = parsed.events.filter((event) => event.kind !== 'unhandledChange')
      expect(routable.length, name).toBeGreaterThan(0)
      for (const event of routable) expect(stored.has(eventKey(event)), name).toBe(true)
    }
    // Account-wide events reached the shop of that business account and nobody else.
    const meta = await readInbox(relay, shops.get(metaPhoneNumberId)!)
    expect(meta.events.map((event) => event.kind)).toEqual(
      expect.arrayContaining([
        'templateStatus',
        'templateCategory',
        'phoneNumberQuality',
        'accountUpdate',
      ]),
    )
  })

  it('one POST makes one sealed item per shop, however many events it carries', async () => {
    ;({ relay } = await startTestRelay())
    const device = await enrol(relay)
    const raw = fixtureBytes('meta_webhook_inbound_image.json')
    await postWebhook(relay, raw)
    const { items, events } = await readInbox(relay, device)
    expect(items).toHaveLength(1)
    expect(events).toHaveLength(1)
  })
})

describe('duplicates and order', () => {
  it('stores the same webhook delivered five times once', async () => {
    ;({ relay } = await startTestRelay())
    const device = await enrol(relay)
    const raw = fixtureBytes('meta_webhook_inbound_text_click_to_whatsapp_ad.json')
    for (let time = 0; time < 5; time += 1) expect((await postWebhook(relay, raw)).status).toBe(200)
    const { items, events } = await readInbox(relay, device)
    expect(items).toHaveLength(1)
    expect(events).toHaveLength(1)
  })

  it('stores each status of a message once, whatever order they come in and however often', async () => {
    ;({ relay } = await startTestRelay())
    const device = await enrol(relay)
    const wamid = 'wamid.order-test'
    const read = statusWebhook([{ wamid, status: 'read', timestamp: 1750030090 }])
    const delivered = statusWebhook([{ wamid, status: 'delivered', timestamp: 1750030080 }])
    const sent = statusWebhook([{ wamid, status: 'sent', timestamp: 1750030073 }])
    for (const body of [read, delivered, read, sent, delivered, sent])
      await postWebhook(relay, body)
    // All three again in one POST: nothing new.
    await postWebhook(
      relay,
      statusWebhook([
        { wamid, status: 'sent', timestamp: 1750030073 },
        { wamid, status: 'delivered', timestamp: 1750030080 },
        { wamid, status: 'read', timestamp: 1750030090 },
      ]),
    )
    const { items, events } = await readInbox(relay, device)
    expect(items).toHaveLength(3)
    expect(events.map((event) => (event.kind === 'status' ? event.status : event.kind))).toEqual([
      'read',
      'delivered',
      'sent',
    ])
  })

  it('keeps the fresh events of a POST that mixes new and already seen ones', async () => {
    ;({ relay } = await startTestRelay())
    const device = await enrol(relay)
    await postWebhook(relay, statusWebhook([{ wamid: 'wamid.a', status: 'sent', timestamp: 1 }]))
    await postWebhook(
      relay,
      statusWebhook([
        { wamid: 'wamid.a', status: 'sent', timestamp: 1 },
        { wamid: 'wamid.b', status: 'sent', timestamp: 2 },
      ]),
    )
    const { items, events } = await readInbox(relay, device)
    expect(items).toHaveLength(2)
    expect(events.map((event) => (event.kind === 'status' ? event.wamid : ''))).toEqual([
      'wamid.a',
      'wamid.b',
    ])
  })
})

describe('volume and broken bodies', () => {
  it('takes 1,000 changes in one POST as one sealed item of 1,000 events', async () => {
    ;({ relay } = await startTestRelay())
    const device = await enrol(relay)
    const one = JSON.parse(textWebhook({ wamid: 'x', body: 'x' })) as {
      entry: { changes: { value: { messages: { id: string; text: { body: string } }[] } }[] }[]
    }
    const change = one.entry[0]!.changes[0]!
    one.entry[0]!.changes = Array.from({ length: 1000 }, (_, index) => {
      const copy = structuredClone(change)
      copy.value.messages[0]!.id = `wamid.bulk-${index}`
      copy.value.messages[0]!.text.body = `Pesanan nomor ${index}`
      return copy
    })
    const started = performance.now()
    const response = await postWebhook(relay, JSON.stringify(one))
    const tookMs = performance.now() - started
    expect(response.status).toBe(200)
    expect(tookMs).toBeLessThan(2000)
    const { items, events } = await readInbox(relay, device)
    expect(items).toHaveLength(1)
    expect(events).toHaveLength(1000)
    expect(new Set(events.map((event) => (event.kind === 'message' ? event.wamid : ''))).size).toBe(
      1000,
    )
  })

  it('answers a malformed signed body with a 4xx, stores nothing and keeps serving', async () => {
    ;({ relay } = await startTestRelay())
    const device = await enrol(relay)
    const broken = [
      '{"object": "whatsapp_business_account", "entry": [',
      'null',
      '[]',
      '{"object": "page", "entry": []}',
      '{"object": "whatsapp_business_account"}',
      '{"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages"}]}]}',
      '\u0000\u0001binary',
    ]
    for (const body of broken) {
      const response = await postWebhook(relay, body)
      expect(response.status, body).toBe(400)
    }
    expect((await readInbox(relay, device)).items).toEqual([])
    expect(
      (await postWebhook(relay, textWebhook({ wamid: 'wamid.after', body: 'halo' }))).status,
    ).toBe(200)
    expect((await readInbox(relay, device)).items).toHaveLength(1)
  })

  it('refuses a body over the size limit before reading it', async () => {
    ;({ relay } = await startTestRelay({ limits: { webhookBodyBytes: 4096 } }))
    const device = await enrol(relay)
    const response = await postWebhook(
      relay,
      textWebhook({ wamid: 'wamid.big', body: 'x'.repeat(5000) }),
    )
    expect(response.status).toBe(413)
    expect((await readInbox(relay, device)).items).toEqual([])
  })

  it('acknowledges events for a phone number no shop enrolled, and keeps none of them', async () => {
    ;({ relay } = await startTestRelay())
    const device = await enrol(relay)
    const response = await postWebhook(
      relay,
      textWebhook({ wamid: 'wamid.elsewhere', body: 'halo', phoneNumberId: '999999999' }),
    )
    expect(response.status).toBe(200)
    expect((await readInbox(relay, device)).items).toEqual([])
  })
})
