/**
 * The cost meter and the costs screen on a shop with a long ledger: `--ledger-months` months of
 * history (the current one included) with `--ledger-per-month` paid and free replies each, every
 * one an estimate and, for most, the platform's confirmation. Times, as medians of `runs`: the
 * meter (read after every send and status), the month's summary (the costs screen) and the
 * month's CSV. A long history should not slow the current month down.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { costSummary } from '../../src-main/core/costs/cost-summary'
import { appendLedgerEntry } from '../../src-main/core/costs/ledger'
import { ledgerCsv } from '../../src-main/core/costs/ledger-csv'
import { meterOf } from '../../src-main/core/costs/meter'
import { monthKeyOf } from '../../src-main/core/costs/periods'
import { insertMessages, sealingBodies } from '../../src-main/core/inbox/messages'
import { newId } from '../../src-main/core/ids'
import { Vault } from '../../src-main/core/vault/vault'
import type { BillingCategory } from '../../src-shared/pricing'
import { generateShop } from '../seed/generate-shop'
import { storeGeneratedShopAtOnce } from '../seed/store-generated'

const dayMs = 86_400_000
const bench = { algorithm: 'argon2id13' as const, opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function timed(work: () => unknown, runs: number): number {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const startedAt = performance.now()
    work()
    times.push(performance.now() - startedAt)
  }
  return Number(median(times).toFixed(1))
}

export async function benchCosts(options: {
  perMonth: number
  months: number
  runs: number
}): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'kedai-bench-costs-'))
  try {
    const vault = await Vault.open({ dataDir: dir, kdf: bench })
    vault.create('Toko Bench', 'kedai bench passphrase')
    const shop = vault.shop()
    const now = Date.now()
    const conversations = [...generateShop({ conversations: 500, messages: 1_000, seed: 7, now })]
    storeGeneratedShopAtOnce(shop, conversations, sealingBodies(shop))
    const conversationIds = (
      shop.db.prepare('SELECT id FROM conversations ORDER BY id').all() as { id: string }[]
    ).map((row) => row.id)

    // Each month's replies spread over its days up to now: a quarter paid templates (utility or
    // marketing, confirmed by the platform), the rest free service replies.
    const startedAt = performance.now()
    const sealBody = sealingBodies(shop)
    let written = 0
    for (let month = 0; month < options.months; month++) {
      shop.db.transaction(() => {
        for (let index = 0; index < options.perMonth; index++) {
          const at = now - month * 30 * dayMs - ((index * 37) % (28 * dayMs))
          const paid = index % 4 === 0
          const category: BillingCategory = paid
            ? index % 8 === 0
              ? 'marketing'
              : 'utility'
            : 'service'
          const clientId = newId(at)
          const [messageId] = insertMessages(
            shop,
            [
              {
                conversationId: conversationIds[index % conversationIds.length]!,
                direction: 'outbound',
                kind: paid ? 'template' : 'text',
                body: { type: 'text', body: `Balasan ${index}` },
                status: 'delivered',
                sentAt: at,
                clientId,
                templateName: paid ? `template_${index % 5}` : null,
                category,
              },
            ],
            sealBody,
          ) as [string]
          const usdMicros = paid ? (category === 'marketing' ? 41_100 : 20_000) : 0
          const entry = {
            messageId,
            clientId,
            category,
            market: 'indonesia',
            charged: paid,
            usdMicros,
            reason: paid ? 'templateOutsideWindow' : 'serviceWindow',
            at,
          }
          appendLedgerEntry(shop, { ...entry, entry: 'estimate' })
          if (index % 10 !== 0)
            appendLedgerEntry(shop, { ...entry, entry: 'confirmation', at: at + 5_000 })
          written++
        }
      })()
    }
    const fillMs = performance.now() - startedAt
    const ledgerRows = (shop.db.prepare('SELECT count(*) AS n FROM ledger').get() as { n: number })
      .n
    const month = monthKeyOf(now)
    const result = {
      ledger: {
        months: options.months,
        repliesPerMonth: options.perMonth,
        replies: written,
        rows: ledgerRows,
        fillMs: Math.round(fillMs),
      },
      meterMs: timed(() => meterOf(shop, now), options.runs),
      monthSummaryMs: timed(() => costSummary(shop, month), options.runs),
      monthCsvMs: timed(() => ledgerCsv(shop, month), options.runs),
    }
    await vault.close()
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
