/**
 * Real relays (and emulators) on 127.0.0.1 with SQLite files in temporary folders, a shop's
 * key pair made as the vault makes it, and small helpers to talk to the device API, post signed
 * webhooks and open what the relay sealed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import sodium from 'libsodium-wrappers-sumo'
import type { WebhookEvent } from '../../../src-shared/whatsapp'
import type { InboxPage, StreamMessage } from '../../../src-shared/relay/device-protocol'
import type { EmulatorConfig } from '../../../src-relay/emulator/emulator-config'
import type { RelayConfig } from '../../../src-relay/relay/relay-config'
import { startRelay, type Relay } from '../../../src-relay/relay/start-relay'
import { signBody } from '../../../src-relay/webhook/signature'
import WebSocket from 'ws'

export const fixtureDir = resolve(__dirname, '../../../../shared/fixtures/whatsapp')
export const metaPhoneNumberId = '106540352242922'
export const metaBusinessAccountId = '102290129340398'

export const secrets = {
  appSecret: 'test-app-secret-4f9a',
  verifyToken: 'test-verify-token-77',
  accessToken: 'test-access-token-c3d1',
}

const folders: string[] = []

export function tempDir(prefix = 'kedai-relay-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  folders.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(fixtureDir, name))
}

export interface ShopKeys {
  publicKey: Uint8Array
  privateKey: Uint8Array
  publicKeyBase64: string
}

export async function shopKeys(): Promise<ShopKeys> {
  await sodium.ready
  const pair = sodium.crypto_box_keypair()
  return {
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    publicKeyBase64: Buffer.from(pair.publicKey).toString('base64'),
  }
}

/** Opens one sealed inbox item as the desktop will: crypto_box_seal_open with the shop's keys. */
export async function openSealed(sealed: string, keys: ShopKeys): Promise<WebhookEvent[]> {
  await sodium.ready
  const plain = sodium.crypto_box_seal_open(
    Buffer.from(sealed, 'base64'),
    keys.publicKey,
    keys.privateKey,
  )
  return JSON.parse(Buffer.from(plain).toString('utf8')) as WebhookEvent[]
}

export type TestRelayConfig = Partial<RelayConfig>

export async function startTestRelay(
  config: TestRelayConfig = {},
): Promise<{ relay: Relay; dataDir: string }> {
  const dataDir = config.dataDir ?? tempDir()
  const relay = await startRelay({
    ...secrets,
    dataDir,
    phoneNumberId: metaPhoneNumberId,
    businessAccountId: metaBusinessAccountId,
    graphUrl: 'http://127.0.0.1:9',
    ...config,
  })
  return { relay, dataDir }
}

export interface Device {
  shopId: string
  deviceId: string
  deviceToken: string
  keys: ShopKeys
}

export async function enrol(
  relay: Relay,
  options: { keys?: ShopKeys; phoneNumberId?: string; deviceName?: string } = {},
): Promise<Device> {
  const keys = options.keys ?? (await shopKeys())
  const invite = await relay.createInvite(
    options.phoneNumberId ? { phoneNumberId: options.phoneNumberId } : {},
  )
  const response = await fetch(`${relay.url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: invite.code,
      shopPublicKey: keys.publicKeyBase64,
      deviceName: options.deviceName ?? 'Kasir depan',
    }),
  })
  if (response.status !== 200)
    throw new Error(`enrol failed: ${response.status} ${await response.text()}`)
  const body = (await response.json()) as Omit<Device, 'keys'>
  return { ...body, keys }
}

export function postWebhook(
  relay: Relay,
  body: string | Buffer,
  options: { secret?: string; signature?: string | null } = {},
): Promise<Response> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  const signature =
    options.signature === undefined
      ? signBody(bytes, options.secret ?? secrets.appSecret)
      : options.signature
  return fetch(relay.webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
    body: new Uint8Array(bytes),
  })
}

export function api(relay: Relay, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  return {
    get: (path: string) => fetch(`${relay.url}${path}`, { headers }),
    post: (path: string, body: unknown) =>
      fetch(`${relay.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
    delete: (path: string) => fetch(`${relay.url}${path}`, { method: 'DELETE', headers }),
  }
}

/** Every event in the device's inbox, opened, and the items they came in. */
export async function readInbox(
  relay: Relay,
  device: Device,
  after = 0,
): Promise<{ items: InboxPage['items']; events: WebhookEvent[]; next: number }> {
  const items: InboxPage['items'] = []
  let cursor = after
  for (;;) {
    const response = await api(relay, device.deviceToken).get(`/v1/inbox?after=${cursor}&limit=500`)
    const page = (await response.json()) as InboxPage
    items.push(...page.items)
    cursor = page.next
    if (!page.hasMore) break
  }
  const events: WebhookEvent[] = []
  for (const item of items) events.push(...(await openSealed(item.sealed, device.keys)))
  return { items, events, next: cursor }
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A device's stream, collecting what the relay pushes. */
export async function openStream(
  relay: Relay,
  token: string,
): Promise<{ messages: StreamMessage[]; socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(`${relay.url.replace('http', 'ws')}/v1/stream`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const messages: StreamMessage[] = []
  socket.on('message', (data) =>
    messages.push(JSON.parse((data as Buffer).toString('utf8')) as StreamMessage),
  )
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`stream refused: ${response.statusCode}`)),
    )
  })
  return { messages, socket, closed }
}

