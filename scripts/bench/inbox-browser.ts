/**
 * The inbox's figures on the seeded 5,000-conversation, 100,000-message shop, measured in
 * Chromium against the built browser-mode app (`out/main/web.js`, so `npm run build` first):
 *
 *   list: frame time p50/p95 while the conversation list scrolls programmatically (deltas
 *         between animation frames), and the most rows the list had in the DOM meanwhile
 *   open: from clicking the 2,000-message conversation to its newest 50 rendered (next frame)
 *   search: p50/p95 over words and prefixes in core (the index alone, in this process) and
 *         end to end (the page's own bridge WebSocket to core's worker and back)
 *   heap: the page's JS heap with the large shop open, after scrolling, opening and searching
 *
 * Each figure sits beside its target with pass or fail. Nothing here asserts; the report says.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { createCoreEvents } from '../../src-main/core/events'
import { listConversations } from '../../src-main/core/inbox/conversations'
import { sealingBodies } from '../../src-main/core/inbox/messages'
import { ShopSearch } from '../../src-main/core/search/shop-search'
import { Vault } from '../../src-main/core/vault/vault'
import { findChromium } from '../../tests/e2e/support/find-chromium'
import { startKedai } from '../../tests/e2e/support/kedai'
import { generateShop } from '../seed/generate-shop'
import { storeGeneratedShopAtOnce } from '../seed/store-generated'
import type { PageGlobals } from './page-globals'

export const inboxTargets = {
  listFrameP95Ms: 16.7,
  openLongConversationMs: 100,
  searchP95Ms: 50,
  rendererHeapMB: 150,
}

/** Words and beginnings an owner types: common and rare, Indonesian and English, numbers. */
export const searchQueries = [
  'kak',
  'ka',
  'ongkir',
  'ong',
  'batik',
  'bat',
  'transfer',
  'sampai',
  'bandung',
  'surabaya',
  'shipping',
  'ship',
  'paid',
  'colour',
  'terima kasih',
  'sao paulo',
  'siti',
  'santoso',
  'garcia',
  'jne',
  'JNE4',
  '18.000',
  '+62 8',
  '0812',
  'xyzzy',
  'm',
]

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits))
const median = (values: readonly number[]) => percentile(values, 50)

export interface InboxBenchOptions {
  /** A shop made by `npm run seed`; a fresh one is generated when absent. */
  shopDir?: string
  passphrase: string
  runs: number
}

async function seededShop(passphrase: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kedai-bench-inbox-'))
  const vault = await Vault.open({ dataDir: dir })
  vault.create('Toko Contoh (seeded)', passphrase)
  const shop = vault.shop()
  const conversations = [...generateShop({ conversations: 5000, messages: 100_000, seed: 62 })]
  storeGeneratedShopAtOnce(shop, conversations, sealingBodies(shop))
  await vault.close()
  return dir
}

/** The index alone: build time, then every query `runs` times. */
async function searchInCore(dataDir: string, passphrase: string, runs: number) {
  const vault = await Vault.open({ dataDir })
  vault.unlock(passphrase)
  // Which row of the list is the longest conversation (the seed makes it the newest).
  const shop = vault.shop()
  const longest = shop.db
    .prepare(
      `SELECT conversation_id AS id, count(*) AS messages FROM messages
       GROUP BY conversation_id ORDER BY messages DESC LIMIT 1`,
    )
    .get() as { id: string; messages: number }
  const longRow = listConversations(shop, 50).findIndex((item) => item.id === longest.id)
  if (longRow < 0 || longRow > 4) throw new Error('The longest conversation is not near the top')
  const search = new ShopSearch(vault, createCoreEvents())
  const started = performance.now()
  await search.built()
  const buildMs = performance.now() - started
  const times: number[] = []
  const perQuery: Record<string, number> = {}
  for (let run = 0; run < runs; run++) {
    for (const query of searchQueries) {
      const at = performance.now()
      const result = search.search(query, { limit: 50, messagesPerConversation: 3 })
      times.push(performance.now() - at)
      perQuery[query] = result.conversations.length + result.moreConversations
    }
  }
  search.close()
  await vault.close()
  return { buildMs, times, conversationsFound: perQuery, longRow, longMessages: longest.messages }
}

