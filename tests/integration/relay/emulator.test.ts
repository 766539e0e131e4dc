/**
 * The Cloud API emulator on its own, against a stand-in relay that checks signatures and parses
 * every webhook with src-shared/whatsapp: Meta's wire format, the errors the platform gives, the
 * pricing of statuses under the dated policy, and the simulated customers.
 */
import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import {
  buildReplyButtonsMessage,
  buildTemplateMessage,
  buildTextMessage,
  parsePlatformError,
  parseSendResponse,
  parseWebhookText,
  type InboundMessageEvent,
  type StatusEvent,
  type WebhookEvent,
} from '../../../src-shared/whatsapp'
import type { EmulatorConfig } from '../../../src-relay/emulator/emulator-config'
import { startEmulator, type Emulator } from '../../../src-relay/emulator/start-emulator'
import { checkSignature } from '../../../src-relay/webhook/signature'
import { fixtureBytes, quickDelays, secrets, waitFor } from './support'

const phoneNumberId = '106540352242922'

interface Capture {
  url: string
  events: WebhookEvent[]
  problems: string[]
  unsigned: number
  server: Server
}

async function captureWebhooks(): Promise<Capture> {
  const capture: Capture = {
    url: '',
    events: [],
    problems: [],
    unsigned: 0,
    server: createServer(),
  }
  capture.server.on('request', (request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const raw = Buffer.concat(chunks)
      if (!checkSignature(raw, request.headers['x-hub-signature-256'], secrets.appSecret).ok) {
        capture.unsigned += 1
        response.writeHead(403).end()
        return
      }
      const parsed = parseWebhookText(raw.toString('utf8'))
      if (!parsed.ok) throw new Error(parsed.message)
      capture.events.push(...parsed.events)
      capture.problems.push(...parsed.problems)
      response.writeHead(200).end('EVENT_RECEIVED')
    })
  })
  await new Promise<void>((resolve) => capture.server.listen(0, '127.0.0.1', () => resolve()))
  capture.url = `http://127.0.0.1:${(capture.server.address() as { port: number }).port}/webhook`
  return capture
}

let emulator: Emulator | undefined
let capture: Capture | undefined
const others: Emulator[] = []

afterEach(async () => {
  await emulator?.close()
  for (const other of others.splice(0)) await other.close()
  if (capture) {
    capture.server.closeAllConnections()
    await new Promise((resolve) => capture!.server.close(resolve))
  }
  emulator = undefined
  capture = undefined
})

async function start(config: Partial<EmulatorConfig> = {}): Promise<Emulator> {
  capture = await captureWebhooks()
  emulator = await startEmulator({
    appSecret: secrets.appSecret,
    accessToken: secrets.accessToken,
    phoneNumberId,
    webhookUrl: capture.url,
    delays: quickDelays,
    readProbability: 1,
    seed: 5,
    ...config,
  })
  return emulator
}

function graphPost(body: unknown, options: { token?: string; phoneNumber?: string } = {}) {
  return fetch(`${emulator!.url}/v24.0/${options.phoneNumber ?? phoneNumberId}/messages`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.token ?? secrets.accessToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  })
}

function text(to: string, body: string, clientId?: string) {
  const built = buildTextMessage({
    to,
    body,
    ...(clientId ? { bizOpaqueCallbackData: clientId } : {}),
  })
  if (!built.ok) throw new Error(built.message)
  return built.body
}

function template(to: string, name: string) {
  const built = buildTemplateMessage({ to, name, language: 'id', body: ['A-1'] })
  if (!built.ok) throw new Error(built.message)
  return built.body
}

function statusesOf(wamid: string): StatusEvent[] {
  return capture!.events.filter(
    (event): event is StatusEvent => event.kind === 'status' && event.wamid === wamid,
  )
}

