/**
 * `npm run bench:link`: webhook to visible in the desktop's store, on loopback. The emulator
 * posts a signed webhook for a customer message; the relay seals and stores it and tells the
 * device's stream; core pulls, opens and writes it into the vault. Measured from the emulator's
 * post to core's `inbox.changed` event naming the conversation. Prints JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../src-main/core/core'
import { setLogSink } from '../src-main/core/logger'
import { startEmulator } from '../src-relay/emulator/start-emulator'
import { startRelay } from '../src-relay/relay/start-relay'

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function main(): Promise<void> {
  setLogSink(null)
  const { values } = parseArgs({ options: { messages: { type: 'string', default: '200' } } })
  const count = Number(values.messages)
  const secrets = {
    appSecret: 'bench-secret',
    verifyToken: 'bench-verify',
    accessToken: 'bench-token',
  }
  const phoneNumberId = '100200300400501'
  const relayDir = mkdtempSync(join(tmpdir(), 'kedai-bench-relay-'))
  const coreDir = mkdtempSync(join(tmpdir(), 'kedai-bench-core-'))
  const emulator = await startEmulator({ ...secrets, phoneNumberId, seed: 3 })
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
    kdf: { algorithm: 'argon2id13', opsLimit: 1, memLimitBytes: 8 << 20 },
  })
  await core.handlers['vault.create']({
    shopName: 'Toko Bench',
    passphrase: 'kedai bench passphrase',
  })
  await core.handlers['link.enrol']({
    relayUrl: relay.url,
    code: (await relay.createInvite()).code,
  })

  let waiting: (() => void) | null = null
  core.events.subscribe((event) => {
    if (event.event === 'inbox.changed') waiting?.()
  })
  const latencies: number[] = []
  for (let i = 0; i < count; i++) {
    const seen = new Promise<void>((resolve) => (waiting = resolve))
    const startedAt = performance.now()
    await emulator.customerWrites({
      from: `+62812${String(1_000_000 + i)}`,
      message: `Halo kak, pesanan ${i}`,
    })
    await seen
    latencies.push(performance.now() - startedAt)
    waiting = null
  }
  const stored = (await core.handlers['inbox.conversations']({ limit: 10_000 })).length

  await core.close()
  await relay.close()
  await emulator.close()
  rmSync(relayDir, { recursive: true, force: true })
  rmSync(coreDir, { recursive: true, force: true })
  const round = (value: number) => Number(value.toFixed(1))
  process.stdout.write(
    `${JSON.stringify(
      {
        messages: count,
        storedConversations: stored,
        webhookToVisibleMs: {
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          max: round(Math.max(...latencies)),
        },
      },
      null,
      2,
    )}\n`,
  )
}

main().catch((cause: unknown) => {
  process.stderr.write(
    `${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`,
  )
  process.exit(1)
})
