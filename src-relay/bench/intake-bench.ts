/**
 * Webhook intake on loopback: signed POSTs at a steady offered rate (open loop, so a slow relay
 * cannot slow the offer down), then everything read back through the device API and opened with
 * the shop's key to prove nothing was lost or doubled. Prints JSON.
 *
 *   npx tsx src-relay/bench/intake-bench.ts [--seconds 10] [--rate 2000] [--batch 1] [--warmup 2]
 *
 * Without flags it runs the default scenarios. Targets: at least 1,000 events/s sustained and an
 * acknowledgement p99 of at most 50 ms.
 */
import { Agent, request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import sodium from 'libsodium-wrappers-sumo'
import type { WebhookEvent } from '../../src-shared/whatsapp'
import type { InboxPage } from '../../src-shared/relay/device-protocol'
import { signBody } from '../webhook/signature'

interface Scenario {
  name: string
  /** Events offered per second. */
  rate: number
  /** Events per POST (the platform batches up to 1,000 changes under load). */
  batch: number
  seconds: number
}

const appSecret = 'bench-app-secret'
const phoneNumberId = '106540352242922'
const businessAccountId = '102290129340398'

function flag(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? Number(process.argv[index + 1]) : undefined
}

function scenarios(): Scenario[] {
  const seconds = flag('seconds') ?? 10
  if (flag('rate') !== undefined || flag('batch') !== undefined) {
    const rate = flag('rate') ?? 2000
    const batch = flag('batch') ?? 1
    return [{ name: `${rate}/s in POSTs of ${batch}`, rate, batch, seconds }]
  }
  return [
    { name: 'one event per POST, 500 events/s', rate: 500, batch: 1, seconds },
    { name: 'one event per POST, 1,000 events/s', rate: 1000, batch: 1, seconds },
    { name: '5 events per POST, 2,000 events/s', rate: 2000, batch: 5, seconds },
    { name: '20 events per POST, 5,000 events/s', rate: 5000, batch: 20, seconds },
  ]
}

let counter = 0
const warmupSeconds = flag('warmup') ?? 2

/** A change as the platform sends it: mostly customers' texts, some statuses. */
function change(): { field: string; value: Record<string, unknown> } {
  counter += 1
  const metadata = { display_phone_number: '6281100000001', phone_number_id: phoneNumberId }
  const timestamp = String(Math.floor(Date.now() / 1000))
  if (counter % 4 === 0) {
    return {
      field: 'messages',
      value: {
        messaging_product: 'whatsapp',
        metadata,
        statuses: [
          {
            id: `wamid.bench-out-${counter}`,
            status: 'delivered',
            timestamp,
            recipient_id: '6281234567890',
            pricing: {
              billable: false,
              pricing_model: 'PMP',
              type: 'free_customer_service',
              category: 'service',
            },
          },
        ],
      },
    }
  }
  const from = `62812${String(counter % 1_000_000).padStart(7, '0')}`
  return {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata,
      contacts: [{ profile: { name: 'Pelanggan Uji' }, wa_id: from }],
      messages: [
        {
          from,
          id: `wamid.bench-in-${counter}`,
          timestamp,
          type: 'text',
          text: { body: `Kak, kemeja batik ukuran M masih ada? 🙏 (#${counter})` },
        },
      ],
    },
  }
}

function post(agent: Agent, url: URL, body: Buffer): Promise<number> {
  return new Promise((done, fail) => {
    const call = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          'x-hub-signature-256': signBody(body, appSecret),
        },
      },
      (response) => {
        response.resume()
        response.on('end', () => done(response.statusCode ?? 0))
      },
    )
    call.on('error', fail)
    call.end(body)
  })
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const round = (value: number) => Math.round(value * 100) / 100

