/**
 * The offline queue's drain, for `npm run bench:sync -- --parts drain`: one device of a shop
 * enrolled on a real relay with the Cloud API emulator (both on 127.0.0.1), customers who wrote
 * (so each service window is open), then the relay stops and the device queues `replies` text
 * replies round-robin over the customers through `inbox.sendText`. The relay starts again on the
 * same port and data folder and the device drains its outbox by itself (its own retry, no "sync
 * now"), timed until its outbox has nothing waiting: every reply sent or failed with a reason.
 *
 * What is checked, from the emulator's side (what the platform accepted, `sentMessages()`):
 * each queued client id accepted exactly once and nothing else accepted; each customer's
 * replies accepted in the order they were queued; the pair rate (a burst of `pairRate.burst`,
 * then one per `pairRate.intervalMs`) held by every customer's acceptance times; how many
 * 131056 ("this customer, too fast") and 130429 ("this number, too fast") answers the relay got
 * (from the relay's log of refusals, cross-checked against the emulator's calls minus
 * acceptances), and whether any reply failed because of one.
 *
 * The platform's real pair rate is used: with 20 customers a queue of 1,000 is 50 replies each,
 * 45 in the burst and 5 more paced at 6 s, so the drain takes about half a minute of real time.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../src-main/core/core'
import { emulatorDefaults } from '../../src-relay/emulator/emulator-config'
import { startEmulator } from '../../src-relay/emulator/start-emulator'
import { setRelayLogSink } from '../../src-relay/logger'
import { startRelay, type Relay } from '../../src-relay/relay/start-relay'
import type { Rate } from '../../src-relay/sending/pacer'
import type { MessageItem } from '../../src-shared/inbox/inbox-view'
import { fastKdf, passphrase } from '../../tests/support/vault'

const secrets = {
  appSecret: 'bench-drain-secret',
  verifyToken: 'bench-dv',
  accessToken: 'bench-dt',
}
const phoneNumberId = '100200300400900'

export interface DrainOptions {
  replies: number
  customers: number
  /** Settled-by deadline after the relay is back. */
  timeoutMs?: number
}

