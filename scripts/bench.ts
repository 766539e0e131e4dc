/**
 * `npm run bench`: the vault's figures on a generated shop (5,000 conversations and 100,000
 * messages unless `--conversations`/`--messages` say otherwise), printed as JSON. Each figure is
 * the median of `--runs` runs. Nothing here asserts a time: the targets live in the issue notes.
 *
 *   unlock: key derivation alone, and the rest of unlock up to the first inbox page
 *   ingest: messages/s written sealed, the same rows unsealed, and their ratio
 *   read: messages/s read back and opened
 *   size: the sealed store against the unsealed one
 *   lag: event-loop delay p99 while a sliced sealed ingest runs on the same thread (core's
 *        own loop), and on a shell's thread while core's worker ingests
 *   inbox: the list, opening a long conversation, search and the renderer's heap, in Chromium
 *        against the built app (see bench/inbox-browser.ts; `npm run build` first)
 *   costs: the meter, the month's summary and its CSV over a long ledger (`--ledger-months`
 *        months of `--ledger-per-month` replies; see bench/costs.ts)
 *
 * `--parts vault,inbox,costs` picks what runs (all three by default); `--inbox-shop DIR` measures a shop
 * made by `npm run seed` (with `--passphrase`) instead of generating one.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import { listConversations } from '../src-main/core/inbox/conversations'
import { readCustomer } from '../src-main/core/inbox/customers'
import { listMessages, sealingBodies, type BodySealer } from '../src-main/core/inbox/messages'
import { setLogSink } from '../src-main/core/logger'
import type { Keychain } from '../src-main/core/vault/keychain'
import { currentKdf } from '../src-main/core/vault/keyring'
import type { Sealer } from '../src-main/core/vault/sealer'
import { Vault, type OpenShop } from '../src-main/core/vault/vault'
import { generateShop, type GeneratedConversation } from './seed/generate-shop'
import { storeGeneratedShop, storeGeneratedShopAtOnce } from './seed/store-generated'
import { benchCosts } from './bench/costs'
import { benchInbox } from './bench/inbox-browser'

const passphrase = 'kedai bench passphrase'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits))

/** A sealer that stores plaintext: the same rows, the same code path, no cryptography. */
const plainSealer: Sealer = {
  keyId: 0,
  seal: (_t, _c, _r, text) => Buffer.from(text, 'utf8'),
  open: (_t, _c, _r, sealed) => Buffer.from(sealed).toString('utf8'),
  blindIndex: (kind, value) => Buffer.from(`${kind}:${value}`),
  wipe: () => undefined,
}
const plainBodies: BodySealer = (_id, json) => Buffer.from(json, 'utf8')

function fileSize(path: string): number {
  let size = 0
  for (const suffix of ['', '-wal']) {
    try {
      size += statSync(path + suffix).size
    } catch {
      // no WAL after a checkpoint
    }
  }
  return size
}

/** Hands the key straight back: lets the bench time unlock without the key derivation. */
const passThroughKeychain: Keychain = {
  availability: () => Promise.resolve({ available: true, reason: null }),
  encrypt: (secret) => Promise.resolve(Uint8Array.from(secret)),
  decrypt: (sealed) => Promise.resolve(Uint8Array.from(sealed)),
}

async function freshVault(kdf = currentKdf): Promise<{ vault: Vault; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kedai-bench-'))
  const vault = await Vault.open({ dataDir: dir, kdf, keychain: passThroughKeychain })
  vault.create('Toko Bench', passphrase)
  return { vault, dir }
}

function ingest(
  shop: Pick<OpenShop, 'db' | 'sealer'>,
  shopData: GeneratedConversation[],
  bodies: BodySealer,
): number {
  const startedAt = performance.now()
  storeGeneratedShopAtOnce(shop, shopData, bodies)
  return performance.now() - startedAt
}