async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 60_000 })
}

/** Scrolls the list a fixed distance per frame and records the time between frames. */
function scrollList(page: Page, frames: number, pxPerFrame: number) {
  return page.evaluate(
    ({ frames, pxPerFrame }) =>
      new Promise<{ deltas: number[]; maxRows: number; scrolledPx: number }>((done) => {
        const { document, requestAnimationFrame } = globalThis as unknown as PageGlobals
        const list = document.querySelector('[role="listbox"]')!
        const deltas: number[] = []
        let maxRows = 0
        let last = 0
        let frame = 0
        let direction = 1
        const step = (now: number) => {
          if (last !== 0) deltas.push(now - last)
          last = now
          maxRows = Math.max(maxRows, list.querySelectorAll('[role="option"]').length)
          const bottom = list.scrollHeight - list.clientHeight
          if (list.scrollTop >= bottom - 1) direction = -1
          else if (list.scrollTop <= 0) direction = 1
          list.scrollTop += direction * pxPerFrame
          if (++frame < frames) requestAnimationFrame(step)
          else done({ deltas, maxRows, scrolledPx: frames * pxPerFrame })
        }
        requestAnimationFrame(step)
      }),
    { frames, pxPerFrame },
  )
}

/**
 * Clicks a row and waits for the timeline to hold `expected` messages, then for the next frame
 * (so the time includes style, layout and the paint that shows them).
 */
function openRow(page: Page, index: number, expected: number) {
  return page.evaluate(
    ({ index, expected }) =>
      new Promise<number>((done, fail) => {
        const { document, requestAnimationFrame } = globalThis as unknown as PageGlobals
        const list = document.querySelector('[role="listbox"]')!
        list.scrollTop = 0
        requestAnimationFrame(() => {
          const row = list.querySelectorAll('[role="option"]')[index]
          if (!row) return fail(new Error(`no row ${index}`))
          const started = performance.now()
          const check = () => {
            const shown = document.querySelectorAll('.timeline-message').length
            if (shown >= expected) requestAnimationFrame(() => done(performance.now() - started))
            else if (performance.now() - started > 10_000) fail(new Error(`only ${shown} shown`))
            else requestAnimationFrame(check)
          }
          // Clicked the way a person does: the row's own handler, then the first check.
          row.click()
          queueMicrotask(check)
        })
      }),
    { index, expected },
  )
}

/** Search through the page's own bridge: a second WebSocket with the page's token to core. */
function searchOverBridge(page: Page, queries: readonly string[], runs: number) {
  return page.evaluate(
    ({ queries, runs }) =>
      new Promise<number[]>((done, fail) => {
        const { location, WebSocket } = globalThis as unknown as PageGlobals
        const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? ''
        const socket = new WebSocket(
          `ws://${location.host}/bridge?token=${encodeURIComponent(token)}`,
        )
        const times: number[] = []
        const waiting = new Map<string, number>()
        let sent = 0
        const giveUp = setTimeout(
          () => fail(new Error('search over the bridge timed out')),
          120_000,
        )
        const next = () => {
          if (sent >= queries.length * runs) {
            clearTimeout(giveUp)
            socket.close()
            return done(times)
          }
          const query = queries[sent % queries.length]!
          const id = `bench-${++sent}`
          waiting.set(id, performance.now())
          socket.send(JSON.stringify({ id, method: 'inbox.search', params: { query, limit: 50 } }))
        }
        socket.onopen = next
        socket.onerror = () => fail(new Error('the bridge socket failed'))
        socket.onmessage = (event) => {
          const reply = JSON.parse(String(event.data)) as { id?: string; ok?: boolean }
          if (reply.id === undefined || !waiting.has(reply.id)) return
          if (!reply.ok) return fail(new Error(`search failed: ${String(event.data)}`))
          times.push(performance.now() - waiting.get(reply.id)!)
          waiting.delete(reply.id)
          next()
        }
      }),
    { queries, runs },
  )
}

async function heapMB(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const used = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20
  }
  const beforeGc = await used()
  await cdp.send('HeapProfiler.collectGarbage')
  const afterGc = await used()
  await cdp.detach()
  return { beforeGc, afterGc }
}

