/**
 * Sending through the relay to the emulator, as the desktop will: outcomes, statuses back
 * through the sealed inbox, at most one platform call per client id, lost answers settled by
 * status webhooks, and the platform's refusals paced, retried or reported.
 */
import { ulid } from 'ulid'
import { afterEach, describe, expect, it } from 'vitest'
import {
  buildMarkAsRead,
  buildReplyButtonsMessage,
  buildTemplateMessage,
} from '../../../src-shared/whatsapp'
import type { SendOutcome } from '../../../src-relay/sending/send-state'
import {
  api,
  openStream,
  readInbox,
  removeTempDirs,
  startPlatform,
  textTo,
  waitFor,
} from './support'

type Platform = Awaited<ReturnType<typeof startPlatform>>
let platform: Platform | undefined

afterEach(async () => {
  await platform?.close()
  platform = undefined
  removeTempDirs()
})

async function send(clientId: string, message: Record<string, unknown>): Promise<SendOutcome> {
  const response = await api(platform!.relay, platform!.device.deviceToken).post('/v1/send', {
    clientId,
    message,
  })
  expect(response.status).toBe(200)
  return (await response.json()) as SendOutcome
}

async function lookup(clientId: string): Promise<SendOutcome> {
  const response = await api(platform!.relay, platform!.device.deviceToken).get(
    `/v1/send/${clientId}`,
  )
  return (await response.json()) as SendOutcome
}

const customer = '6281234567890'

describe('a reply inside the window', () => {
  it('is sent once, and sent, delivered and read come back sealed with pricing and the client id', async () => {
    platform = await startPlatform()
    const { emulator, relay, device } = platform
    await emulator.customerWrites({ from: customer, name: 'Sari', message: 'Kak, ready ukuran M?' })
    const clientId = ulid()
    const outcome = await send(clientId, await textTo(`+${customer}`, 'Ready kak, mau berapa?'))
    expect(outcome).toMatchObject({
      clientId,
      state: 'sent',
      wamid: expect.stringMatching(/^wamid\./) as unknown,
    })
    const sent = emulator.sentMessages()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ clientId, waId: customer, category: 'service' })
    expect(sent[0]!.body.biz_opaque_callback_data).toBe(clientId)

    await emulator.idle()
    const statuses = await waitFor(async () => {
      const events = (await readInbox(relay, device)).events.filter(
        (event) => event.kind === 'status',
      )
      return events.length >= 3 ? events : undefined
    }, 'three statuses')
    expect(statuses.map((event) => event.kind === 'status' && event.status)).toEqual([
      'sent',
      'delivered',
      'read',
    ])
    for (const status of statuses) {
      expect(status).toMatchObject({
        kind: 'status',
        wamid: (outcome as { wamid: string }).wamid,
        bizOpaqueCallbackData: clientId,
        pricing: { pricingModel: 'PMP', category: 'service', billable: false },
      })
    }
    expect(await lookup(clientId)).toEqual(outcome)
  })

  it('calls the platform once for a client id posted twice, even at the same moment', async () => {
    platform = await startPlatform()
    await platform.emulator.customerWrites({ from: customer, message: 'Halo' })
    const clientId = ulid()
    const body = await textTo(`+${customer}`, 'Halo juga kak')
    const [first, second] = await Promise.all([send(clientId, body), send(clientId, body)])
    const third = await send(clientId, await textTo(`+${customer}`, 'a different body, same id'))
    expect(platform.emulator.calls()).toBe(1)
    expect(platform.emulator.sentMessages()).toHaveLength(1)
    const settled = await lookup(clientId)
    expect(settled.state).toBe('sent')
    for (const outcome of [first, second, third])
      expect(['pending', 'sent']).toContain(outcome.state)
    expect(third).toEqual(settled)
  })

  it('sends interactive buttons and templates as the builders make them, and forwards mark-as-read', async () => {
    platform = await startPlatform()
    const { wamid } = await platform.emulator.customerWrites({
      from: customer,
      message: 'Mau pesan',
    })
    const buttons = buildReplyButtonsMessage({
      to: `+${customer}`,
      body: 'Mau dikirim atau diambil?',
      buttons: [
        { id: 'kirim', title: 'Dikirim' },
        { id: 'ambil', title: 'Ambil di toko' },
      ],
    })
    const template = buildTemplateMessage({
      to: `+${customer}`,
      name: 'order_update',
      language: 'id',
      body: ['A-17'],
    })
    if (!buttons.ok || !template.ok) throw new Error('builders refused')
    expect((await send(ulid(), buttons.body as never)).state).toBe('sent')
    expect((await send(ulid(), template.body as never)).state).toBe('sent')
    expect(platform.emulator.sentMessages().map((message) => message.type)).toEqual([
      'interactive',
      'template',
    ])

    const read = buildMarkAsRead({ wamid })
    if (!read.ok) throw new Error(read.message)
    const marked = await api(platform.relay, platform.device.deviceToken).post('/v1/mark-read', {
      wamid,
    })
    expect(marked.status).toBe(200)
    expect(platform.emulator.markedAsRead()).toEqual([wamid])
    expect(platform.emulator.calls()).toBe(2)
  })

  it('refuses a body that is not a send, and an id that is not a ULID, without calling anyone', async () => {
    platform = await startPlatform()
    const post = (body: unknown) =>
      api(platform!.relay, platform!.device.deviceToken).post('/v1/send', body)
    expect(
      (await post({ clientId: 'abc', message: await textTo('+6281234567', 'x') })).status,
    ).toBe(400)
    expect(
      (await post({ clientId: ulid(), message: { messaging_product: 'whatsapp', type: 'text' } }))
        .status,
    ).toBe(400)
    expect(
      (
        await post({
          clientId: ulid(),
          message: {
            messaging_product: 'whatsapp',
            status: 'read',
            message_id: 'x',
            to: '1',
            type: 'x',
          },
        })
      ).status,
    ).toBe(400)
    expect(platform.emulator.calls()).toBe(0)
    expect(
      (await api(platform.relay, platform.device.deviceToken).get(`/v1/send/${ulid()}`)).status,
    ).toBe(404)
  })
})

