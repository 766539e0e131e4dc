/**
 * The desktop's side of the platform link, for real: a relay and the Cloud API emulator on
 * 127.0.0.1, and a desktop core (in this process) enrolled with the relay. Customers write,
 * the owner replies, statuses come back; replays, relay restarts and a desktop that was away
 * change nothing and lose nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src-main/core/core'
import { startEmulator, type Emulator } from '../../../src-relay/emulator/start-emulator'
import { startRelay, type Relay } from '../../../src-relay/relay/start-relay'
import type { ConversationItem, MessageItem } from '../../../src-shared/inbox/inbox-view'
import { eventually } from '../../support/eventually'
import { fastKdf, passphrase } from '../../support/vault'
import { conversationOf } from '../../support/core-calls'

const secrets = {
  appSecret: 'test-app-secret',
  verifyToken: 'test-verify',
  accessToken: 'test-access-token',
}
const phoneNumberId = '100200300400500'

interface World {
  relayDir: string
  relay: Relay
  emulator: Emulator
  core: Core
  coreDir: string
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function startWorld(): Promise<World> {
  const relayDir = mkdtempSync(join(tmpdir(), 'kedai-link-relay-'))
  const coreDir = mkdtempSync(join(tmpdir(), 'kedai-link-core-'))
  cleanups.push(() => {
    rmSync(relayDir, { recursive: true, force: true })
    rmSync(coreDir, { recursive: true, force: true })
  })
  const emulator = await startEmulator({ ...secrets, phoneNumberId, seed: 7 })
  cleanups.push(() => emulator.close())
  const relay = await startRelay({
    ...secrets,
    dataDir: relayDir,
    phoneNumberId,
    graphUrl: emulator.url,
  })
  emulator.setWebhookUrl(relay.webhookUrl)
  const core = await createCore({
    dataDir: coreDir,
    shell: 'browser',
    kdf: fastKdf,
    linkPollMs: 250,
  })
  cleanups.push(() => core.close())
  await core.handlers['vault.create']({ shopName: 'Toko Link', passphrase })
  const invite = await relay.createInvite()
  const linked = await core.handlers['link.enrol']({ relayUrl: relay.url, code: invite.code })
  expect(linked.relayUrl).toBe(relay.url)
  const world = { relayDir, relay, emulator, core, coreDir }
  cleanups.push(() => world.relay.close())
  return world
}

async function conversations(core: Core): Promise<ConversationItem[]> {
  return core.handlers['inbox.conversations']({ limit: 100 })
}

async function messages(core: Core, conversationId: string): Promise<MessageItem[]> {
  return core.handlers['inbox.messages']({ conversationId, limit: 500 })
}

/** A handler may throw before it returns a promise; the bridge turns both into one answer. */
async function send(core: Core, request: { conversationId: string; text: string }) {
  return core.handlers['inbox.sendText'](request)
}

