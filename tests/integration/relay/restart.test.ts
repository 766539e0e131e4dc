/**
 * The relay stopped and started again on the same data directory, mid-stream: the platform
 * (the emulator) delivers again what was not acknowledged, and afterwards every message is in
 * the inbox exactly once; devices, cursors and recorded sends survive.
 */
import { ulid } from 'ulid'
import { afterEach, describe, expect, it } from 'vitest'
import type { SendOutcome } from '../../../src-relay/sending/send-state'
import type { Relay } from '../../../src-relay/relay/start-relay'
import {
  api,
  readInbox,
  removeTempDirs,
  startPlatform,
  startTestRelay,
  textTo,
  waitFor,
} from './support'

type Platform = Awaited<ReturnType<typeof startPlatform>>
let platform: Platform | undefined
let restarted: Relay | undefined

afterEach(async () => {
  await platform?.emulator.close()
  await restarted?.close()
  await platform?.relay.close()
  platform = undefined
  restarted = undefined
  removeTempDirs()
})

describe('a relay restarted mid-stream', () => {
  it('loses nothing and stores nothing twice', async () => {
    platform = await startPlatform()
    const { emulator, relay, device, dataDir } = platform
    const port = relay.port
    const total = 120
    const writes: Promise<{ wamid: string; delivered: boolean }>[] = []
    let acknowledged = 0
    let acknowledgedAtStop = -1
    for (let index = 0; index < total; index += 1) {
      const write = emulator.customerWrites({
        from: `62812${String(1_000_000 + index)}`,
        message: `Pesanan ke-${index}, tolong dicek ya kak`,
      })
      writes.push(write)
      void write.then(() => (acknowledged += 1))
      if (index === 40) {
        await relay.close()
        acknowledgedAtStop = acknowledged
      }
      if (index === 80) {
        restarted = (await startTestRelay({ dataDir, port, graphUrl: emulator.url })).relay
      }
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const results = await Promise.all(writes)
    // The stop really came mid-stream: some were in, most were not yet.
    expect(acknowledgedAtStop).toBeGreaterThan(0)
    expect(acknowledgedAtStop).toBeLessThan(total)
    expect(results.every((result) => result.delivered)).toBe(true)
    const { events } = await readInbox(restarted!, device)
    const wamids = events.map((event) => (event.kind === 'message' ? event.wamid : ''))
    expect(wamids).toHaveLength(total)
    expect(new Set(wamids)).toEqual(new Set(results.map((result) => result.wamid)))
  })

  it('keeps devices, cursors and recorded outcomes; a call in flight becomes unknown, a queued send failed', async () => {
    platform = await startPlatform()
    const { emulator, relay, device, dataDir } = platform
    await emulator.customerWrites({ from: '6281234567890', message: 'Halo' })
    const sentId = ulid()
    const response = await api(relay, device.deviceToken).post('/v1/send', {
      clientId: sentId,
      message: await textTo('+6281234567890', 'Halo kak'),
    })
    const sent = (await response.json()) as SendOutcome
    expect(sent.state).toBe('sent')
    await emulator.idle()
    const before = await readInbox(relay, device)

    // Two sends left half-way, as a crash would leave them.
    const inFlight = ulid()
    const queued = ulid()
    await relay.store.beginSend(device.shopId, inFlight, Date.now())
    await relay.store.transitionSend(device.shopId, inFlight, { to: 'calling' }, Date.now())
    await relay.store.beginSend(device.shopId, queued, Date.now())
    const port = relay.port
    await relay.close()

    restarted = (await startTestRelay({ dataDir, port, graphUrl: emulator.url })).relay
    const lookup = async (clientId: string) =>
      (await (
        await api(restarted!, device.deviceToken).get(`/v1/send/${clientId}`)
      ).json()) as SendOutcome
    expect(await lookup(sentId)).toEqual(sent)
    expect(await lookup(inFlight)).toEqual({ clientId: inFlight, state: 'unknown' })
    expect(await lookup(queued)).toMatchObject({
      state: 'failed',
      error: { code: 'NOT_SENT', reason: 'notSent' },
    })

    const after = await readInbox(restarted, device)
    expect(after.items).toEqual(before.items)
    await emulator.customerWrites({ from: '6281234567890', message: 'Masih di sana kak?' })
    const more = await waitFor(async () => {
      const page = await readInbox(restarted!, device, before.next)
      return page.items.length > 0 ? page : undefined
    }, 'a new item after the restart')
    expect(more.items[0]!.seq).toBeGreaterThan(before.next)
  })
})
