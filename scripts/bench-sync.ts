/**
 * `npm run bench:sync [-- --parts join,drain --messages 100000 --conversations 5000 --edits 200
 *   --queue 1000 --customers 20]`: sync on loopback.
 *
 * The shop: the seeded shop's conversations and texts (scripts/seed/generate-shop.ts, seed 62),
 * delivered to a real relay as signed webhooks of 1,000 changes (every message as the customer's,
 * since the relay's inbox is what a new device fills up from), a first device that pulled them and
 * made edits (pins, archives, read marks). Then:
 * - join: a second device pairs with a code and syncs. `usableMs` is pairing start to the first
 *   conversations page answerable with conversations in it; `fullMs` is pairing start to every
 *   message and every edit on the new device.
 * - propagation: `edits` pin toggles on the first device, each timed until the second device's
 *   first conversations page shows it (its link woken by the relay's stream, as in the app).
 * - drain (scripts/bench/queue-drain.ts): `queue` replies to `customers` customers queued while
 *   the relay is down, timed from its restart until each is sent or failed, with no client id
 *   accepted twice, each customer's order kept and the platform's pair rate held.
 * `--parts` picks which run (both by default).
 * Prints JSON with medians/p95 and pass or fail per target (10 s, 30 s, p95 500 ms, the drain's
 * checks).
 */
import { Agent, request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore, type Core } from '../src-main/core/core'
import { setLogSink } from '../src-main/core/logger'
import { startEmulator } from '../src-relay/emulator/start-emulator'
import { inboundChange, unixSeconds, webhookEnvelope } from '../src-relay/emulator/wire-payloads'
import { setRelayLogSink } from '../src-relay/logger'
import { startRelay } from '../src-relay/relay/start-relay'
import { signBody } from '../src-relay/webhook/signature'
import { fastKdf, passphrase } from '../tests/support/vault'
import { measureQueueDrain } from './bench/queue-drain'
import { generateShop } from './seed/generate-shop'

const secrets = { appSecret: 'bench-sync-secret', verifyToken: 'bench-v', accessToken: 'bench-t' }
const number = {
  businessAccountId: '100000000000001',
  phoneNumberId: '100200300400800',
  displayPhoneNumber: '6281100000001',
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 })
function post(url: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          'x-hub-signature-256': signBody(body, secrets.appSecret),
        },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    call.on('error', reject)
    call.end(body)
  })
}