describe('the desktop and its relay', () => {
  it('customers arrive, a reply goes out once, and its statuses come back', async () => {
    const { core, emulator } = await startWorld()
    await emulator.customerWrites({
      from: '+6281234500001',
      name: 'Siti Rahma',
      message: 'Kak, batik ukuran M ada?',
    })
    await emulator.customerWrites({
      from: '+919812345678',
      name: 'Priya S',
      message: 'Is this in stock?',
    })

    const siti = await conversationOf(core, '+6281234500001')
    expect(siti.customer).toMatchObject({ name: 'Siti Rahma', country: 'ID', market: 'indonesia' })
    await conversationOf(core, '+919812345678')
    expect((await messages(core, siti.id)).map((m) => m.body)).toEqual([
      expect.objectContaining({ type: 'text', body: 'Kak, batik ukuran M ada?' }),
    ])

    const queued = await core.handlers['inbox.sendText']({
      conversationId: siti.id,
      text: 'Ada kak, warna navy 😊',
    })
    const sent = await eventually(async () => {
      const reply = (await messages(core, siti.id)).find((m) => m.clientId === queued.clientId)
      if (!reply || !['delivered', 'read'].includes(reply.status))
        throw new Error(`reply is ${reply?.status}`)
      return reply
    })
    expect(sent).toMatchObject({
      direction: 'outbound',
      body: { type: 'text', body: 'Ada kak, warna navy 😊' },
    })
    expect(sent.wamid).toMatch(/^wamid\./)
    const onPlatform = emulator
      .sentMessages()
      .filter((m) => JSON.stringify(m).includes(queued.clientId))
    expect(onPlatform).toHaveLength(1)
  })

  it('refuses free text outside the service window, and text over the platform limit', async () => {
    const { core, emulator } = await startWorld()
    await emulator.customerWrites({
      from: '+6281234500002',
      name: 'Budi',
      message: 'Halo, masih buka?',
      at: Date.now() - 30 * 60 * 60 * 1000,
    })
    const budi = await conversationOf(core, '+6281234500002')
    await expect(send(core, { conversationId: budi.id, text: 'Masih kak' })).rejects.toMatchObject({
      code: 'WINDOW_CLOSED',
    })
    await emulator.customerWrites({ from: '+6281234500002', message: 'Halo lagi' })
    await eventually(async () => {
      const items = await messages(core, budi.id)
      if (items.length < 2) throw new Error('second message not here yet')
    })
    await expect(
      send(core, { conversationId: budi.id, text: 'x'.repeat(4097) }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('4096') as unknown,
    })
  })

  it('applies the same relay items again without a single duplicate', async () => {
    const { core, emulator, coreDir } = await startWorld()
    for (let i = 0; i < 5; i++) {
      await emulator.customerWrites({ from: `+62812345000${10 + i}`, message: `Pesan ${i}` })
    }
    await eventually(async () => {
      if ((await conversations(core)).length < 5) throw new Error('not all arrived')
    })
    const before = JSON.stringify(
      await Promise.all((await conversations(core)).map((c) => messages(core, c.id))),
    )

    // Rewind the cursor so every item is pulled and applied a second time.
    const { openDatabase } = await import('../../../src-main/core/store/database')
    const db = openDatabase(join(coreDir, 'kedai.db'))
    db.prepare("DELETE FROM sync_state WHERE key = 'relay.inbox.cursor'").run()
    db.close()
    await core.handlers['link.syncNow']({})
    const after = JSON.stringify(
      await Promise.all((await conversations(core)).map((c) => messages(core, c.id))),
    )
    expect(after).toBe(before)
  })

  it('loses nothing when the relay is restarted mid-stream, and catches up after being away', async () => {
    const world = await startWorld()
    const { core, emulator } = world
    await emulator.customerWrites({
      from: '+5511987650001',
      name: 'Ana',
      message: 'Oi, tem tamanho P?',
    })
    await conversationOf(core, '+5511987650001')

    // The relay goes down and comes back on the same data directory and port.
    const port = world.relay.port
    await world.relay.close()
    world.relay = await startRelay({
      ...secrets,
      dataDir: world.relayDir,
      phoneNumberId,
      graphUrl: emulator.url,
      port,
    })
    emulator.setWebhookUrl(world.relay.webhookUrl)

    // The desktop is away (locked: no network work) while customers keep writing.
    await core.handlers['vault.lock']({})
    for (let i = 0; i < 3; i++) {
      await emulator.customerWrites({ from: `+5211234567${80 + i}`, message: `Hola ${i}` })
    }
    await core.handlers['vault.unlock']({ passphrase })
    for (let i = 0; i < 3; i++) await conversationOf(core, `+5211234567${80 + i}`)
    // Each relay item is shown as it is applied; the round ends online after the last.
    await eventually(async () => {
      const status = await core.handlers['link.status']({})
      expect(status.state).toBe('online')
    })
  })
})
