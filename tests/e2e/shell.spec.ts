/**
 * The renderer shell in real Chromium, against a real browser-mode Kedai: both languages, the
 * themes, the keyboard, and an address without its token. Each starts on a new data directory,
 * so it first creates a shop. Every test also fails on a console error, an uncaught exception or
 * a Content-Security-Policy violation.
 */
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startKedai, type RunningKedai } from './support/kedai'
import { watchPageProblems } from './support/page-problems'
import { createShop } from './support/shop'

let kedai: RunningKedai
let problems: string[]

const screenshot = (name: string) => resolve(__dirname, '../../test-results', name)

test.beforeEach(async ({ page }) => {
  kedai = await startKedai()
  problems = await watchPageProblems(page)
})

test.afterEach(async () => {
  await kedai.stop()
  expect(problems).toEqual([])
})

test('opens in English with the empty inbox, and reaches core through the bridge', async ({
  page,
}) => {
  await page.goto(kedai.url)
  await createShop(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  for (const name of ['Inbox', 'Replies', 'Costs', 'Settings']) {
    await expect(nav.getByRole('button', { name })).toBeVisible()
  }
  await expect(nav.getByRole('button', { name: 'Inbox' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeAttached()
  await expect(page.getByRole('region', { name: 'Conversations' })).toContainText(
    'No conversations yet',
  )
  await expect(page.getByRole('region', { name: 'Messages' })).toContainText('No conversation open')
  await expect(page.getByRole('region', { name: 'Customer details' })).toContainText(
    'No customer selected',
  )
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page).toHaveTitle('Kedai')
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.screenshot({ path: screenshot('shell-en.png') })

  await nav.getByRole('button', { name: 'Replies' }).click()
  await expect(page.getByRole('heading', { name: 'Replies', level: 1 })).toBeVisible()
  // A new shop starts with the starter quick replies; templates come from the platform later.
  await expect(page.getByRole('group', { name: 'Actions for /hello' })).toBeVisible()
  await page.getByRole('tab', { name: 'Templates' }).click()
  await expect(page.getByText('No templates yet')).toBeVisible()
  await nav.getByRole('button', { name: 'Costs' }).click()
  await expect(page.getByText('No costs yet')).toBeVisible()

  await nav.getByRole('button', { name: 'Settings' }).click()
  const about = page.getByRole('region', { name: 'About Kedai' })
  await expect(about).toContainText(/Version\s*\d+\.\d+\.\d+/)
  await expect(about).toContainText('a web browser')
})

test('switches to Indonesian in Settings, and the choice survives a reload', async ({ page }) => {
  await page.goto(kedai.url)
  await createShop(page)
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('radio', { name: 'Same as this computer (English)' })).toBeChecked()

  await page.getByRole('radio', { name: 'Bahasa Indonesia' }).check()
  await expect(page.locator('html')).toHaveAttribute('lang', 'id')
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Bahasa' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Terang' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Tentang Kedai' })).toContainText('peramban web')

  await page.reload()
  const nav = page.getByRole('navigation', { name: 'Utama' })
  for (const name of ['Kotak Masuk', 'Balasan', 'Biaya', 'Pengaturan']) {
    await expect(nav.getByRole('button', { name, exact: true })).toBeVisible()
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'id')
  await expect(page.getByRole('region', { name: 'Percakapan' })).toContainText(
    'Belum ada percakapan',
  )
  await expect(page.getByRole('region', { name: 'Pesan' })).toContainText(
    'Belum ada percakapan yang dibuka',
  )
  await expect(page.getByRole('region', { name: 'Detail pelanggan' })).toContainText(
    'Belum ada pelanggan yang dipilih',
  )
  await expect(page).toHaveTitle('Kedai')
  await page.screenshot({ path: screenshot('shell-id.png') })

  await nav.getByRole('button', { name: 'Pengaturan' }).click()
  await expect(page.getByRole('radio', { name: 'Bahasa Indonesia' })).toBeChecked()
  await page.getByRole('radio', { name: 'English', exact: true }).check()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('a dark theme from Settings, and "system" follows the computer', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(kedai.url)
  await createShop(page)
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-theme', 'light')

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('radio', { name: 'Dark' }).check()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 21, 20)')
  await page.reload()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await page.screenshot({ path: screenshot('shell-dark.png') })

  await page.getByRole('button', { name: 'Settings' }).click()
  const theme = page.getByRole('group', { name: 'Theme' })
  await theme.getByRole('radio', { name: 'Same as this computer' }).check()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(html).toHaveAttribute('data-theme', 'dark')
})

test('the keyboard reaches every control, with a visible focus ring', async ({ page }) => {
  await page.goto(kedai.url)
  await createShop(page)
  // A fresh page: focus starts at the top, as it does whenever Kedai opens already unlocked.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Inbox' })).toBeVisible()

  const reached: string[] = []
  for (const name of ['Inbox', 'Replies', 'Costs', 'Settings', 'Lock']) {
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name, exact: true })).toBeFocused()
    expect(await focusOutline(page)).toMatch(/solid 2px|2px solid/)
    reached.push(name)
  }
  expect(reached).toHaveLength(5)

  await page.keyboard.press('Shift+Tab')
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeFocused()
  // Radios: Tab enters each group at its checked choice, arrows move within it.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: 'Same as this computer (English)' })).toBeFocused()
  expect(await focusOutline(page)).toMatch(/solid 2px|2px solid/)
  await page.keyboard.press('Tab')
  const theme = page.getByRole('group', { name: 'Theme' })
  await expect(theme.getByRole('radio', { name: 'Same as this computer' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
})

test('an address without its token says so, and no bridge call succeeds', async ({ page }) => {
  const sockets: string[] = []
  const answers: string[] = []
  page.on('websocket', (socket) => {
    sockets.push(socket.url())
    socket.on('framereceived', (frame) => answers.push(String(frame.payload)))
  })

  await page.goto(`${kedai.origin}/`)
  await expect(page.getByRole('alert')).toHaveText(
    'This address is missing its access token. Open the address Kedai printed when it started.',
  )
  // Without core, nothing can say whether the shop is locked: no shop screen is shown.
  await expect(
    page.getByRole('heading', { name: 'Kedai cannot open your shop right now', level: 1 }),
  ).toBeVisible()
  await expect(page.getByRole('navigation')).toHaveCount(0)
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('button', { name: 'Try again' })).toBeEnabled()
  expect(sockets).toEqual([])
  expect(answers.filter((payload) => payload.includes('"ok":true'))).toEqual([])

  // Browser mode with a wrong token reaches the web host, which refuses the WebSocket.
  await page.goto(`${kedai.origin}/#token=wrong`)
  await page.reload() // a new fragment alone does not reload the page
  await expect(page.getByRole('alert')).toHaveText(/Kedai is not answering/)
  expect(answers.filter((payload) => payload.includes('"ok":true'))).toEqual([])
  // Chromium itself logs the refused handshake; that error is the point of this step.
  problems = problems.filter((problem) => !problem.includes('WebSocket connection'))
})

async function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement ?? document.body)
    return `${style.outlineStyle} ${style.outlineWidth}`
  })
}