/** A messages webhook carrying one inbound text, as the platform would send it. */
export function textWebhook(options: {
  wamid: string
  from?: string
  name?: string
  body: string
  timestamp?: number
  phoneNumberId?: string
}): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: metaBusinessAccountId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: '15550783881',
                phone_number_id: options.phoneNumberId ?? metaPhoneNumberId,
              },
              contacts: [
                {
                  profile: { name: options.name ?? 'Sari' },
                  wa_id: options.from ?? '6281234567890',
                },
              ],
              messages: [
                {
                  from: options.from ?? '6281234567890',
                  id: options.wamid,
                  timestamp: String(options.timestamp ?? 1750275992),
                  type: 'text',
                  text: { body: options.body },
                },
              ],
            },
          },
        ],
      },
    ],
  })
}

/** A messages webhook carrying statuses of shop messages. */
export function statusWebhook(
  statuses: { wamid: string; status: string; timestamp: number; clientId?: string }[],
): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: metaBusinessAccountId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: metaPhoneNumberId },
              statuses: statuses.map((status) => ({
                id: status.wamid,
                status: status.status,
                timestamp: String(status.timestamp),
                recipient_id: '6281234567890',
                ...(status.clientId ? { biz_opaque_callback_data: status.clientId } : {}),
                pricing: {
                  billable: false,
                  pricing_model: 'PMP',
                  type: 'free_customer_service',
                  category: 'service',
                },
              })),
            },
          },
        ],
      },
    ],
  })
}

/** Delays small enough for tests, in the emulator's order of events. */
export const quickDelays = {
  sentMs: [5, 15],
  deliveredMs: [5, 15],
  readMs: [5, 15],
  replyMs: [10, 30],
} as const

/** A relay and the emulator wired to each other on loopback, with one enrolled shop. */
export async function startPlatform(
  options: {
    relay?: TestRelayConfig
    emulator?: Partial<EmulatorConfig>
  } = {},
) {
  const { startEmulator } = await import('../../../src-relay/emulator/start-emulator')
  const emulator = await startEmulator({
    appSecret: secrets.appSecret,
    accessToken: secrets.accessToken,
    phoneNumberId: metaPhoneNumberId,
    businessAccountId: metaBusinessAccountId,
    seed: 1,
    delays: quickDelays,
    readProbability: 1,
    ...options.emulator,
  })
  const { relay, dataDir } = await startTestRelay({
    graphUrl: emulator.url,
    sending: { graphTimeoutMs: 3000 },
    ...options.relay,
  })
  emulator.setWebhookUrl(relay.webhookUrl)
  const device = await enrol(relay)
  return {
    relay,
    emulator,
    device,
    dataDir,
    async close() {
      await emulator.close()
      await relay.close()
    },
  }
}

/** A text send body as src-shared/whatsapp's builder makes it. */
export async function textTo(to: string, body: string): Promise<Record<string, unknown>> {
  const { buildTextMessage } = await import('../../../src-shared/whatsapp')
  const built = buildTextMessage({ to, body })
  if (!built.ok) throw new Error(built.message)
  return built.body as unknown as Record<string, unknown>
}