async function sendAndSettle(body: unknown): Promise<{ wamid: string; statuses: StatusEvent[] }> {
  const answer = parseSendResponse(await (await graphPost(body)).json())
  if (answer.kind !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(answer)}`)
  await emulator!.idle()
  return { wamid: answer.wamid, statuses: statusesOf(answer.wamid) }
}

describe('the Graph endpoint', () => {
  it('answers an accepted send with the shape of meta_send_text_response.json', async () => {
    await start()
    await emulator!.customerWrites({ from: '16505551234', message: 'Hi' })
    const response = await graphPost(text('+16505551234', 'Hello!'))
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    const fixture = JSON.parse(
      fixtureBytes('meta_send_text_response.json').toString('utf8'),
    ) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(Object.keys(fixture).sort())
    expect(body).toMatchObject({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+16505551234', wa_id: '16505551234' }],
    })
    expect(parseSendResponse(body)).toMatchObject({ kind: 'accepted', waId: '16505551234' })
  })

  it('refuses a wrong token with error 190 and another number with error 100, like the Graph API', async () => {
    await start()
    const wrongToken = await graphPost(text('+16505551234', 'x'), { token: 'nope' })
    expect(wrongToken.status).toBe(401)
    const error = parsePlatformError(await wrongToken.json())
    expect(error).toMatchObject({
      ok: true,
      error: { code: 190, reason: 'tokenExpired', type: 'OAuthException' },
    })
    const wrongNumber = await graphPost(text('+16505551234', 'x'), { phoneNumber: '1' })
    expect(parsePlatformError(await wrongNumber.json())).toMatchObject({
      ok: true,
      error: { code: 100 },
    })
    expect(emulator!.calls()).toBe(0)
  })

  it('refuses with the code it is told to, synchronously or as a failed status', async () => {
    await start()
    await emulator!.customerWrites({ from: '6281234567890', message: 'Halo' })
    emulator!.fail(130429)
    const refused = await graphPost(text('+6281234567890', 'x'))
    expect(parseSendResponse(await refused.json())).toMatchObject({
      kind: 'refused',
      error: { code: 130429, reason: 'rateLimited', retryable: true },
    })
    emulator!.fail(131026, { asStatus: true })
    const { statuses } = await sendAndSettle(text('+6281234567890', 'y'))
    expect(statuses.map((status) => [status.status, status.errors[0]?.code])).toEqual([
      ['failed', 131026],
    ])
  })

  it('accepts and cuts the connection when told to drop the answer; the statuses still come', async () => {
    await start()
    await emulator!.customerWrites({ from: '6281234567890', message: 'Halo' })
    emulator!.dropNextAnswer()
    await expect(
      graphPost(text('+6281234567890', 'x', '01JDX4ZKQ9W6H8B1V2N3M4P5R6')),
    ).rejects.toThrow()
    await emulator!.idle()
    const [message] = emulator!.sentMessages()
    expect(message!.clientId).toBe('01JDX4ZKQ9W6H8B1V2N3M4P5R6')
    expect(
      statusesOf(message!.wamid).map((status) => [status.status, status.bizOpaqueCallbackData]),
    ).toEqual([
      ['sent', '01JDX4ZKQ9W6H8B1V2N3M4P5R6'],
      ['delivered', '01JDX4ZKQ9W6H8B1V2N3M4P5R6'],
      ['read', '01JDX4ZKQ9W6H8B1V2N3M4P5R6'],
    ])
  })

  it('answers 131056 when one customer is flooded past the pair rate', async () => {
    await start({ pairRate: { burst: 3, intervalMs: 6000 } })
    await emulator!.customerWrites({ from: '6281234567890', message: 'Halo' })
    const answers = []
    for (let index = 0; index < 5; index += 1) {
      answers.push(
        parseSendResponse(await (await graphPost(text('+6281234567890', `pesan ${index}`))).json())
          .kind,
      )
    }
    expect(answers).toEqual(['accepted', 'accepted', 'accepted', 'refused', 'refused'])
    const again = parseSendResponse(
      await (await graphPost(text('+6281234567891', 'another customer'))).json(),
    )
    expect(again.kind).toBe('accepted')
  })
})

describe('what becomes of a message', () => {
  it('fails 131047 for free-form text outside the window, and 131026 for a number not on WhatsApp', async () => {
    await start()
    await emulator!.customerWrites({
      from: '6281234567890',
      message: 'Halo',
      at: Date.now() - 25 * 3600_000,
    })
    const late = await sendAndSettle(text('+6281234567890', 'Maaf baru balas'))
    expect(
      late.statuses.map((status) => [
        status.status,
        status.errors[0]?.code,
        status.errors[0]?.reason,
      ]),
    ).toEqual([['failed', 131047, 'windowClosed']])
    const nobody = await sendAndSettle(template('+6281200000000', 'order_update'))
    expect(nobody.statuses.map((status) => [status.status, status.errors[0]?.code])).toEqual([
      ['failed', 131026],
    ])
    emulator!.notOnWhatsApp('6281311112222')
    const marked = await sendAndSettle(template('+6281311112222', 'order_update'))
    expect(marked.statuses[0]?.errors[0]?.code).toBe(131026)
  })

  it('fails 131050 for marketing after the customer wrote BERHENTI, and 131049 for marketing to a US number', async () => {
    await start()
    await emulator!.customerWrites({ from: '6281234567890', message: 'BERHENTI' })
    expect(emulator!.customers()[0]).toMatchObject({ optedOut: true })
    const promo = await sendAndSettle(template('+6281234567890', 'promo_bulan_ini'))
    expect(promo.statuses[0]?.errors[0]).toMatchObject({ code: 131050, reason: 'optedOut' })
    // Utility still reaches them.
    const update = await sendAndSettle(template('+6281234567890', 'order_update'))
    expect(update.statuses.map((status) => status.status)).toEqual(['sent', 'delivered', 'read'])
    const us = await sendAndSettle(template('+14155550123', 'weekend_sale'))
    expect(us.statuses[0]?.errors[0]?.code).toBe(131049)
  })

  it("prices Meta's own per-message example: four sent, two paid (July 2025 policy)", async () => {
    let clock = Date.UTC(2025, 7, 4, 9, 0, 0)
    await start({ now: () => clock })
    const to = '+6281234567890'
    const minute = 60_000
    const marketing = await sendAndSettle(template(to, 'promo_bulan_ini'))
    clock += minute
    await emulator!.customerWrites({ from: to, message: 'Mau dong kak, masih ada?' })
    clock += minute
    const reply = await sendAndSettle(text(to, 'Masih ada kak!'))
    clock += 60 * minute
    const utilityInWindow = await sendAndSettle(template(to, 'order_update'))
    clock += 28 * 60 * minute
    const utilityLater = await sendAndSettle(template(to, 'order_update'))
    const pricingOf = (sent: { statuses: StatusEvent[] }) => {
      const pricing = sent.statuses.find((status) => status.status === 'sent')?.pricing
      return [pricing?.category, pricing?.type, pricing?.billable]
    }
    expect([marketing, reply, utilityInWindow, utilityLater].map(pricingOf)).toEqual([
      ['marketing', 'regular', true],
      ['service', 'free_customer_service', false],
      ['utility', 'free_customer_service', false],
      ['utility', 'regular', true],
    ])
    for (const status of [...marketing.statuses, ...utilityLater.statuses]) {
      expect(status.pricing).toMatchObject({ pricingModel: 'PMP' })
    }
  })

  it('makes everything free for 72 hours after answering a customer from an ad (free entry point)', async () => {
    let clock = Date.UTC(2025, 8, 10, 9, 0, 0)
    await start({ now: () => clock })
    const to = '+5215512345678'
    await emulator!.customerWrites({
      from: to,
      message: 'Hi, I saw your ad',
      referral: { headline: 'Batik sale' },
    })
    clock += 30 * 60_000
    const answer = await sendAndSettle(text(to, 'Hi! Which size?'))
    clock += 40 * 3600_000
    const promo = await sendAndSettle(template(to, 'weekend_sale'))
    clock += 40 * 3600_000
    const afterWindow = await sendAndSettle(template(to, 'weekend_sale'))
    const typeOf = (sent: { statuses: StatusEvent[] }) => sent.statuses[0]?.pricing?.type
    expect([typeOf(answer), typeOf(promo), typeOf(afterWindow)]).toEqual([
      'free_entry_point',
      'free_entry_point',
      'regular',
    ])
  })
})

describe('simulated customers', () => {
  const inbound = () =>
    capture!.events.filter((event): event is InboundMessageEvent => event.kind === 'message')

  it('bring a first batch at once: windows open, one closed, one from an ad, one STOP, all parseable', async () => {
    await start()
    const started = Date.now()
    const batch = await emulator!.firstBatch()
    expect(batch).toHaveLength(6)
    await emulator!.idle()
    const messages = inbound()
    expect(messages).toHaveLength(6)
    expect(capture!.problems).toEqual([])
    expect(capture!.unsigned).toBe(0)
    const ages = messages.map((message) => started - message.sentAt)
    expect(ages.filter((age) => age > 24 * 3600_000)).toHaveLength(1)
    expect(ages.filter((age) => age < 24 * 3600_000)).toHaveLength(5)
    expect(batch.filter((customer) => customer.optedOut)).toHaveLength(1)
    expect(messages.filter((message) => message.referral !== null)).toHaveLength(1)
    expect(new Set(messages.map((message) => message.content.type))).toEqual(
      new Set(['text', 'image', 'order']),
    )
    expect(messages.some((message) => message.referredProduct !== null)).toBe(true)
    expect(new Set(messages.map((message) => message.customer.waId)).size).toBe(6)
    expect(
      messages.filter(
        (message) =>
          message.content.type === 'text' && /^(STOP|BERHENTI)$/.test(message.content.body),
      ),
    ).toHaveLength(1)
    for (const message of messages) expect(message.customer.name).toBeTruthy()
  })

  it('are the same people saying the same things for the same seed', async () => {
    capture = await captureWebhooks()
    const seeded = async (seed: number) => {
      const other = await startEmulator({
        appSecret: secrets.appSecret,
        accessToken: 't',
        phoneNumberId,
        seed,
        webhookUrl: capture!.url,
      })
      others.push(other)
      await other.firstBatch()
      for (let index = 0; index < 6; index += 1) await other.newCustomer()
      return other
        .customers()
        .map(({ waId, name, persona, language }) => ({ waId, name, persona, language }))
    }
    const first = await seeded(42)
    expect(await seeded(42)).toEqual(first)
    expect(await seeded(43)).not.toEqual(first)
    const countries = new Set(first.map((customer) => customer.waId.slice(0, 2)))
    expect(countries.size).toBeGreaterThan(1)
  })

  it('answer the shop: the next line of their story, or a tap on a reply button', async () => {
    await start()
    const customer = await emulator!.newCustomer('catalogQuestion', {
      country: 'ID',
      language: 'id',
    })
    await emulator!.idle()
    await sendAndSettle(text(`+${customer.waId}`, 'Ready kak, mau berapa?'))
    const followUp = await waitFor(
      () => (inbound().length >= 2 ? inbound()[1] : undefined),
      'a follow-up',
    )
    expect(followUp.content).toMatchObject({
      type: 'text',
      body: 'Oke kak, saya ambil 2 ya. Bisa kirim hari ini?',
    })

    const buttons = buildReplyButtonsMessage({
      to: `+${customer.waId}`,
      body: 'Dikirim atau diambil?',
      buttons: [
        { id: 'kirim', title: 'Dikirim' },
        { id: 'ambil', title: 'Ambil sendiri' },
      ],
    })
    if (!buttons.ok) throw new Error(buttons.message)
    const { wamid } = await sendAndSettle(buttons.body)
    const tap = await waitFor(
      () => inbound().find((message) => message.content.type === 'buttonReply'),
      'a button tap',
    )
    expect(tap.replyTo?.wamid).toBe(wamid)
    expect(['kirim', 'ambil']).toContain((tap.content as { buttonId: string }).buttonId)
  })

  it('keep coming at the pace, and stop when told', async () => {
    await start({ paceMs: 40 })
    emulator!.startCustomers()
    await waitFor(() => emulator!.customers().length >= 4, 'four new customers', 5000)
    emulator!.stopCustomers()
    await emulator!.idle()
    const count = emulator!.customers().length
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(emulator!.customers().length).toBe(count)
  })

  it('include people who stop promotions, people from ads, and writers in Indonesian and English', async () => {
    await start({ seed: 11 })
    for (let index = 0; index < 40; index += 1) await emulator!.newCustomer()
    await emulator!.newCustomer('stopper', { language: 'en' })
    await emulator!.newCustomer('stopper', { language: 'id' })
    await emulator!.idle()
    const people = emulator!.customers()
    expect(people.filter((person) => person.optedOut).length).toBeGreaterThanOrEqual(2)
    expect(new Set(people.map((person) => person.language))).toEqual(new Set(['id', 'en']))
    const texts = inbound().flatMap((message) =>
      message.content.type === 'text' ? [message.content.body] : [],
    )
    expect(texts).toEqual(expect.arrayContaining(['STOP', 'BERHENTI']))
    expect(inbound().some((message) => message.referral !== null)).toBe(true)
    expect(inbound().some((message) => message.content.type === 'location')).toBe(true)
    expect(capture!.problems).toEqual([])
  })
})
