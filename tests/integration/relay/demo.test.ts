/**
 * Demo mode's platform side: a relay and the emulator started together, an enrolment code for
 * the desktop, and a first batch of conversations as soon as the shop enrols. Also the worker
 * entry the app's shell starts by path.
 */
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import type { FromDemoWorker } from '../../../src-relay/demo/demo-worker'
import { startDemo, type Demo } from '../../../src-relay/demo/start-demo'
import { api, readInbox, removeTempDirs, shopKeys, tempDir, waitFor, type Device } from './support'

let demo: Demo | undefined

afterEach(async () => {
  await demo?.close()
  demo = undefined
  removeTempDirs()
})

async function enrolInDemo(relayUrl: string, code: string): Promise<Device> {
  const keys = await shopKeys()
  const response = await fetch(`${relayUrl}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, shopPublicKey: keys.publicKeyBase64, deviceName: 'Demo' }),
  })
  expect(response.status).toBe(200)
  return { ...((await response.json()) as Omit<Device, 'keys'>), keys }
}

describe('startDemo', () => {
  it('has five conversations waiting right after enrolment, and new customers keep coming', async () => {
    demo = await startDemo({ fast: true, seed: 3, paceMs: 100 })
    expect(demo.relayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const device = await enrolInDemo(demo.relayUrl, demo.inviteCode)
    const first = await waitFor(async () => {
      const inbox = await readInbox(demo!.relay, device)
      return inbox.events.length >= 5 ? inbox : undefined
    }, 'the first batch')
    const messages = first.events.filter((event) => event.kind === 'message')
    expect(messages.length).toBeGreaterThanOrEqual(5)
    expect(messages.some((event) => event.kind === 'message' && event.referral !== null)).toBe(true)
    await waitFor(() => demo!.emulator.customers().length >= 7, 'paced customers')

    // The shop can answer, and the answer is delivered.
    const waiting = demo.emulator.customers()[0]!
    const sent = await api(demo.relay, device.deviceToken).post('/v1/send', {
      clientId: '01JDX4ZKQ9W6H8B1V2N3M4P5R6',
      message: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: `+${waiting.waId}`,
        type: 'text',
        text: { body: 'Halo kak!' },
      },
    })
    expect(await sent.json()).toMatchObject({ state: 'sent' })
  })
})

describe('demo mode on a kept data directory', () => {
  it('keeps the shop and its customers across a restart: yesterday’s windows are still open', async () => {
    const dataDir = tempDir()
    demo = await startDemo({ fast: true, seed: 4, paceMs: 60_000, dataDir })
    const device = await enrolInDemo(demo.relayUrl, demo.inviteCode)
    await waitFor(
      async () => (await readInbox(demo!.relay, device)).events.length >= 5,
      'the first batch',
    )
    const open = demo.emulator
      .customers()
      .find(
        (customer) =>
          customer.lastInboundAt !== null && Date.now() - customer.lastInboundAt < 3600_000,
      )!
    const before = await readInbox(demo.relay, device)
    await demo.close()

    demo = await startDemo({ fast: true, seed: 5, paceMs: 60_000, dataDir })
    // Same shop, same device; no second first batch.
    const after = await readInbox(demo.relay, device)
    expect(after.items).toEqual(before.items)
    expect(demo.emulator.customers().map((customer) => customer.waId)).toContain(open.waId)
    const sent = await api(demo.relay, device.deviceToken).post('/v1/send', {
      clientId: '01JDX4ZKQ9W6H8B1V2N3M4P5R7',
      message: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: `+${open.waId}`,
        type: 'text',
        text: { body: 'Maaf lama, masih mau kak?' },
      },
    })
    expect(await sent.json()).toMatchObject({ state: 'sent' })
    await demo.emulator.idle()
    const [message] = demo.emulator.sentMessages()
    expect(message!.failedWith).toBeNull()
    expect(message!.statuses.slice(0, 2)).toEqual(['sent', 'delivered'])
  })
})

describe('demo-worker', () => {
  it('posts ready with the relay address and a code, and stops on close', async () => {
    // The shell starts the built out/main/demo-worker.js; here tsx compiles the source on the fly.
    const entry = resolve(__dirname, '../../../src-relay/demo/demo-worker.ts')
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)})`, {
      eval: true,
      workerData: { paceMs: 60_000, seed: 9 },
      env: { ...process.env, KEDAI_LOG: 'silent' },
    })
    const messages: FromDemoWorker[] = []
    worker.on('message', (message: FromDemoWorker) => messages.push(message))
    const exited = new Promise<number>((done) => worker.on('exit', done))
    const ready = await waitFor(
      () => messages.find((message) => message.type !== 'closed'),
      'ready',
      20_000,
    )
    expect(ready).toMatchObject({
      type: 'ready',
      relayUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) as unknown,
      inviteCode: expect.stringMatching(
        /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/,
      ) as unknown,
    })
    if (ready.type !== 'ready') throw new Error(ready.type)
    expect((await fetch(`${ready.relayUrl}/health`)).status).toBe(200)
    await enrolInDemo(ready.relayUrl, ready.inviteCode)

    worker.postMessage({ type: 'close' })
    expect(await exited).toBe(0)
    expect(messages.at(-1)).toEqual({ type: 'closed' })
    await expect(fetch(`${ready.relayUrl}/health`)).rejects.toThrow()
  })
})