describe('an answer that never came', () => {
  it('is unknown until a status webhook with the client id settles it, and is never sent again', async () => {
    platform = await startPlatform({
      emulator: {
        delays: { sentMs: [300, 300], deliveredMs: [20, 20], readMs: [20, 20], replyMs: [10, 10] },
      },
    })
    const { emulator, relay, device } = platform
    await emulator.customerWrites({ from: customer, message: 'Halo kak' })
    const stream = await openStream(relay, device.deviceToken)
    emulator.dropNextAnswer()
    const clientId = ulid()
    const body = await textTo(`+${customer}`, 'Siap kak')
    const outcome = await send(clientId, body)
    expect(outcome).toEqual({ clientId, state: 'unknown' })
    // Asking again (the desktop retrying its request) returns the record, never a second call.
    expect(await send(clientId, body)).toEqual({ clientId, state: 'unknown' })
    expect(emulator.calls()).toBe(1)

    const settled = await waitFor(async () => {
      const current = await lookup(clientId)
      return current.state === 'sent' ? current : undefined
    }, 'the status to settle the send')
    expect(settled).toEqual({ clientId, state: 'sent', wamid: emulator.sentMessages()[0]!.wamid })
    await waitFor(
      () => stream.messages.some((message) => message.type === 'send'),
      'a send message',
    )
    expect(stream.messages.filter((message) => message.type === 'send')).toContainEqual({
      type: 'send',
      clientId,
      outcome: settled,
    })
    expect(emulator.calls()).toBe(1)
    stream.socket.close()
  })

  it('is unknown when the platform cannot be heard within the timeout', async () => {
    // A platform that takes the request and never answers.
    const { createServer } = await import('node:http')
    let received = 0
    const silent = createServer(() => void (received += 1))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()))
    const port = (silent.address() as { port: number }).port
    platform = await startPlatform({
      relay: { graphUrl: `http://127.0.0.1:${port}`, sending: { graphTimeoutMs: 200 } },
    })
    const clientId = ulid()
    expect(await send(clientId, await textTo(`+${customer}`, 'Halo'))).toEqual({
      clientId,
      state: 'unknown',
    })
    expect(received).toBe(1)
    silent.closeAllConnections()
    await new Promise((resolve) => silent.close(resolve))
  })
})