async function until<T>(
  check: () => Promise<T | null>,
  timeoutMs: number,
  everyMs = 5,
): Promise<T> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const found = await check()
    if (found !== null) return found
    if (performance.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

async function messageCount(core: Core): Promise<number> {
  const status = await core.handlers['sync.status']({})
  void status
  const list = await core.handlers['inbox.conversations']({ limit: 100_000 })
  return list.length
}

async function main(): Promise<void> {
  setLogSink(null)
  setRelayLogSink(null)
  const { values } = parseArgs({
    options: {
      parts: { type: 'string', default: 'join,drain' },
      messages: { type: 'string', default: '100000' },
      conversations: { type: 'string', default: '5000' },
      edits: { type: 'string', default: '200' },
      queue: { type: 'string', default: '1000' },
      customers: { type: 'string', default: '20' },
    },
  })
  const parts = new Set(values.parts.split(',').map((part) => part.trim()))
  for (const part of parts) {
    if (part !== 'join' && part !== 'drain') {
      throw new Error(`--parts takes join and drain (comma-separated), not "${part}"`)
    }
  }
  const result: Record<string, unknown> = {}
  let pass = true
  if (parts.has('join')) {
    const joined = await measureJoin(
      Number(values.messages),
      Number(values.conversations),
      Number(values.edits),
    )
    Object.assign(result, joined.result)
    pass &&= joined.pass
  }
  if (parts.has('drain')) {
    const replies = Number(values.queue)
    const customers = Number(values.customers)
    if (!(replies >= 1 && customers >= 1)) throw new Error('--queue and --customers take counts')
    const drain = await measureQueueDrain({ replies, customers })
    result.drain = drain.result
    pass &&= drain.pass
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  process.exitCode = pass ? 0 : 1
}

/** The join and propagation parts: the seeded shop fed to a relay, a second device joining it. */
async function measureJoin(messages: number, conversationCount: number, edits: number) {
  const root = mkdtempSync(join(tmpdir(), 'kedai-bench-sync-'))
  const emulator = await startEmulator({ ...secrets, phoneNumberId: number.phoneNumberId })
  const relay = await startRelay({
    ...secrets,
    dataDir: join(root, 'relay'),
    phoneNumberId: number.phoneNumberId,
    graphUrl: emulator.url,
  })
  const cores: Core[] = []
  const open = async (name: string) => {
    const core = await createCore({
      dataDir: join(root, name),
      shell: 'browser',
      kdf: fastKdf,
      pairingKdf: { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 },
      deviceName: name,
    })
    cores.push(core)
    await core.handlers['vault.create']({ shopName: 'Toko Bench', passphrase })
    return core
  }
  try {
    const counter = await open('kasir')
    const invite = await relay.createInvite()
    await counter.handlers['link.enrol']({ relayUrl: relay.url, code: invite.code })

    // The shop's history, as webhooks.
    const feedStarted = performance.now()
    let pending: ReturnType<typeof inboundChange>[] = []
    let total = 0
    const flush = async () => {
      if (pending.length === 0) return
      const body = Buffer.from(JSON.stringify(webhookEnvelope(number.businessAccountId, pending)))
      const status = await post(relay.webhookUrl, body)
      if (status !== 200) throw new Error(`the relay answered ${status}`)
      pending = []
    }
    for (const conversation of generateShop({
      conversations: conversationCount,
      messages,
      seed: 62,
    })) {
      for (const message of conversation.messages) {
        const content = message.body as { body?: string; caption?: string }
        total += 1
        pending.push(
          inboundChange(
            number,
            { name: conversation.customer.profileName, waId: conversation.customer.waId },
            {
              from: conversation.customer.waId,
              id: `wamid.bench.${total}`,
              timestamp: unixSeconds(message.sentAt),
              type: 'text',
              text: { body: content.body ?? content.caption ?? 'Halo' },
            },
          ),
        )
        if (pending.length >= 1000) await flush()
      }
    }
    await flush()
    const feedMs = performance.now() - feedStarted
    process.stderr.write(`fed ${total} messages in ${Math.round(feedMs)} ms\n`)
    const pulledStarted = performance.now()
    await until(
      async () => ((await messageCount(counter)) >= conversationCount ? true : null),
      600_000,
      200,
    )
    await counter.handlers['sync.now']({})
    const firstDeviceMs = performance.now() - pulledStarted
    process.stderr.write(`first device pulled them in ${Math.round(firstDeviceMs)} ms\n`)

    // Edits on the first device before the second joins: they travel in the log / snapshot.
    const list = await counter.handlers['inbox.conversations']({ limit: 400 })
    for (const [i, c] of list.entries()) {
      if (i % 3 === 0)
        await counter.handlers['inbox.setPinned']({ conversationId: c.id, pinned: true })
      else if (i % 3 === 1)
        await counter.handlers['inbox.setArchived']({ conversationId: c.id, archived: true })
      else await counter.handlers['inbox.markRead']({ conversationId: c.id })
    }
    await counter.handlers['sync.now']({})
    const expected = await counter.handlers['inbox.conversations']({ limit: 100_000 })
    const expectedMarks = JSON.stringify(
      expected.map((c) => [c.customer.phone, c.pinnedAt, c.archivedAt, c.unreadCount]).sort(),
    )

    // Join.
    const laptop = await open('laptop')
    const { code } = await counter.handlers['sync.pairingCode']({})
    const joinStarted = performance.now()
    const joining = laptop.handlers['sync.join']({ relayUrl: relay.url, code })
    const usableMs = await until(async () => {
      const page = await laptop.handlers['inbox.conversations']({ limit: 50 })
      return page.length > 0 ? performance.now() - joinStarted : null
    }, 120_000)
    await joining
    const fullMs = await until(
      async () => {
        const all = await laptop.handlers['inbox.conversations']({ limit: 100_000 })
        const marks = JSON.stringify(
          all.map((c) => [c.customer.phone, c.pinnedAt, c.archivedAt, c.unreadCount]).sort(),
        )
        return marks === expectedMarks ? performance.now() - joinStarted : null
      },
      300_000,
      100,
    )

    process.stderr.write(
      `joined: usable ${Math.round(usableMs)} ms, full ${Math.round(fullMs)} ms\n`,
    )
    // Steady state: one edit on the counter, seen on the laptop.
    const target = (await counter.handlers['inbox.conversations']({ limit: 1 }))[0]!
    const phone = target.customer.phone
    const latencies: number[] = []
    for (let i = 0; i < edits; i += 1) {
      const pinned = i % 2 === 1
      const started = performance.now()
      await counter.handlers['inbox.setPinned']({ conversationId: target.id, pinned })
      await until(
        async () => {
          const top = await laptop.handlers['inbox.conversations']({ limit: 200 })
          const seen = top.find((c) => c.customer.phone === phone)
          return (seen?.pinnedAt !== null && seen !== undefined) === pinned ? true : null
        },
        20_000,
        2,
      ).catch(() => {
        throw new Error(`edit ${i} (pinned ${pinned}) not seen`)
      })
      latencies.push(performance.now() - started)
    }

    const p95 = percentile(latencies, 95)
    const result = {
      shop: { messages: total, conversations: conversationCount, edits: list.length },
      setup: { feedMs: Math.round(feedMs), firstDevicePullMs: Math.round(firstDeviceMs) },
      join: {
        usableMs: Math.round(usableMs),
        usableTargetMs: 10_000,
        usablePass: usableMs <= 10_000,
        fullMs: Math.round(fullMs),
        fullTargetMs: 30_000,
        fullPass: fullMs <= 30_000,
      },
      propagation: {
        edits,
        medianMs: Number(percentile(latencies, 50).toFixed(1)),
        p95Ms: Number(p95.toFixed(1)),
        maxMs: Number(Math.max(...latencies).toFixed(1)),
        targetP95Ms: 500,
        pass: p95 <= 500,
      },
    }
    return {
      result,
      pass: result.join.usablePass && result.join.fullPass && result.propagation.pass,
    }
  } finally {
    for (const core of cores) await core.close().catch(() => undefined)
    await relay.close()
    await emulator.close()
    agent.destroy()
    rmSync(root, { recursive: true, force: true })
  }
}

main().catch((cause: unknown) => {
  process.stderr.write(
    `${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`,
  )
  process.exit(2)
})