async function until<T>(check: () => Promise<T | null>, timeoutMs: number, everyMs: number) {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const found = await check()
    if (found !== null) return found
    if (performance.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

/** True when no stretch of acceptances asks more of the pair than its burst and interval allow. */
function keptRate(times: readonly number[], rate: Rate): boolean {
  for (let i = 0; i < times.length; i += 1) {
    for (let j = i + rate.burst; j < times.length; j += 1) {
      if (times[j]! - times[i]! < (j - i + 1 - rate.burst) * rate.intervalMs) return false
    }
  }
  return true
}

/** A customer number that the emulator treats as on WhatsApp (it is not when it ends in 0000). */
const waIdOf = (index: number) => `62812555${String(1001 + index).padStart(4, '0')}`

export async function measureQueueDrain(options: DrainOptions) {
  const { replies, customers } = options
  const pairRate = emulatorDefaults.pairRate
  const root = mkdtempSync(join(tmpdir(), 'kedai-bench-drain-'))
  const refusals = new Map<number, number>()
  const refusedIds = new Set<string>()
  // The relay logs each refusal with its code; the emulator keeps no count by code.
  setRelayLogSink((line) => {
    const refused = /send (\S+): refused with (\d+)/.exec(line)
    if (!refused) return
    refusedIds.add(refused[1]!)
    refusals.set(Number(refused[2]), (refusals.get(Number(refused[2])) ?? 0) + 1)
  })
  const emulator = await startEmulator({ ...secrets, phoneNumberId, seed: 62, pairRate })
  const relayConfig = {
    ...secrets,
    dataDir: join(root, 'relay'),
    phoneNumberId,
    graphUrl: emulator.url,
    sending: { pairRate },
  }
  let relay: Relay = await startRelay(relayConfig)
  emulator.setWebhookUrl(relay.webhookUrl)
  let core: Core | null = null
  try {
    core = await createCore({
      dataDir: join(root, 'kasir'),
      shell: 'browser',
      kdf: fastKdf,
      deviceName: 'kasir',
    })
    const device = core
    await device.handlers['vault.create']({ shopName: 'Toko Antrean', passphrase })
    const invite = await relay.createInvite()
    await device.handlers['link.enrol']({ relayUrl: relay.url, code: invite.code })

    for (let c = 0; c < customers; c += 1) {
      await emulator.customerWrites({
        from: waIdOf(c),
        message: `Kak, pesanan ${c + 1} masih ada?`,
      })
    }
    const conversations = await until(
      async () => {
        await device.handlers['sync.now']({})
        const list = await device.handlers['inbox.conversations']({ limit: 1000 })
        return list.length >= customers ? list : null
      },
      60_000,
      100,
    )

    // Offline: the relay is gone while the shop keeps replying.
    const port = relay.port
    await relay.close()
    const queued: { clientId: string; waId: string; conversationId: string }[] = []
    const queueStarted = performance.now()
    for (let n = 0; n < replies; n += 1) {
      const conversation = conversations[n % customers]!
      const reply = await device.handlers['inbox.sendText']({
        conversationId: conversation.id,
        text: `Balasan ${n + 1}: siap kak, kami kirim hari ini.`,
      })
      queued.push({
        clientId: reply.clientId,
        waId: String(conversation.customer.phone).replace(/\D/g, ''),
        conversationId: conversation.id,
      })
    }
    const queueMs = performance.now() - queueStarted
    const waitingOffline = (await device.handlers['sync.status']({})).link.waiting

    // Back online on the same port and data folder; the device notices by itself.
    relay = await startRelay({ ...relayConfig, port })
    emulator.setWebhookUrl(relay.webhookUrl)
    const backAt = performance.now()
    const drainMs = await until(
      async () =>
        (await device.handlers['sync.status']({})).link.waiting === 0
          ? performance.now() - backAt
          : null,
      options.timeoutMs ?? 600_000,
      50,
    )

    // What the device holds: each queued reply once, sent or failed with a code.
    const byClientId = new Map<string, MessageItem>()
    let outboundRows = 0
    for (const conversation of conversations) {
      const messages = await device.handlers['inbox.messages']({
        conversationId: conversation.id,
        limit: 10_000,
      })
      for (const message of messages) {
        if (message.direction !== 'outbound') continue
        outboundRows += 1
        if (message.clientId) byClientId.set(message.clientId, message)
      }
    }
    const failed = queued
      .map((q) => byClientId.get(q.clientId))
      .filter((m): m is MessageItem => m?.status === 'failed')
    const failedCodes: Record<string, number> = {}
    for (const m of failed) {
      const code = String(m.errorCode ?? 'none')
      failedCodes[code] = (failedCodes[code] ?? 0) + 1
    }

    // What the platform accepted.
    const accepted = emulator.sentMessages()
    const acceptedPerId = new Map<string, number>()
    for (const message of accepted) {
      const id = message.clientId ?? '(none)'
      acceptedPerId.set(id, (acceptedPerId.get(id) ?? 0) + 1)
    }
    const queuedIds = new Set(queued.map((q) => q.clientId))
    const sentTwice = [...acceptedPerId.values()].filter((count) => count > 1).length
    const notQueued = [...acceptedPerId.keys()].filter((id) => !queuedIds.has(id)).length
    const acceptedOnce = queued.filter((q) => acceptedPerId.get(q.clientId) === 1).length

    const queueIndex = new Map(queued.map((q, index) => [q.clientId, index]))
    const acceptedTimes = new Map<string, number[]>()
    let outOfOrder = 0
    let outOfOrderAfterRefusal = 0
    const customersOutOfOrder = new Set<string>()
    const lastIndex = new Map<string, number>()
    for (const message of accepted) {
      const index = queueIndex.get(message.clientId ?? '')
      if (index === undefined) continue
      if ((lastIndex.get(message.waId) ?? -1) > index) {
        outOfOrder += 1
        customersOutOfOrder.add(message.waId)
        // A refused reply is paced again behind the slots its customer's later replies hold.
        if (refusedIds.has(message.clientId ?? '')) outOfOrderAfterRefusal += 1
      }
      lastIndex.set(message.waId, Math.max(lastIndex.get(message.waId) ?? -1, index))
      acceptedTimes.set(message.waId, [
        ...(acceptedTimes.get(message.waId) ?? []),
        message.acceptedAt,
      ])
    }
    const pairRateKept = [...acceptedTimes.values()].every((times) => keptRate(times, pairRate))
    const times = accepted.map((m) => m.acceptedAt)
    const platformSpanMs = times.length > 0 ? Math.max(...times) - Math.min(...times) : 0
    const calls = emulator.calls()
    const refusedByEmulator = calls - accepted.length
    const refusedInLog = [...refusals.values()].reduce((sum, n) => sum + n, 0)
    const failedOfPairRate = failedCodes['131056'] ?? 0

    const checks = {
      allSettled: byClientId.size === replies && queued.every((q) => byClientId.has(q.clientId)),
      noneFailed: failed.length === 0,
      noDuplicates: sentTwice === 0 && notQueued === 0 && outboundRows === replies,
      orderKept: outOfOrder === 0,
      pairRateKept,
      noneFailedOfPairRate: failedOfPairRate === 0,
    }
    return {
      pass: Object.values(checks).every(Boolean),
      result: {
        replies,
        customers,
        repliesPerCustomer: Math.ceil(replies / customers),
        pairRate: { ...pairRate, note: "the platform's real rate, in emulator and relay" },
        queueMs: Math.round(queueMs),
        waitingWhileOffline: waitingOffline,
        drainMs: Math.round(drainMs),
        repliesPerSecond: Number((replies / (drainMs / 1000)).toFixed(1)),
        platformSpanMs,
        platform: {
          calls,
          accepted: accepted.length,
          acceptedExactlyOnce: acceptedOnce,
          clientIdsAcceptedTwice: sentTwice,
          acceptedNotQueued: notQueued,
          refused: refusedByEmulator,
          refusedPairRate131056: refusals.get(131056) ?? 0,
          refusedNumberRate130429: refusals.get(130429) ?? 0,
          refusalsLoggedByRelay: refusedInLog,
        },
        device: {
          outboundMessages: outboundRows,
          sent: queued.filter((q) =>
            ['sent', 'delivered', 'read'].includes(byClientId.get(q.clientId)?.status ?? ''),
          ).length,
          failed: failed.length,
          failedByCode: failedCodes,
          failedOfPairRate,
        },
        outOfOrder,
        outOfOrderAfterRefusal,
        customersOutOfOrder: customersOutOfOrder.size,
        checks,
        pass: Object.values(checks).every(Boolean),
      },
    }
  } finally {
    await core?.close().catch(() => undefined)
    await relay.close().catch(() => undefined)
    await emulator.close()
    setRelayLogSink(null)
    rmSync(root, { recursive: true, force: true })
  }
}
