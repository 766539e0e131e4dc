/**
 * Demo mode's platform side: a relay and the Cloud API emulator on 127.0.0.1, wired to each other
 * with random secrets, and a one-time code for the desktop to enrol with. When the shop enrols
 * for the first time, a first batch of conversations arrives at once and new customers keep
 * writing at the given pace.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomSecret } from '../crypto/secrets'
import type { Emulator } from '../emulator/start-emulator'
import { startEmulator } from '../emulator/start-emulator'
import { createLogger } from '../logger'
import { startRelay, type Relay } from '../relay/start-relay'

const log = createLogger('demo')

/** The demo shop's WhatsApp number (display) and ids; clearly not a real account's. */
export const demoNumber = {
  phoneNumberId: '109000000000001',
  businessAccountId: '100000000000001',
  displayPhoneNumber: '6281100000001',
}

export interface DemoOptions {
  /** Where the relay keeps its data; a temporary folder (removed on close) when absent. */
  dataDir?: string
  /** The Electron build of better-sqlite3, when running inside the app. */
  nativeBinding?: string
  seed?: number
  /** Mean time between new customers; about a minute by default. */
  paceMs?: number
  /** The emulator's delays, for tests that cannot wait like a person. */
  fast?: boolean
}

export interface Demo {
  relayUrl: string
  inviteCode: string
  relay: Relay
  emulator: Emulator
  close(): Promise<void>
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const temporary = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kedai-demo-relay-'))
  const appSecret = randomSecret()
  const accessToken = randomSecret()
  const emulator = await startEmulator({
    appSecret,
    accessToken,
    ...demoNumber,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    paceMs: options.paceMs ?? 60_000,
    // Meta remembers its customers: so does the emulator, beside the demo relay's own data.
    ...(temporary ? {} : { stateFile: join(dataDir, 'emulator', 'customers.json') }),
    ...(options.fast
      ? {
          delays: { sentMs: [5, 20], deliveredMs: [5, 20], readMs: [10, 40], replyMs: [20, 60] },
          templateReviewMs: 200,
        }
      : {}),
  })
  let relay: Relay
  try {
    relay = await startRelay({
      dataDir,
      appSecret,
      verifyToken: randomSecret(),
      accessToken,
      phoneNumberId: demoNumber.phoneNumberId,
      businessAccountId: demoNumber.businessAccountId,
      graphUrl: emulator.url,
      nativeBinding: options.nativeBinding,
    })
  } catch (cause) {
    await emulator.close()
    if (temporary) rmSync(dataDir, { recursive: true, force: true })
    throw cause
  }
  emulator.setWebhookUrl(relay.webhookUrl)

  const alreadyEnrolled = (await relay.shops()).length > 0
  if (alreadyEnrolled) emulator.startCustomers()
  const stopListening = relay.onShopEnrolled((_shop, shopCreated) => {
    if (!shopCreated) return
    emulator
      .firstBatch()
      .then(() => emulator.startCustomers())
      .catch((cause: unknown) => log.warn('the first demo customers could not write', cause))
  })
  const invite = await relay.createInvite()
  log.info(`demo relay on ${relay.url}`)

  let closing: Promise<void> | undefined
  return {
    relayUrl: relay.url,
    inviteCode: invite.code,
    relay,
    emulator,
    close() {
      closing ??= (async () => {
        stopListening()
        emulator.stopCustomers()
        await emulator.close()
        await relay.close()
        if (temporary) rmSync(dataDir, { recursive: true, force: true })
      })()
      return closing
    },
  }
}
