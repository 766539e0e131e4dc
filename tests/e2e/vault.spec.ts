/**
 * The vault as a shop owner meets it, in real Chromium against a real browser-mode Kedai with
 * the real Argon2id key derivation: create a shop, lock and unlock (button, shortcut, restart),
 * a wrong passphrase, Settings > Security, a backup exported and restored, a damaged file.
 * Every test also fails on a console error, an uncaught exception or a CSP violation.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startKedai, type RunningKedai } from './support/kedai'
import { watchPageProblems } from './support/page-problems'
import {
  createShop,
  defaultPassphrase,
  expectShopOpen,
  keyDerivationTimeoutMs,
  unlockShop,
} from './support/shop'

const screenshot = (name: string) => resolve(__dirname, '../../test-results', name)

let dataDir: string
let running: RunningKedai[]
let problems: string[]

/** Starts Kedai on this test's data directory, which survives a stop. */
async function start(): Promise<RunningKedai> {
  const kedai = await startKedai({ dataDir })
  running.push(kedai)
  return kedai
}

test.beforeEach(async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'kedai-e2e-vault-'))
  running = []
  problems = await watchPageProblems(page)
})

test.afterEach(async () => {
  for (const kedai of running) await kedai.stop()
  rmSync(dataDir, { recursive: true, force: true })
  expect(problems).toEqual([])
})

const lockedHeading = (page: Page) =>
  page.getByRole('heading', { name: 'Kedai is locked', level: 1 })

