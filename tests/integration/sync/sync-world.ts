/**
 * A relay with the Cloud API emulator on 127.0.0.1 and real desktop cores (each its own vault
 * file) that join it: what the tests of several devices of one shop start from.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../../src-main/core/core'
import { startEmulator, type Emulator } from '../../../src-relay/emulator/start-emulator'
import { startRelay, type Relay } from '../../../src-relay/relay/start-relay'
import { eventually } from '../../support/eventually'
import { fastKdf, passphrase } from '../../support/vault'
import { conversationOf } from '../../support/core-calls'

const secrets = {
  appSecret: 'sync-app-secret',
  verifyToken: 'sync-verify',
  accessToken: 'sync-token',
}
const phoneNumberId = '100200300400600'
const fastPairingKdf = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 }

export const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export interface World {
  relay: Relay
  relayDir: string
  emulator: Emulator
  relayClock: { offsetMs: number }
  restartRelay(): Promise<void>
  stopRelay(): Promise<void>
}

export async function startWorld(): Promise<World> {
  const relayDir = tempDir('kedai-sync-relay-')
  const emulator = await startEmulator({ ...secrets, phoneNumberId, seed: 11 })
  cleanups.push(() => emulator.close())
  const relayClock = { offsetMs: 0 }
  const config = {
    ...secrets,
    dataDir: relayDir,
    phoneNumberId,
    graphUrl: emulator.url,
    now: () => Date.now() + relayClock.offsetMs,
  }
  const world: World = {
    relay: await startRelay(config),
    relayDir,
    emulator,
    relayClock,
    async stopRelay() {
      await world.relay.close()
    },
    async restartRelay() {
      world.relay = await startRelay({ ...config, port: world.relay.port })
      emulator.setWebhookUrl(world.relay.webhookUrl)
    },
  }
  emulator.setWebhookUrl(world.relay.webhookUrl)
  cleanups.push(() => world.relay.close().catch(() => undefined))
  return world
}

export async function newCore(name: string, options: Partial<CoreOptions> = {}): Promise<Core> {
  const core = await createCore({
    dataDir: tempDir(`kedai-sync-${name}-`),
    shell: 'browser',
    kdf: fastKdf,
    linkPollMs: 200,
    pairingKdf: fastPairingKdf,
    deviceName: name,
    syncSnapshotEvery: 3,
    ...options,
  })
  cleanups.push(() => core.close())
  await core.handlers['vault.create']({ shopName: `Toko ${name}`, passphrase })
  return core
}

/** What two devices must agree on: each conversation's marks, by customer. */
export async function marks(core: Core) {
  const list = await core.handlers['inbox.conversations']({ limit: 100 })
  return list
    .map((c) => ({
      phone: c.customer.phone,
      pinned: c.pinnedAt !== null,
      archived: c.archivedAt !== null,
      unread: c.unreadCount,
    }))
    .sort((a, b) => String(a.phone).localeCompare(String(b.phone)))
}

export { conversationOf }

export async function firstDevice(world: World): Promise<Core> {
  const core = await newCore('Kasir')
  const invite = await world.relay.createInvite()
  await core.handlers['link.enrol']({ relayUrl: world.relay.url, code: invite.code })
  return core
}

export async function pairSecond(world: World, first: Core, name = 'Laptop', options = {}) {
  const { code } = await first.handlers['sync.pairingCode']({})
  const second = await newCore(name, options)
  await second.handlers['sync.join']({ relayUrl: world.relay.url, code })
  return { second, code }
}

/** Syncs every device, then checks `agree` until it holds (or `eventually` gives up). */
export async function afterSync<T>(devices: readonly Core[], agree: () => Promise<T>): Promise<T> {
  return eventually(async () => {
    for (const device of devices) await device.handlers['sync.now']({})
    return agree()
  })
}