describe('refusals', () => {
  it('reports 131047 (window closed, failed after acceptance) as failed and does not retry', async () => {
    platform = await startPlatform()
    const { emulator } = platform
    await emulator.customerWrites({
      from: customer,
      message: 'Masih ada?',
      at: Date.now() - 30 * 3600_000,
    })
    const clientId = ulid()
    const first = await send(clientId, await textTo(`+${customer}`, 'Masih kak!'))
    expect(first.state).toBe('sent')
    const failed = await waitFor(async () => {
      const current = await lookup(clientId)
      return current.state === 'failed' ? current : undefined
    }, 'the failed status')
    expect(failed).toMatchObject({
      clientId,
      state: 'failed',
      error: { code: 131047, reason: 'windowClosed' },
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(emulator.calls()).toBe(1)
  })

  it('reports 131047 answered synchronously as failed at once, with one call', async () => {
    platform = await startPlatform()
    platform.emulator.fail(131047)
    const clientId = ulid()
    const outcome = await send(clientId, await textTo(`+${customer}`, 'Halo'))
    expect(outcome).toMatchObject({
      clientId,
      state: 'failed',
      error: { code: 131047, reason: 'windowClosed' },
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(platform.emulator.calls()).toBe(1)
    expect(await lookup(clientId)).toEqual(outcome)
  })

  it('paces and retries 130429, pending meanwhile, then sent', async () => {
    platform = await startPlatform({ relay: { sending: { rateLimitedHoldMs: 100 } } })
    const { emulator, relay, device } = platform
    await emulator.customerWrites({ from: customer, message: 'Halo' })
    const stream = await openStream(relay, device.deviceToken)
    emulator.fail(130429, { times: 2 })
    const clientId = ulid()
    const started = Date.now()
    expect(await send(clientId, await textTo(`+${customer}`, 'Sebentar ya kak'))).toEqual({
      clientId,
      state: 'pending',
    })
    expect(await lookup(clientId)).toEqual({ clientId, state: 'pending' })
    const sent = await waitFor(async () => {
      const current = await lookup(clientId)
      return current.state === 'sent' ? current : undefined
    }, 'the retried send')
    // Two refusals: held 100 ms, then 200 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(emulator.calls()).toBe(3)
    expect(emulator.sentMessages()).toHaveLength(1)
    await waitFor(
      () => stream.messages.some((message) => message.type === 'send'),
      'the send message',
    )
    expect(stream.messages.filter((message) => message.type === 'send')).toEqual([
      { type: 'send', clientId, outcome: sent },
    ])
    stream.socket.close()
  })

  it('holds a flooded customer back (131056) and sends every message exactly once', async () => {
    // The platform allows this customer 2 at once then one per 150 ms; the relay thinks 45.
    platform = await startPlatform({
      emulator: { pairRate: { burst: 2, intervalMs: 150 } },
      relay: { sending: { pairRate: { burst: 45, intervalMs: 150 } } },
    })
    const { emulator } = platform
    await emulator.customerWrites({ from: customer, message: 'Halo' })
    const ids = Array.from({ length: 5 }, () => ulid())
    // One after another, as a device's outbox drains a conversation.
    const outcomes = []
    for (const [index, id] of ids.entries()) {
      outcomes.push(await send(id, await textTo(`+${customer}`, `Pesan ${index}`)))
    }
    expect(outcomes.some((outcome) => outcome.state === 'pending')).toBe(true)
    await waitFor(
      async () => {
        const states = await Promise.all(ids.map(lookup))
        return states.every((state) => state.state === 'sent')
      },
      'all five sent',
      15_000,
    )
    expect(emulator.calls()).toBeGreaterThan(5)
    const accepted = emulator.sentMessages().map((message) => message.clientId)
    expect(accepted.sort()).toEqual([...ids].sort())
  })

  it('keeps a customer’s messages in order when one is refused as too fast (131056)', async () => {
    // One message per 100 ms for this customer: the later ones wait for their slots.
    platform = await startPlatform({
      relay: { sending: { pairRate: { burst: 1, intervalMs: 100 } } },
    })
    const { emulator } = platform
    await emulator.customerWrites({ from: customer, message: 'Halo' })
    const ids = Array.from({ length: 4 }, () => ulid())
    await send(ids[0]!, await textTo(`+${customer}`, 'Pesan 0'))
    // The second is refused when its slot comes, after the third and fourth booked theirs.
    emulator.fail(131056, { times: 1 })
    for (const [index, id] of ids.slice(1).entries()) {
      await send(id, await textTo(`+${customer}`, `Pesan ${index + 1}`))
    }
    await waitFor(
      async () => (await Promise.all(ids.map(lookup))).every((state) => state.state === 'sent'),
      'all four sent',
      15_000,
    )
    // The refused one kept its place: the customer reads them as they were written.
    expect(emulator.sentMessages().map((message) => message.clientId)).toEqual(ids)
  })

  it('reports a refusal that does not clear up (130429 every time) as failed after the last attempt', async () => {
    platform = await startPlatform({
      relay: { sending: { rateLimitedHoldMs: 10, maxAttempts: 3 } },
    })
    platform.emulator.fail(130429, { times: 10 })
    const clientId = ulid()
    await send(clientId, await textTo(`+${customer}`, 'Halo'))
    const failed = await waitFor(async () => {
      const current = await lookup(clientId)
      return current.state === 'failed' ? current : undefined
    }, 'the final refusal')
    expect(failed).toMatchObject({ error: { code: 130429, reason: 'rateLimited' } })
    expect(platform.emulator.calls()).toBe(3)
  })

  it('retries a platform that cannot be reached at all, and reports NOT_SENT when it stays away', async () => {
    platform = await startPlatform({
      relay: { graphUrl: 'http://127.0.0.1:9', sending: { unreachableHoldMs: 20, maxAttempts: 3 } },
    })
    const clientId = ulid()
    expect(await send(clientId, await textTo(`+${customer}`, 'Halo'))).toEqual({
      clientId,
      state: 'pending',
    })
    const failed = await waitFor(async () => {
      const current = await lookup(clientId)
      return current.state === 'failed' ? current : undefined
    }, 'the final NOT_SENT')
    expect(failed).toMatchObject({ error: { code: 'NOT_SENT', reason: 'notSent' } })
  })
})