async function main(): Promise<void> {
  setLogSink(null)
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string', default: '5000' },
      messages: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '3' },
      parts: { type: 'string', default: 'vault,inbox,costs' },
      'ledger-per-month': { type: 'string', default: '20000' },
      'ledger-months': { type: 'string', default: '12' },
      'inbox-shop': { type: 'string' },
      // The seed's default, so `--inbox-shop` opens a shop `npm run seed` made as it is.
      passphrase: { type: 'string', default: 'kedai demo passphrase' },
    },
  })
  const parts = new Set(values.parts.split(','))
  const inbox = parts.has('inbox')
    ? await benchInbox({
        shopDir: values['inbox-shop'],
        passphrase: values.passphrase,
        runs: Number(values.runs),
      })
    : undefined
  const costs = parts.has('costs')
    ? await benchCosts({
        perMonth: Number(values['ledger-per-month']),
        months: Number(values['ledger-months']),
        runs: Math.max(5, Number(values.runs)),
      })
    : undefined
  if (!parts.has('vault')) {
    process.stdout.write(`${JSON.stringify({ inbox, costs }, null, 2)}\n`)
    return
  }
  const size = {
    conversations: Number(values.conversations),
    messages: Number(values.messages),
    seed: 62,
  }
  const runs = Number(values.runs)
  const shopData = [...generateShop(size)]
  const messageCount = shopData.reduce((sum, c) => sum + c.messages.length, 0)

  // Ingest, sealed and unsealed, in one transaction each, alternating to share the machine's noise.
  const sealedMs: number[] = []
  const plainMs: number[] = []
  let sealedBytes = 0
  let plainBytes = 0
  let kept: { vault: Vault; dir: string } | undefined
  for (let run = 0; run < runs; run++) {
    const sealed = await freshVault()
    const shop = sealed.vault.shop()
    sealedMs.push(ingest(shop, shopData, sealingBodies(shop)))
    shop.db.pragma('wal_checkpoint(TRUNCATE)')
    sealedBytes = fileSize(sealed.vault.path)

    const plain = await freshVault()
    const plainShop = { db: plain.vault.shop().db, sealer: plainSealer }
    plainMs.push(ingest(plainShop, shopData, plainBodies))
    plainShop.db.pragma('wal_checkpoint(TRUNCATE)')
    plainBytes = fileSize(plain.vault.path)
    await plain.vault.close()
    rmSync(plain.dir, { recursive: true, force: true })

    if (run === runs - 1) kept = sealed
    else {
      await sealed.vault.close()
      rmSync(sealed.dir, { recursive: true, force: true })
    }
  }

  // Unlock on the sealed shop: the key derivation alone, then everything else unlock does up to
  // the first inbox page. "Everything else" is timed through the remembered-key path (a
  // keychain that hands the key straight back), which is unlock without the derivation.
  const { vault, dir } = kept!
  const kdfMs: number[] = []
  const restMs: number[] = []
  await vault.setRemembered(true, passphrase)
  for (let run = 0; run < Math.max(runs, 5); run++) {
    vault.lock()
    let startedAt = performance.now()
    vault.unlock(passphrase)
    kdfMs.push(performance.now() - startedAt)
    vault.lock()

    startedAt = performance.now()
    if (!(await vault.unlockRemembered())) throw new Error('the remembered key did not unlock')
    const shop = vault.shop()
    for (const conversation of listConversations(shop, 50)) {
      readCustomer(shop, conversation.customerId)
      listMessages(shop, conversation.id, 1)
    }
    restMs.push(performance.now() - startedAt)
  }
  const kdf = median(kdfMs)
  const rest = median(restMs)

  // Read back and open every message.
  const readMs: number[] = []
  const shop = vault.shop()
  const conversationIds = (
    shop.db.prepare('SELECT id FROM conversations').all() as { id: string }[]
  ).map((r) => r.id)
  for (let run = 0; run < runs; run++) {
    const startedAt = performance.now()
    let opened = 0
    for (const id of conversationIds) opened += listMessages(shop, id, 100_000).length
    readMs.push(performance.now() - startedAt)
    if (opened !== messageCount) throw new Error(`read ${opened} of ${messageCount} messages`)
  }
  await vault.close()
  rmSync(dir, { recursive: true, force: true })

  // Event-loop lag on the thread doing a sliced sealed ingest (how core keeps its own loop free).
  const lagged = await freshVault()
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  histogram.enable()
  const lagStartedAt = performance.now()
  await storeGeneratedShop(lagged.vault.shop(), shopData, sealingBodies(lagged.vault.shop()), {
    sliceMs: 8,
  })
  const slicedMs = performance.now() - lagStartedAt
  histogram.disable()
  await lagged.vault.close()
  rmSync(lagged.dir, { recursive: true, force: true })

  // The shell's side: its event loop while core's thread runs the same ingest in one transaction.
  const hostDir = mkdtempSync(join(tmpdir(), 'kedai-bench-'))
  const hostLag = monitorEventLoopDelay({ resolution: 1 })
  await new Promise<void>((resolve, reject) => {
    // The worker is TypeScript too: it loads through tsx's require hook.
    const entry = join(__dirname, 'bench/ingest-worker.ts')
    const boot = `require('tsx/cjs/api').require(${JSON.stringify(entry)}, ${JSON.stringify(entry)})`
    const worker = new Worker(boot, { eval: true, workerData: { dataDir: hostDir, size } })
    worker.on('message', (message) => {
      if (message === 'started') hostLag.enable()
      if (message === 'done') {
        hostLag.disable()
        resolve()
      }
    })
    worker.on('error', reject)
  })
  rmSync(hostDir, { recursive: true, force: true })

  const sealedRate = messageCount / (median(sealedMs) / 1000)
  const plainRate = messageCount / (median(plainMs) / 1000)
  const report = {
    shop: { conversations: size.conversations, messages: messageCount, runs },
    kdf: { opsLimit: currentKdf.opsLimit, memLimitMiB: currentKdf.memLimitBytes / 1024 / 1024 },
    unlock: {
      kdfMs: round(kdf),
      // unlock = the key derivation, then opening the shop and reading the first 50 conversations
      restToFirstInboxPageMs: round(rest),
      totalMs: round(kdf + rest),
    },
    ingest: {
      sealedMessagesPerSecond: Math.round(sealedRate),
      unsealedMessagesPerSecond: Math.round(plainRate),
      sealedToUnsealedRatio: round(sealedRate / plainRate, 3),
      slicedSealedMessagesPerSecond: Math.round(messageCount / (slicedMs / 1000)),
    },
    read: { openedMessagesPerSecond: Math.round(messageCount / (median(readMs) / 1000)) },
    size: {
      sealedBytes,
      unsealedBytes: plainBytes,
      sealedToUnsealedRatio: round(sealedBytes / plainBytes, 3),
    },
    lag: {
      duringSlicedIngestP50Ms: round(histogram.percentile(50) / 1e6, 2),
      duringSlicedIngestP99Ms: round(histogram.percentile(99) / 1e6, 2),
      duringSlicedIngestMaxMs: round(histogram.max / 1e6, 2),
      shellLoopWhileCoreIngestsP99Ms: round(hostLag.percentile(99) / 1e6, 2),
      shellLoopWhileCoreIngestsMaxMs: round(hostLag.max / 1e6, 2),
    },
    inbox,
    costs,
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}

main().catch((cause: unknown) => {
  process.stderr.write(
    `${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`,
  )
  process.exit(1)
})
