/**
 * The cost meter and template sending in real Chromium against browser-mode Kedai in demo mode
 * (its own relay and Cloud API emulator on loopback, with the demo's first customers). A free
 * reply and paid templates move the meter by exactly their price; a small budget warns at 80 %
 * and stops at 100 % until the owner overrides; the ledger exports as CSV. A closed window
 * leaves only templates, and a customer who stopped promotions gets no marketing template.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startKedai, type RunningKedai } from './support/kedai'
import { watchPageProblems } from './support/page-problems'
import { createShop } from './support/shop'

const root = resolve(__dirname, '../..')
const screenshot = (name: string) => resolve(root, 'test-results', name)

let kedai: RunningKedai
let problems: string[]

test.beforeEach(async ({ page }) => {
  problems = await watchPageProblems(page)
  kedai = await startKedai({ demo: true })
  await page.goto(kedai.url)
})

test.afterEach(async () => {
  await kedai.stop()
  expect(problems).toEqual([])
})

const list = (page: Page) => page.getByRole('listbox', { name: 'Conversations, newest first' })
const meter = (page: Page) => page.getByTestId('cost-meter')
const rupiah = (amount: string) => new RegExp(`Rp\\s${amount.replace('.', '\\.')}$`)

async function openConversationSaying(page: Page, words: RegExp): Promise<void> {
  const row = list(page).getByRole('option').filter({ hasText: words })
  await expect(row).toHaveCount(1, { timeout: 20_000 })
  await row.click()
}

async function sendOrderUpdate(page: Page, invoice: string, override = false): Promise<void> {
  const picker = page.getByTestId('templates-panel')
  if (!(await picker.isVisible())) {
    const open = page.getByRole('button', { name: /^(Choose a template|Template)$/ })
    await open.first().click()
  }
  await picker.getByRole('button', { name: /^order_update/ }).click()
  await picker.getByLabel('Value 1').fill('Kak')
  await picker.getByLabel('Value 2').fill(invoice)
  await expect(picker.getByTestId('template-preview')).toContainText(invoice)
  await expect(picker.getByTestId('template-price')).toHaveText(
    /^Rp\s420: utility template to Indonesia$/,
  )
  const send = picker.getByRole('button', { name: 'Send template' })
  if (override) {
    await expect(send).toBeDisabled()
    await picker.getByLabel('Send it anyway').check()
  }
  await send.click()
  await expect(picker).toBeHidden()
}

test('a free reply and paid templates move the meter exactly; a budget warns, stops, and is overridden; the ledger exports', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await createShop(page)
  await expect(meter(page).getByTestId('meter-month')).toHaveText(rupiah('0'))
  await expect(meter(page).getByTestId('meter-budget')).toHaveText('No budget set')

  // A free reply, inside the window of the customer who stopped promotions.
  await openConversationSaying(page, /BERHENTI|STOP/)
  await expect(page.getByTestId('price-line')).toHaveText("Free: within this month's free replies")
  const box = page.getByRole('textbox', { name: /^Message to / })
  await box.fill('Baik kak, kami tidak kirim promosi lagi')
  await box.press('Enter')
  await expect(box).toHaveValue('')
  await expect(meter(page).getByTestId('meter-today')).toHaveText(rupiah('0'))

  // A paid template to the customer whose window closed: Rp 420, exactly.
  await openConversationSaying(page, /ukuran anak 4 tahun/)
  await expect(page.getByText('only allows an approved template')).toBeVisible()
  await sendOrderUpdate(page, 'INV-4471')
  await expect(meter(page).getByTestId('meter-month')).toHaveText(rupiah('420'))
  await expect(meter(page).getByTestId('meter-today')).toHaveText(rupiah('420'))

  // A small budget: Rp 1.000 a month.
  await page.getByRole('button', { name: 'Costs', exact: true }).click()
  await page.getByLabel('Monthly budget').fill('1000')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(meter(page).getByTestId('meter-budget')).toHaveText(/^Rp\s580 left this month$/)
  await expect(meter(page)).not.toHaveClass(/meter-warning/)

  // The second template crosses 80 %: the meter warns.
  await page.getByRole('button', { name: 'Inbox', exact: true }).click()
  await openConversationSaying(page, /ukuran anak 4 tahun|INV-4471|Iya kak/)
  await sendOrderUpdate(page, 'INV-4472')
  await expect(meter(page).getByTestId('meter-month')).toHaveText(rupiah('840'))
  await expect(meter(page)).toHaveClass(/meter-warning/)
  await expect(meter(page).getByTestId('meter-budget')).toHaveText(/^Rp\s160 left this month$/)
  await page.screenshot({ path: screenshot('costs-warning.png') })

  // The third goes out (the budget was not used up yet) and uses it up.
  await sendOrderUpdate(page, 'INV-4473')
  await expect(meter(page).getByTestId('meter-month')).toHaveText(rupiah('1.260'))
  await expect(meter(page)).toHaveClass(/meter-exceeded/)
  await expect(meter(page).getByTestId('meter-budget')).toHaveText("Month's budget used up")

  // Now a paid message is stopped until the owner says so; then it goes, logged.
  await page
    .getByRole('button', { name: /^(Choose a template|Template)$/ })
    .first()
    .click()
  const picker = page.getByTestId('templates-panel')
  await picker.getByRole('button', { name: /^order_update/ }).click()
  await expect(picker.getByText('Your budget is used up.')).toBeVisible()
  await picker.getByLabel('Value 1').fill('Kak')
  await picker.getByLabel('Value 2').fill('INV-4474')
  await expect(picker.getByRole('button', { name: 'Send template' })).toBeDisabled()
  await page.screenshot({ path: screenshot('costs-stopped.png') })
  await picker.getByRole('button', { name: 'Back to the list' }).click()
  await picker.getByRole('button', { name: 'Close' }).click()
  await sendOrderUpdate(page, 'INV-4474', true)
  await expect(meter(page).getByTestId('meter-month')).toHaveText(rupiah('1.680'))

  // The costs screen: the chart, the tables, and the ledger as CSV.
  await page.getByRole('button', { name: 'Costs', exact: true }).click()
  await expect(page.getByTestId('costs-total')).toContainText(/Rp\s1\.680/)
  await expect(page.getByRole('img', { name: /^Spending per day in / })).toBeVisible()
  await expect(page.getByRole('row', { name: /utility template 4 4 Rp\s1\.680/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /order_update 4 4 Rp\s1\.680/ })).toBeVisible()
  await expect(page.getByText('Sent past a used-up budget: 1')).toBeVisible()
  await page.screenshot({ path: screenshot('costs-screen.png'), fullPage: true })
  const download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^kedai-ledger-\d{4}-\d{2}\.csv$/)
  const rows = readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\r\n')
  expect(rows[0]).toBe(
    'id,time,entry,message_id,category,market,charged,reason,usd_micros,amount,currency',
  )
  const entries = rows.slice(1).map((row) => row.split(','))
  const estimates = entries.filter((cells) => cells[2] === 'estimate')
  expect(estimates.map((cells) => [cells[4], cells[6], cells[8], cells[9]])).toEqual([
    ['service', 'no', '0', '0.00'],
    ['utility', 'yes', '25000', '420.00'],
    ['utility', 'yes', '25000', '420.00'],
    ['utility', 'yes', '25000', '420.00'],
    ['utility', 'yes', '25000', '420.00'],
  ])
  expect(entries.filter((cells) => cells[2] === 'override')).toHaveLength(1)
  expect(entries.every((cells) => cells[10] === 'IDR')).toBe(true)
})

test('a closed window leaves only templates: pick one, fill it, see its price, send, delivered; no marketing to a customer who stopped promotions', async ({
  page,
}) => {
  await createShop(page)
  await openConversationSaying(page, /ukuran anak 4 tahun/)
  const conversation = page.locator('.conversation')
  await expect(page.getByRole('textbox', { name: /^Message to / })).toHaveCount(0)
  await expect(
    conversation.getByText(
      'The customer last wrote more than 24 hours ago, so WhatsApp only allows an approved template.',
    ),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Choose a template' }).click()
  const picker = page.getByTestId('templates-panel')
  await expect(picker.getByRole('button', { name: /^order_update/ })).toBeVisible({
    timeout: 15_000,
  })
  await expect(picker.getByRole('button', { name: /^promo_bulan_ini/ })).toBeVisible()
  await picker.getByRole('button', { name: /^order_update/ }).click()
  // The platform's template says nothing of what {{1}} means: both values are asked for, and
  // the preview shows what is still missing.
  await expect(picker.getByText('2 values still missing')).toBeVisible()
  await expect(picker.getByRole('button', { name: 'Send template' })).toBeDisabled()
  await picker.getByLabel('Value 1').fill('Kak Budi')
  await picker.getByLabel('Value 2').fill('INV-9001')
  await expect(picker.getByTestId('template-preview')).toContainText(
    'Halo Kak Budi, pesanan INV-9001 sudah kami kirim',
  )
  await expect(picker.getByText('Utility', { exact: true })).toBeVisible()
  await expect(picker.getByTestId('template-price')).toHaveText(
    /^Rp\s420: utility template to Indonesia$/,
  )
  await page.screenshot({ path: screenshot('template-picker.png') })
  await picker.getByRole('button', { name: 'Send template' }).click()
  const sent = page.locator('.bubble-out').filter({ hasText: 'INV-9001' })
  await expect(sent).toContainText('Template order_update')
  await expect(sent.getByRole('img', { name: /^(Delivered|Read)$/ })).toBeVisible({
    timeout: 20_000,
  })

  // The customer who said BERHENTI: the promotion is refused, and the picker says why.
  await openConversationSaying(page, /BERHENTI|STOP/)
  await page.getByRole('button', { name: 'Template', exact: true }).click()
  await picker.getByRole('button', { name: /^promo_bulan_ini/ }).click()
  await expect(picker.getByTestId('template-blocked')).toHaveText(
    'This customer asked to stop promotions, so marketing templates cannot be sent to them. Utility templates still can.',
  )
  await expect(picker.getByRole('button', { name: 'Send template' })).toHaveCount(0)
  await page.screenshot({ path: screenshot('template-opted-out.png') })
})