async function startRelayThread(dataDir: string) {
  const entry = resolve(__dirname, 'relay-thread.ts')
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)})`, {
    eval: true,
    env: { ...process.env, KEDAI_LOG: 'silent' },
    workerData: {
      dataDir,
      appSecret,
      verifyToken: 'bench',
      accessToken: 'bench',
      phoneNumberId,
      businessAccountId,
      graphUrl: 'http://127.0.0.1:9',
    },
  })
  const ready = await new Promise<{ url: string; webhookUrl: string; code: string }>(
    (done, fail) => {
      worker.once(
        'message',
        (message: {
          type: string
          url: string
          webhookUrl: string
          code: string
          message?: string
        }) => (message.type === 'ready' ? done(message) : fail(new Error(message.message))),
      )
      worker.once('error', fail)
    },
  )
  const stopped = new Promise<void>((done) => worker.once('exit', () => done()))
  return {
    ...ready,
    /** Share of the relay thread's time spent working (1 = never idle). */
    utilisation: () => worker.performance.eventLoopUtilization(),
    /** Starts measuring how long the relay thread's event loop is held up. */
    measureDelay: () => worker.postMessage({ type: 'measure' }),
    delayReport: () =>
      new Promise<{ p99Ms: number; maxMs: number }>((done) => {
        const listen = (message: { type: string; p99Ms: number; maxMs: number }) => {
          if (message.type !== 'report') return
          worker.off('message', listen)
          done(message)
        }
        worker.on('message', listen)
        worker.postMessage({ type: 'report' })
      }),
    async close() {
      worker.postMessage({ type: 'close' })
      await stopped
    },
  }
}

async function run(scenario: Scenario) {
  await sodium.ready
  const dataDir = mkdtempSync(join(tmpdir(), 'kedai-intake-bench-'))
  const relay = await startRelayThread(dataDir)
  try {
    const keys = sodium.crypto_box_keypair()
    const enrolled = (await (
      await fetch(`${relay.url}/v1/enrol`, {
        method: 'POST',
        body: JSON.stringify({
          code: relay.code,
          shopPublicKey: Buffer.from(keys.publicKey).toString('base64'),
          deviceName: 'bench',
        }),
      })
    ).json()) as { deviceToken: string }

    const agent = new Agent({ keepAlive: true, maxSockets: 128 })
    const url = new URL(relay.webhookUrl)
    const latencies: number[] = []
    let sentEvents = 0
    let acknowledgedEvents = 0
    let refused = 0
    const inFlight = new Set<Promise<void>>()
    const postsPerSecond = scenario.rate / scenario.batch
    // The first seconds of a fresh relay thread are compile and cache warm-up, not the steady
    // state the targets speak of: those POSTs are sent and checked, but their acks not counted.
    const warmupPosts = Math.round(postsPerSecond * warmupSeconds)
    const totalPosts = warmupPosts + Math.round(postsPerSecond * scenario.seconds)
    const started = performance.now()
    const busyBefore = relay.utilisation()
    relay.measureDelay()
    let issued = 0
    while (issued < totalPosts) {
      const due = Math.min(
        totalPosts,
        Math.floor(((performance.now() - started) / 1000) * postsPerSecond) + 1,
      )
      for (; issued < due; issued += 1) {
        const changes = Array.from({ length: scenario.batch }, change)
        const body = Buffer.from(
          JSON.stringify({
            object: 'whatsapp_business_account',
            entry: [{ id: businessAccountId, changes }],
          }),
          'utf8',
        )
        sentEvents += changes.length
        const at = performance.now()
        const measured = issued >= warmupPosts
        const work = post(agent, url, body).then(
          (status) => {
            if (measured) latencies.push(performance.now() - at)
            if (status === 200) acknowledgedEvents += changes.length
            else refused += 1
          },
          () => void (refused += 1),
        )
        inFlight.add(work)
        void work.finally(() => inFlight.delete(work))
      }
      await new Promise((done) => setTimeout(done, 2))
    }
    await Promise.all([...inFlight])
    const elapsedSeconds = (performance.now() - started) / 1000
    const relayBusy = relay.utilisation()
    const relayThreadBusy = round(
      (relayBusy.active - busyBefore.active) /
        (relayBusy.active + relayBusy.idle - busyBefore.active - busyBefore.idle),
    )
    agent.destroy()
    const loopDelay = await relay.delayReport()

    // Read everything back as the desktop would, and open it.
    const seen = new Set<string>()
    let duplicates = 0
    let after = 0
    for (;;) {
      const page = (await (
        await fetch(`${relay.url}/v1/inbox?after=${after}&limit=500`, {
          headers: { authorization: `Bearer ${enrolled.deviceToken}` },
        })
      ).json()) as InboxPage
      for (const item of page.items) {
        const events = JSON.parse(
          Buffer.from(
            sodium.crypto_box_seal_open(
              Buffer.from(item.sealed, 'base64'),
              keys.publicKey,
              keys.privateKey,
            ),
          ).toString('utf8'),
        ) as WebhookEvent[]
        for (const event of events) {
          const key = 'wamid' in event ? `${event.kind}:${event.wamid}` : JSON.stringify(event)
          if (seen.has(key)) duplicates += 1
          seen.add(key)
        }
      }
      after = page.next
      if (!page.hasMore) break
    }
    latencies.sort((a, b) => a - b)
    const p99 = percentile(latencies, 99)
    const sustained = acknowledgedEvents / elapsedSeconds
    return {
      scenario: scenario.name,
      eventsPerPost: scenario.batch,
      offeredEventsPerSecond: scenario.rate,
      sustainedEventsPerSecond: Math.round(sustained),
      seconds: round(elapsedSeconds),
      warmupSeconds,
      posts: latencies.length,
      events: sentEvents,
      ackMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(p99),
        max: round(latencies.at(-1) ?? 0),
      },
      relayThreadBusy,
      relayLoopDelayMs: { p99: round(loopDelay.p99Ms), max: round(loopDelay.maxMs) },
      refusedPosts: refused,
      storedEvents: seen.size,
      lost: sentEvents - seen.size,
      duplicates,
      // Sustained: the relay kept up with what was offered (the open-loop sender's own start and
      // drain cost it a fraction of a percent), at an offer of at least 1,000 events/s.
      meetsTargets:
        scenario.rate >= 1000 &&
        sustained >= 0.99 * scenario.rate &&
        p99 <= 50 &&
        seen.size === sentEvents &&
        duplicates === 0,
    }
  } finally {
    await relay.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const results = []
  for (const scenario of scenarios()) results.push(await run(scenario))
  process.stdout.write(
    `${JSON.stringify({ benchmark: 'relay webhook intake on loopback', node: process.version, results }, null, 2)}\n`,
  )
}

main().catch((cause: unknown) => {
  process.stderr.write(
    `${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`,
  )
  process.exit(1)
})
