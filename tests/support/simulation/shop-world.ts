/**
 * The simulation's world: the Cloud API emulator, one relay with its data on disk (restartable on
 * the same port), and three devices of one shop, each a real core on its own vault file behind
 * its own loopback proxy to the relay (so it can go offline alone), each able to crash and reopen.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../../src-main/core/core'
import { startEmulator, type Emulator } from '../../../src-relay/emulator/start-emulator'
import { startRelay, type Relay } from '../../../src-relay/relay/start-relay'
import { fastKdf, passphrase } from '../vault'
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy'

const secrets = { appSecret: 'sim-app-secret', verifyToken: 'sim-verify', accessToken: 'sim-token' }
const phoneNumberId = '100200300400700'
const fastPairingKdf = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 }

export interface Device {
  readonly name: string
  readonly dataDir: string
  readonly proxy: LoopbackProxy
  /** null while crashed. */
  core: Core | null
}

export interface ShopWorld {
  readonly emulator: Emulator
  readonly devices: Device[]
  relayUp(): boolean
  stopRelay(): Promise<void>
  startRelay(): Promise<void>
  crash(device: Device): void
  reopen(device: Device): Promise<void>
  close(): Promise<void>
}

export async function startShopWorld(
  seed: number,
  deviceNames: readonly string[],
): Promise<ShopWorld> {
  const root = mkdtempSync(join(tmpdir(), 'kedai-simulation-'))
  const emulator = await startEmulator({
    ...secrets,
    phoneNumberId,
    seed,
    // Statuses come quickly; customers never answer by themselves (the run decides who writes).
    delays: {
      sentMs: [10, 60],
      deliveredMs: [10, 60],
      readMs: [20, 120],
      replyMs: [3_600_000, 3_600_000],
    },
  })
  const relayConfig = {
    ...secrets,
    dataDir: join(root, 'relay'),
    phoneNumberId,
    graphUrl: emulator.url,
  }
  let relay: Relay | null = await startRelay(relayConfig)
  const relayPort = relay.port
  emulator.setWebhookUrl(relay.webhookUrl)

  const openCore = (name: string, dataDir: string) =>
    createCore({
      dataDir,
      shell: 'browser',
      kdf: fastKdf,
      linkPollMs: 300,
      pairingKdf: fastPairingKdf,
      deviceName: name,
      syncSnapshotEvery: 5,
    })

  const devices: Device[] = []
  for (const name of deviceNames) {
    const dataDir = join(root, name)
    const proxy = await startLoopbackProxy(() => relayPort)
    const core = await openCore(name, dataDir)
    await core.handlers['vault.create']({ shopName: 'Toko Simulasi', passphrase })
    if (devices.length === 0) {
      const invite = await relay.createInvite()
      await core.handlers['link.enrol']({ relayUrl: proxy.url, code: invite.code })
    } else {
      const { code } = await devices[0]!.core!.handlers['sync.pairingCode']({})
      await core.handlers['sync.join']({ relayUrl: proxy.url, code })
    }
    devices.push({ name, dataDir, proxy, core })
  }

  return {
    emulator,
    devices,
    relayUp: () => relay !== null,
    async stopRelay() {
      const running = relay
      relay = null
      await running?.close()
    },
    async startRelay() {
      if (relay) return
      relay = await startRelay({ ...relayConfig, port: relayPort })
      emulator.setWebhookUrl(relay.webhookUrl)
    },
    crash(device) {
      device.core?.crash()
      device.core = null
    },
    async reopen(device) {
      if (device.core) return
      const core = await openCore(device.name, device.dataDir)
      await core.handlers['vault.unlock']({ passphrase })
      device.core = core
    },
    async close() {
      for (const device of devices) {
        await device.core?.close().catch(() => undefined)
        await device.proxy.close()
      }
      await relay?.close().catch(() => undefined)
      await emulator.close()
      rmSync(root, { recursive: true, force: true })
    },
  }
}