test('create a shop, lock and unlock it by button, shortcut and restart', async ({ page }) => {
  const kedai = await start()
  await page.goto(kedai.url)

  // Create: the minimum is shown and the strength hint follows the typing.
  await expect(page.getByRole('heading', { name: 'Create your shop', level: 1 })).toBeVisible()
  // Settings is out of reach until the shop exists; the language is not.
  await page.getByLabel('Language').selectOption({ label: 'Bahasa Indonesia' })
  await expect(page.getByRole('heading', { name: 'Buat toko Anda', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'id')
  await page.getByLabel('Bahasa').selectOption({ label: 'English' })
  await expect(page.getByRole('heading', { name: 'Create your shop', level: 1 })).toBeVisible()
  await expect(page.getByText(/^At least 10 characters\./)).toBeVisible()
  await page.getByLabel('Shop name').fill('Toko Sari')
  await page.getByLabel('Passphrase', { exact: true }).fill('kopi susu')
  await expect(page.getByText('Too short: at least 10 characters')).toBeVisible()
  await page.getByLabel('Passphrase', { exact: true }).fill(defaultPassphrase)
  await expect(page.getByText('Strong', { exact: true })).toBeVisible()
  await page.getByLabel('Type the passphrase again').fill('kopi susu gula')
  await page.getByRole('button', { name: 'Create my shop' }).click()
  await expect(page.getByText('The two passphrases are not the same.')).toBeVisible()
  await expect(page.getByLabel('Type the passphrase again')).toBeFocused()
  await page.getByLabel('Type the passphrase again').fill(defaultPassphrase)
  await page.screenshot({ path: screenshot('vault-create.png') })

  // Deriving the key takes a moment: the button waits and the screen says why.
  await page.getByRole('button', { name: 'Create my shop' }).click()
  await expect(page.getByRole('button', { name: 'Create my shop' })).toBeDisabled()
  await expect(page.getByText(/Creating your shop/)).toBeVisible()
  await expectShopOpen(page, 'Toko Sari')
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeAttached()

  // Lock by hand: nothing of the shop stays on screen.
  await page.getByRole('button', { name: 'Lock', exact: true }).click()
  await expect(lockedHeading(page)).toBeVisible()
  await expect(page.getByText('Toko Sari')).toHaveCount(0)
  await expect(page.getByRole('navigation')).toHaveCount(0)
  const field = page.getByLabel('Passphrase', { exact: true })
  await expect(field).toBeFocused()

  // A wrong passphrase says so plainly, and nothing else changes.
  await field.fill('teh manis hangat')
  await field.press('Enter')
  await expect(page.getByRole('alert')).toHaveText('That passphrase is not right.', {
    timeout: keyDerivationTimeoutMs,
  })
  await expect(lockedHeading(page)).toBeVisible()
  await expect(field).toBeFocused()
  await expect(field).toHaveValue('teh manis hangat')
  await page.screenshot({ path: screenshot('vault-unlock.png') })

  await unlockShop(page)

  // The keyboard shortcut locks too.
  await page.keyboard.press('Control+L')
  await expect(lockedHeading(page)).toBeVisible()
  await expect(page.getByText('Toko Sari')).toHaveCount(0)

  // Stop Kedai, start it again on the same data: locked, then open with the shop's name.
  await kedai.stop()
  const again = await start()
  await page.goto(again.url)
  await unlockShop(page)
  await expect(page.getByText('Toko Sari', { exact: true })).toBeVisible()
})

test('Settings > Security: auto-lock, remember, a new passphrase, and a backup out and back in', async ({
  page,
}) => {
  const kedai = await start()
  await page.goto(kedai.url)
  await createShop(page)
  await page.getByRole('button', { name: 'Settings' }).click()
  const security = page.getByRole('region', { name: 'Security' })
  await expect(security).toBeVisible()

  // Auto-lock: 15 minutes by default, saved through core.
  const autoLock = page.getByRole('group', { name: 'Lock Kedai when I have been away for' })
  await expect(autoLock.getByRole('radio', { name: '15 minutes' })).toBeChecked()
  await autoLock.getByRole('radio', { name: '5 minutes', exact: true }).check()
  await page.reload()
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(autoLock.getByRole('radio', { name: '5 minutes', exact: true })).toBeChecked()
  await expect(autoLock.getByRole('radio', { name: 'Never lock by itself' })).toBeVisible()

  // Browser mode has no keychain: the switch is off, disabled, and says why.
  const remember = page.getByRole('switch', { name: 'Remember on this computer' })
  await expect(remember).toBeDisabled()
  await expect(remember).toHaveAttribute('aria-checked', 'false')
  await expect(security).toContainText(
    'Not available here: Only the desktop app can remember the vault on this computer.',
  )
  // The screen scrolls inside the window: a tall window shows the whole section at once.
  await page.setViewportSize({ width: 1280, height: 2000 })
  await security.scrollIntoViewIfNeeded()
  await page.screenshot({ path: screenshot('vault-security.png') })
  await page.setViewportSize({ width: 1280, height: 800 })

  // Change the passphrase: a wrong current one is refused plainly.
  const change = page.getByRole('region', { name: 'Change passphrase' })
  const newPassphrase = 'nasi goreng pedas sekali'
  await change.getByLabel('Current passphrase').fill('bukan frasa sandinya')
  await change.getByLabel('New passphrase', { exact: true }).fill(newPassphrase)
  await change.getByLabel('Type the new passphrase again').fill(newPassphrase)
  await change.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(change.getByRole('alert')).toHaveText(
    'The current passphrase is not right. Nothing was changed.',
    { timeout: keyDerivationTimeoutMs },
  )
  await expect(change.getByLabel('Current passphrase')).toBeFocused()
  await change.getByLabel('Current passphrase').fill(defaultPassphrase)
  await change.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(change.getByText('Your passphrase is changed.', { exact: false })).toBeVisible({
    timeout: keyDerivationTimeoutMs,
  })
  await expect(change.getByLabel('Current passphrase')).toHaveValue('')

  // Only the new passphrase opens the shop now.
  await page.getByRole('button', { name: 'Lock', exact: true }).click()
  const field = page.getByLabel('Passphrase', { exact: true })
  await field.fill(defaultPassphrase)
  await field.press('Enter')
  await expect(page.getByRole('alert')).toHaveText('That passphrase is not right.', {
    timeout: keyDerivationTimeoutMs,
  })
  await unlockShop(page, newPassphrase)

  // Export: the browser downloads a sealed SQLite file.
  await page.getByRole('button', { name: 'Settings' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export a backup' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^kedai-backup-\d{4}-\d{2}-\d{2}\.db$/)
  const bytes = readFileSync(await download.path())
  expect(bytes.length).toBeGreaterThan(0)
  expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
  expect(bytes.includes(Buffer.from('Toko Sari'))).toBe(false)
  await expect(security).toContainText(`Saved as ${download.suggestedFilename()}.`)

  // Restore it: the backup's passphrase is checked first, then the shop opens from the file.
  const backupFile = join(dataDir, 'exported.db')
  writeFileSync(backupFile, bytes)
  const choosing = page.waitForEvent('filechooser')
  await security.getByRole('button', { name: 'Restore from a backup' }).click()
  await (await choosing).setFiles(backupFile)
  const backupPassphrase = security.getByLabel('The backup’s passphrase')
  await expect(backupPassphrase).toBeFocused()
  await backupPassphrase.fill(defaultPassphrase)
  await security.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(security.getByRole('alert')).toHaveText(
    'That is not this backup’s passphrase. Nothing was changed.',
    { timeout: keyDerivationTimeoutMs },
  )
  await backupPassphrase.fill(newPassphrase)
  await security.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(security.getByText('The backup is restored and your shop is open.')).toBeVisible({
    timeout: keyDerivationTimeoutMs,
  })
  await expect(page.getByText('Toko Sari', { exact: true })).toBeVisible()
})

test('a data file that cannot be opened offers the latest backup', async ({ page }) => {
  const kedai = await start()
  await page.goto(kedai.url)
  await createShop(page)
  // A clean close leaves a backup; then the data file is overwritten with garbage.
  await kedai.stop()
  writeFileSync(join(dataDir, 'kedai.db'), Buffer.alloc(64 * 1024, 'garbage '))
  for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `kedai.db${suffix}`), { force: true })

  const again = await start()
  await page.goto(again.url)
  await expect(
    page.getByRole('heading', { name: 'Your shop’s data file could not be opened', level: 1 }),
  ).toBeVisible()
  await expect(page.getByText('What Kedai found:')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Restore from a file' })).toBeVisible()
  const latest = page.getByRole('button', { name: /^Restore the latest backup \(.+\)$/ })
  await expect(latest).toBeVisible()
  await page.screenshot({ path: screenshot('vault-damaged.png') })

  await latest.click()
  await expect(lockedHeading(page)).toBeVisible()
  await expect(page.getByText(/^The backup of .+ is back in place\./)).toBeVisible()
  await unlockShop(page)
})