export async function benchInbox(options: InboxBenchOptions) {
  const webEntry = resolve(__dirname, '../../out/main/web.js')
  if (!existsSync(webEntry)) throw new Error('The inbox bench drives the built app: npm run build')
  const generated = options.shopDir ? null : await seededShop(options.passphrase)
  const dataDir = options.shopDir ? resolve(options.shopDir) : generated!
  try {
    const core = await searchInCore(dataDir, options.passphrase, options.runs)
    const kedai = await startKedai({ dataDir })
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-precise-memory-info',
      ],
    })
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      // tsx keeps function names with an `__name` helper that the page functions carry along.
      await page.addInitScript('globalThis.__name = (target) => target')
      await page.goto(kedai.url)
      await unlock(page, options.passphrase)
      // Let the first page of previews and the search index settle before measuring.
      await page.waitForTimeout(1500)

      const say = (what: string) => process.stderr.write(`inbox bench: ${what}\n`)
      say('scrolling the list')
      const scrolls = []
      for (let run = 0; run < options.runs; run++) scrolls.push(await scrollList(page, 300, 60))
      const deltas = scrolls.flatMap((scroll) => scroll.deltas)
      const maxRows = Math.max(...scrolls.map((scroll) => scroll.maxRows))

      say('opening the long conversation')
      const opens: number[] = []
      for (let run = 0; run < Math.max(5, options.runs); run++) {
        await openRow(page, core.longRow === 0 ? 1 : 0, 1)
        opens.push(await openRow(page, core.longRow, 50))
      }
      const longConversation = await page.evaluate(
        () =>
          (globalThis as unknown as PageGlobals).document.querySelectorAll('.timeline-message')
            .length,
      )

      say('searching over the bridge')
      const endToEnd = await searchOverBridge(page, searchQueries, options.runs)
      const heap = await heapMB(page)
      const report = {
        list: {
          frameP50Ms: round(median(deltas), 2),
          frameP95Ms: round(percentile(deltas, 95), 2),
          frames: deltas.length,
          longestFrameMs: round(Math.max(...deltas), 1),
          // Frames that took longer than one and a half refreshes: a visible stutter.
          droppedFrames: deltas.filter((delta) => delta > 25).length,
          maxRowsInDom: maxRows,
        },
        open: {
          longConversationMedianMs: round(median(opens)),
          longConversationRunsMs: opens.map((value) => round(value)),
          conversationMessages: core.longMessages,
          messagesRendered: longConversation,
        },
        search: {
          queries: searchQueries.length,
          runs: options.runs,
          indexBuildMs: round(core.buildMs),
          coreP50Ms: round(median(core.times), 2),
          coreP95Ms: round(percentile(core.times, 95), 2),
          endToEndP50Ms: round(median(endToEnd), 2),
          endToEndP95Ms: round(percentile(endToEnd, 95), 2),
        },
        heap: { afterGcMB: round(heap.afterGc), beforeGcMB: round(heap.beforeGc) },
      }
      const pass = (value: number, target: number, resolution = 0) => ({
        value,
        target,
        pass: value <= target + resolution,
      })
      return {
        ...report,
        targets: {
          // A page's clock is coarsened to 0.1 ms, so frames at 60 Hz (16.67 ms) read as 16.6 to
          // 16.8 ms: the frame target is met when p95 is within that resolution of 16.7 ms.
          listFrameP95Ms: pass(report.list.frameP95Ms, inboxTargets.listFrameP95Ms, 0.1),
          openLongConversationMs: pass(
            report.open.longConversationMedianMs,
            inboxTargets.openLongConversationMs,
          ),
          searchCoreP95Ms: pass(report.search.coreP95Ms, inboxTargets.searchP95Ms),
          searchEndToEndP95Ms: pass(report.search.endToEndP95Ms, inboxTargets.searchP95Ms),
          rendererHeapMB: pass(report.heap.afterGcMB, inboxTargets.rendererHeapMB),
        },
      }
    } finally {
      await browser.close()
      await kedai.stop()
    }
  } finally {
    if (generated) rmSync(generated, { recursive: true, force: true })
  }
}
