/**
 * Real desktop cores (each its own vault file) and one relay with the Cloud API emulator on
 * 127.0.0.1, for tests of what the shop's devices agree on. The caller owns `cleanups` and runs
 * them after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../src-main/core/core'
import { startEmulator, type Emulator } from '../../src-relay/emulator/start-emulator'
import { startRelay, type Relay } from '../../src-relay/relay/start-relay'
import type { ConversationItem } from '../../src-shared/inbox/inbox-view'
import { eventually } from './eventually'
import { fastKdf, passphrase } from './vault'

const secrets = {
  appSecret: 'sync-app-secret',
  verifyToken: 'sync-verify',
  accessToken: 'sync-token',
}
const phoneNumberId = '100200300400700'
const fastPairingKdf = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 }

export type Cleanups = (() => Promise<void> | void)[]

export interface SyncWorld {
  relay: Relay
  emulator: Emulator
  /** A device enrolled with an invite: the shop's first. */
  firstDevice(name: string): Promise<Core>
  /** A device that joined the shop with a pairing code made on `existing`. */
  pairedDevice(existing: Core, name: string, options?: Partial<CoreOptions>): Promise<Core>
}

export async function startSyncWorld(cleanups: Cleanups): Promise<SyncWorld> {
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    return dir
  }
  const emulator = await startEmulator({ ...secrets, phoneNumberId, seed: 13 })
  cleanups.push(() => emulator.close())
  const relay = await startRelay({
    ...secrets,
    dataDir: tempDir('kedai-sync-relay-'),
    phoneNumberId,
    graphUrl: emulator.url,
  })
  cleanups.push(() => relay.close())
  emulator.setWebhookUrl(relay.webhookUrl)

  async function newCore(name: string, options: Partial<CoreOptions> = {}): Promise<Core> {
    const core = await createCore({
      dataDir: tempDir(`kedai-sync-${name}-`),
      shell: 'browser',
      kdf: fastKdf,
      linkPollMs: 200,
      pairingKdf: fastPairingKdf,
      deviceName: name,
      ...options,
    })
    cleanups.push(() => core.close())
    await core.handlers['vault.create']({ shopName: `Toko ${name}`, passphrase })
    return core
  }

  return {
    relay,
    emulator,
    async firstDevice(name) {
      const core = await newCore(name)
      const invite = await relay.createInvite()
      await core.handlers['link.enrol']({ relayUrl: relay.url, code: invite.code })
      return core
    },
    async pairedDevice(existing, name, options = {}) {
      const { code } = await existing.handlers['sync.pairingCode']({})
      const core = await newCore(name, options)
      await core.handlers['sync.join']({ relayUrl: relay.url, code })
      return core
    },
  }
}

export async function conversationOf(core: Core, phone: string): Promise<ConversationItem> {
  return eventually(async () => {
    const found = (await core.handlers['inbox.conversations']({ limit: 100 })).find(
      (c) => c.customer.phone === phone,
    )
    if (!found) throw new Error(`no conversation with ${phone} yet`)
    return found
  })
}

/** Syncs every device, then checks `agree` until it holds (or `eventually` gives up). */
export async function afterSync<T>(devices: readonly Core[], agree: () => Promise<T>): Promise<T> {
  return eventually(async () => {
    for (const device of devices) await device.handlers['sync.now']({})
    return agree()
  })
}
