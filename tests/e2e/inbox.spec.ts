/**
 * The inbox in real Chromium against a real browser-mode Kedai, on a shop made by the seeded
 * generator before Kedai starts (40 conversations, 400 messages) plus one hostile customer
 * written through core's own code. No relay runs, so a reply stays queued. Every test also fails
 * on a console error, an uncaught exception or a Content-Security-Policy violation.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { hostileCustomerName, hostileTexts } from './support/hostile-texts'
import { startKedai, type RunningKedai } from './support/kedai'
import { watchPageProblems } from './support/page-problems'
import { unlockShop } from './support/shop'

const root = resolve(__dirname, '../..')
const passphrase = 'kedai demo passphrase'
const shopName = 'Toko Contoh (seeded)'
const screenshot = (name: string) => resolve(root, 'test-results', name)

let seededDir: string
let dataDir: string
let kedai: RunningKedai
let problems: string[]

function tsx(script: string, args: string[]): void {
  execFileSync(
    process.execPath,
    [resolve(root, 'node_modules/tsx/dist/cli.mjs'), script, ...args],
    {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, KEDAI_LOG: 'silent' },
    },
  )
}

// Seeded once; each test gets its own copy, made before Kedai starts on it.
test.beforeAll(() => {
  seededDir = mkdtempSync(join(tmpdir(), 'kedai-e2e-seeded-'))
  tsx('scripts/seed.ts', [
    '--conversations',
    '40',
    '--messages',
    '400',
    '--data-dir',
    seededDir,
    '--passphrase',
    passphrase,
  ])
  tsx('tests/e2e/support/add-hostile-conversation.ts', [
    '--data-dir',
    seededDir,
    '--passphrase',
    passphrase,
  ])
})

test.afterAll(() => rmSync(seededDir, { recursive: true, force: true }))

test.beforeEach(async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'kedai-e2e-inbox-'))
  cpSync(seededDir, dataDir, { recursive: true })
  problems = await watchPageProblems(page)
  kedai = await startKedai({ dataDir })
  await page.goto(kedai.url)
  await unlockShop(page, passphrase, shopName)
})

test.afterEach(async () => {
  await kedai.stop()
  rmSync(dataDir, { recursive: true, force: true })
  expect(problems).toEqual([])
})

const list = (page: Page) => page.getByRole('listbox', { name: 'Conversations, newest first' })
const composerBox = (page: Page) => page.getByRole('textbox', { name: /^Message to / })
const flag = /\p{Regional_Indicator}{2}/u

test('the list, a conversation, and a reply that shows queued at once and survives a reload', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' })
  const rows = list(page).getByRole('option')
  await expect(rows.first()).toBeVisible()
  // Only the rows in view are in the page, each with a name and a flag.
  expect(await rows.count()).toBeLessThan(20)
  await expect(rows.first()).toHaveAttribute('aria-setsize', '41')
  for (const index of [0, 1, 2]) {
    await expect(rows.nth(index)).toContainText(/\p{L}{2,} \p{L}{2,}/u)
    await expect(rows.nth(index).getByRole('img').first()).toHaveText(flag)
  }
  await expect(page).toHaveTitle(/^\(\d+\) Kedai$/)

  // The newest is the seeded long conversation: its window is open.
  const newest = rows.first()
  const name = (await newest.locator('.row-name').textContent())?.trim() ?? ''
  await expect(newest).toContainText(/\d+ h left|\d+ min left/)
  await newest.click()
  const conversation = page.getByRole('region', { name })
  const log = page.getByRole('log', { name: `Messages with ${name}` })
  await expect(log.locator('.bubble').first()).toBeVisible()
  expect(await log.locator('.bubble').count()).toBeGreaterThanOrEqual(50)
  await expect(log.getByRole('heading', { level: 3 }).first()).toBeVisible()
  await expect(conversation).toContainText(/Service window closes in \d+ h \d+ m/)
  await expect(page.getByRole('region', { name: 'Customer details' })).toContainText(name)
  await page.screenshot({ path: screenshot('inbox-light.png') })

  const reply = `Siap kak, kami kirim hari ini 📦 ${Date.now()}`
  await composerBox(page).fill(reply)
  await composerBox(page).press('Enter')
  await expect(composerBox(page)).toHaveValue('')
  const sent = log.locator('.bubble-out').filter({ hasText: reply })
  await expect(sent).toBeVisible()
  await expect(sent.getByRole('img', { name: 'Waiting to be sent' })).toBeVisible()
  await expect(sent.locator('.ticks-queued')).toBeVisible()

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.screenshot({ path: screenshot('inbox-dark.png') })

  // Queued in core's outbox, not only on the page: still there, still queued, after a reload.
  await page.reload()
  await list(page).getByRole('option').first().click()
  const again = page
    .getByRole('log', { name: `Messages with ${name}` })
    .locator('.bubble-out')
    .filter({ hasText: reply })
  await expect(again).toBeVisible()
  await expect(again.getByRole('img', { name: 'Waiting to be sent' })).toBeVisible()
})

test('a closed window offers only templates and says why', async ({ page }) => {
  const closed = list(page).getByRole('option').filter({ hasText: 'closed' }).first()
  await closed.click()
  await expect(composerBox(page)).toHaveCount(0)
  await expect(
    page.getByText(
      'The customer last wrote more than 24 hours ago, so WhatsApp only allows an approved template.',
    ),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Choose a template' }).click()
  await expect(page.getByRole('heading', { name: 'Send a template' })).toBeVisible()
  await expect(page.getByText('No approved templates yet')).toBeVisible()
  await page.screenshot({ path: screenshot('inbox-closed-window.png') })
})

test('customer text shows as text: markup, script, right-to-left and a 4,096-character word', async ({
  page,
}) => {
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs += 1
    void dialog.dismiss()
  })
  // Found by search: the results show the customer's name as text too.
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('hostile')
  const results = page.getByRole('region', { name: 'Search results' })
  const found = results.getByRole('button', {
    name: `Open the conversation with ${hostileCustomerName}`,
  })
  await expect(found).toHaveCount(1)
  await found.click()

  const log = page.getByRole('log', { name: `Messages with ${hostileCustomerName}` })
  await expect(log.getByText(hostileTexts.img, { exact: true }).first()).toBeVisible()
  await expect(log.getByText(hostileTexts.script, { exact: true })).toBeAttached()
  await expect(log.getByText(hostileTexts.arabic)).toHaveAttribute('dir', 'auto')
  await expect(log.getByText('Photo', { exact: true })).toBeAttached()
  await expect(page.locator('main img, main script, main iframe')).toHaveCount(0)
  // The failed reply says why, in plain words, and what to do.
  await expect(log).toContainText('Not delivered')
  await expect(log).toContainText('What to do: Send an approved template.')

  // The long word wraps inside its bubble: nothing scrolls sideways.
  const overflow = await log.evaluate((element) => element.scrollWidth - element.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const bubble = log.locator('.bubble').filter({ hasText: 'WWWW' })
  const logBox = await log.boundingBox()
  const bubbleBox = await bubble.boundingBox()
  expect(bubbleBox && logBox && bubbleBox.x + bubbleBox.width <= logBox.x + logBox.width).toBe(true)

  await log.evaluate((element) => (element.scrollTop = 0))
  await page.screenshot({ path: screenshot('inbox-hostile.png') })
  expect(dialogs).toBe(0)
})

test('the keyboard: search, move, open, shortcuts sheet', async ({ page }) => {
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search conversations' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(list(page)).toBeFocused()
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('Enter')
  const chosen = list(page).locator('[aria-selected="true"]')
  await expect(chosen).toHaveAttribute('aria-posinset', '2')

  await page.keyboard.press('Alt+ArrowDown')
  await expect(chosen).toHaveAttribute('aria-posinset', '3')

  await page.keyboard.press('Shift+?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet).toContainText('Open the previous or next conversation')
  await page.keyboard.press('Escape')
  await expect(sheet).toHaveCount(0)
})
