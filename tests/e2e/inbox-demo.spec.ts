/**
 * Issue 5's "done when", as a shop owner in demo mode: a real browser-mode Kedai with its own
 * relay and Cloud API emulator on loopback, and simulated customers who write on their own. The
 * test creates the shop, answers, meets a closed window, labels, notes, pins, archives, finds
 * the customer again by search, and sees a STOP mark a customer opted out. It also fails on a
 * console error, an uncaught exception or a Content-Security-Policy violation.
 */
import { resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startKedai, type RunningKedai } from './support/kedai'
import { watchPageProblems } from './support/page-problems'
import { createShop } from './support/shop'

const screenshot = (name: string) => resolve(__dirname, '../../test-results', name)
const list = (page: Page) => page.getByRole('listbox', { name: 'Conversations, newest first' })
const composerBox = (page: Page) => page.getByRole('textbox', { name: /^Message to / })
const customerPanel = (page: Page) => page.getByRole('region', { name: 'Customer details' })

let kedai: RunningKedai
let problems: string[]

test.beforeEach(async ({ page }) => {
  problems = await watchPageProblems(page)
  kedai = await startKedai({ demo: true })
})

test.afterEach(async () => {
  await kedai.stop()
  expect(problems).toEqual([])
})

/** "Waiting 2 h" → milliseconds; a row without the badge is not waiting. */
function waitingMs(text: string | null): number {
  const match = /Waiting (less than a minute|(\d+) (min|h|d))/.exec(text ?? '')
  if (!match) return -1
  if (!match[2]) return 0
  const unit = { min: 60_000, h: 3_600_000, d: 86_400_000 }[match[3] as 'min' | 'h' | 'd']
  return Number(match[2]) * unit
}

interface Row {
  /** The conversation's id, the row's own; two customers may share a name. */
  id: string
  name: string
  waiting: number
  closed: boolean
}

async function readRows(rows: Locator): Promise<Row[]> {
  const found: Row[] = []
  for (const row of await rows.all()) {
    const name = (await row.locator('.row-name').textContent())?.trim() ?? ''
    const waiting = waitingMs(
      await row
        .locator('.badge-waiting')
        .textContent({ timeout: 200 })
        .catch(() => null),
    )
    const closed = (await row.locator('.badge-closed').count()) > 0
    const id = (await row.getAttribute('id'))?.split('-').pop() ?? ''
    found.push({ id, name, waiting, closed })
  }
  return found
}

const rowOf = (page: Page, row: Row) => list(page).locator(`[role="option"][id$="-${row.id}"]`)

test('a shop owner answers the demo customers, inside the rules', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1400, height: 860 })
  await page.goto(kedai.url)
  await createShop(page, 'Toko Demo')

  // Customers arrive on their own: the demo's first six write as soon as the shop exists.
  const rows = list(page).getByRole('option')
  await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(6)
  await expect(page).toHaveTitle(/^\(\d+\) Kedai$/)

  // The one waiting longest wrote 30 hours ago: its window is closed, so only templates.
  const waiting = (await readRows(rows)).filter((row) => row.waiting >= 0)
  waiting.sort((a, b) => b.waiting - a.waiting)
  const longest = waiting[0]!
  expect(longest.closed).toBe(true)
  await rowOf(page, longest).click()
  await expect(composerBox(page)).toHaveCount(0)
  await expect(
    page.getByText(
      'The customer last wrote more than 24 hours ago, so WhatsApp only allows an approved template.',
    ),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Choose a template' })).toBeVisible()
  await page.screenshot({ path: screenshot('demo-closed-window.png') })

  // The longest waiting whose window is open gets a reply; the ticks move on to read. Like
  // people, a simulated customer reads a message now and then only (85 %): a reply that stays
  // unread is followed by another, as an owner would.
  const open = waiting.find((row) => !row.closed)!
  await rowOf(page, open).click()
  const log = page.getByRole('log', { name: `Messages with ${open.name}` })
  let read = false
  for (let attempt = 1; attempt <= 3 && !read; attempt++) {
    const reply = `Siap kak, stoknya ada. Kami kirim hari ini 📦 (${attempt})`
    await composerBox(page).fill(reply)
    await composerBox(page).press('Enter')
    const sent = log.locator('.bubble-out').filter({ hasText: reply })
    await expect(sent).toBeVisible()
    await expect(sent.getByRole('img', { name: /Sent|Delivered|Read/ })).toBeVisible({
      timeout: 15_000,
    })
    read = await sent
      .getByRole('img', { name: 'Read' })
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false)
  }
  expect(read).toBe(true)
  await page.screenshot({ path: screenshot('demo-reply-read.png') })

  // The customer panel: how fast this reply came, a label, a note.
  const panel = customerPanel(page)
  await expect(panel.locator('.activity-response')).toContainText(/\d+ (min|h)|less than a minute/)
  await panel.getByRole('button', { name: 'Change labels' }).click()
  await panel.getByRole('checkbox', { name: 'New order' }).check()
  await panel.getByRole('button', { name: 'Done' }).click()
  await expect(rowOf(page, open).locator('.row-label')).toHaveText('New order')
  await panel
    .getByRole('textbox', { name: 'New note' })
    .fill('Minta dikirim pakai JNE, alamat kantor')
  await panel.getByRole('button', { name: 'Add note' }).click()
  await expect(panel.locator('.note-body').first()).toHaveText(
    'Minta dikirim pakai JNE, alamat kantor',
  )

  // The label filter keeps only this customer.
  await page.getByRole('combobox', { name: 'Label' }).selectOption({ label: 'New order' })
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(open.name)
  await page.getByRole('combobox', { name: 'Label' }).selectOption({ label: 'Any label' })

  // Pinned goes to the top; archived goes out of the way.
  const conversation = page.getByRole('region', { name: open.name })
  await conversation.getByRole('button', { name: 'Pin' }).click()
  await expect(rows.first()).toContainText(open.name)
  await expect(rows.first().locator('.row-pinned')).toBeAttached()
  await page.screenshot({ path: screenshot('demo-labelled-pinned.png') })
  await conversation.getByRole('button', { name: 'Archive' }).click()
  await expect(rowOf(page, open)).toHaveCount(0)

  // Found again by search, though archived.
  // (By the words of the reply: another customer may have the same name.)
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('stoknya')
  const results = page.getByRole('region', { name: 'Search results' })
  const found = results.getByRole('button', { name: `Open the conversation with ${open.name}` })
  await expect(found).toHaveCount(1)
  await found.click()
  await expect(page.getByRole('log', { name: `Messages with ${open.name}` })).toBeVisible()
  await expect(customerPanel(page).locator('.note-body').first()).toHaveText(
    'Minta dikirim pakai JNE, alamat kantor',
  )
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('')

  // The customer who wrote STOP is marked opted out, in the list and in the panel.
  const stopper = rows.filter({ hasText: 'No marketing' })
  await expect(stopper).toHaveCount(1)
  await stopper.click()
  await expect(customerPanel(page).locator('.customer-opted-out')).toContainText(
    'Opted out of marketing',
  )
  await expect(page.getByRole('log').getByText(/^(STOP|BERHENTI)$/)).toBeVisible()
  await page.screenshot({ path: screenshot('demo-opted-out.png') })
})
