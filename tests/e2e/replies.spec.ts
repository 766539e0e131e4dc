/**
 * Quick replies and templates in real Chromium against browser-mode Kedai in demo mode (its own
 * relay and Cloud API emulator on loopback). A quick reply is made, used with "/" and a variable
 * in a conversation, edited, deleted and brought back; a quick reply with a photo is sent and
 * delivered; a template is written, its broken rule
 * named, fixed, sent for approval and approved by the emulator's review.
 */
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

/** A real 1x1 PNG. */
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

const nav = (page: Page) => page.getByRole('navigation')
const quickReply = (page: Page, shortcut: string) =>
  page.getByRole('group', { name: `Actions for ${shortcut}` })

async function openReplies(page: Page, tab: 'Quick replies' | 'Templates'): Promise<void> {
  await nav(page).getByRole('button', { name: 'Replies' }).click()
  await expect(page.getByRole('heading', { name: 'Replies', level: 1 })).toBeVisible()
  await page.getByRole('tab', { name: tab }).click()
}

/** Opens the first conversation whose window is open (the demo starts with three). */
async function openConversationWithOpenWindow(page: Page): Promise<void> {
  const rows = page
    .getByRole('listbox', { name: 'Conversations, newest first' })
    .getByRole('option')
  // The demo's first batch is five; more customers keep arriving while the test runs.
  await expect(rows.nth(4)).toBeVisible({ timeout: 20_000 })
  const count = await rows.count()
  for (let index = 0; index < count; index++) {
    await rows.nth(index).click()
    if (await page.getByRole('textbox', { name: /^Message to / }).isVisible()) return
  }
  throw new Error('no conversation with an open window')
}

test('a quick reply is made, used with "/" and a variable, edited, deleted and brought back', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await createShop(page)

  await openReplies(page, 'Quick replies')
  // A new shop starts with the starter set in the owner's language.
  await expect(quickReply(page, '/hello')).toBeVisible()
  await page.getByRole('button', { name: 'New quick reply' }).click()
  await page.getByLabel('Shortcut').fill('/Ongkir Bandung')
  await page
    .getByLabel('Text', { exact: true })
    .fill('Ongkir ke {{kota}} Rp 20.000 ya Kak {{first_name}}')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(
    page.getByText('A shortcut may only have letters a–z, digits, - and _, with no spaces.'),
  ).toBeVisible()
  await page.getByLabel('Shortcut').fill('/ongkir')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('/ongkir saved.')).toBeVisible()
  await expect(quickReply(page, '/ongkir')).toBeVisible()

  await nav(page).getByRole('button', { name: 'Inbox' }).click()
  await openConversationWithOpenWindow(page)
  const box = page.getByRole('textbox', { name: /^Message to / })
  await box.pressSequentially('/ong')
  const list = page.getByRole('listbox', { name: 'Quick replies' })
  await expect(list.getByRole('option')).toHaveCount(1)
  await expect(list.getByRole('option').first()).toContainText('/ongkir')
  await page.screenshot({ path: screenshot('replies-slash-picker.png') })
  await box.press('Enter')
  // {{kota}} is the owner's own variable: asked for, never sent as a placeholder.
  const ask = page.getByRole('form', { name: 'Fill in for /ongkir' })
  await expect(ask).toBeVisible()
  await ask.getByLabel('kota').fill('Bandung')
  await page.screenshot({ path: screenshot('replies-fill-variable.png') })
  await ask.getByRole('button', { name: 'Insert' }).click()
  await expect(box).toHaveValue(/^Ongkir ke Bandung Rp 20\.000 ya Kak \p{L}+$/u)
  const sent = await box.inputValue()
  await box.press('Enter')
  await expect(box).toHaveValue('')
  await expect(page.getByText(sent, { exact: true })).toBeVisible()

  await openReplies(page, 'Quick replies')
  await expect(page.getByText('Used once')).toBeVisible()
  await quickReply(page, '/ongkir').getByRole('button', { name: 'Edit' }).click()
  await page.getByLabel('Text', { exact: true }).fill('Ongkir ke {{kota}} Rp 25.000 ya Kak')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Ongkir ke {{kota}} Rp 25.000 ya Kak')).toBeVisible()

  await quickReply(page, '/ongkir').getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByText('/ongkir deleted.')).toBeVisible()
  await expect(quickReply(page, '/ongkir')).toHaveCount(0)
  await page.screenshot({ path: screenshot('replies-undo-delete.png') })
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(quickReply(page, '/ongkir')).toBeVisible()
  await expect(page.getByText('/ongkir is back.')).toBeVisible()
})

test('a quick reply carries a photo: a GIF refused, a PNG attached, sent from "/" and delivered', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await createShop(page)
  await openReplies(page, 'Quick replies')
  await page.getByRole('button', { name: 'New quick reply' }).click()
  await page.getByLabel('Shortcut').fill('/harga')
  await page.getByLabel('Text', { exact: true }).fill('Ini daftar harga kami, Kak {{first_name}}')

  async function choose(file: { name: string; mimeType: string; buffer: Buffer }) {
    const chooser = page.waitForEvent('filechooser')
    await page
      .getByRole('button', { name: /^(Attach a photo or document|Choose another file)$/ })
      .click()
    await (await chooser).setFiles(file)
  }
  await choose({ name: 'animasi.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') })
  await expect(page.getByText('This kind of file cannot be sent.', { exact: false })).toBeVisible()
  await choose({ name: 'daftar-harga.png', mimeType: 'image/png', buffer: onePixelPng })
  await expect(
    page.getByRole('button', { name: 'Remove the photo daftar-harga.png' }),
  ).toBeVisible()
  await expect(page.getByText('characters (a caption)', { exact: false })).toBeVisible()
  await page.screenshot({ path: screenshot('replies-attach-photo.png') })
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('/harga saved.')).toBeVisible()
  await expect(quickReply(page, '/harga')).toBeVisible()
  await expect(page.getByText('with photo')).toBeVisible()

  // In a conversation: "/" brings the text and the photo; both go, the photo uploaded on the way.
  await nav(page).getByRole('button', { name: 'Inbox' }).click()
  await openConversationWithOpenWindow(page)
  const box = page.getByRole('textbox', { name: /^Message to / })
  await box.pressSequentially('/harga')
  await box.press('Enter')
  await expect(box).toHaveValue(/^Ini daftar harga kami, Kak \p{L}+$/u)
  await expect(page.getByRole('button', { name: 'Remove attachment' })).toBeVisible()
  const caption = await box.inputValue()
  await box.press('Enter')
  await expect(box).toHaveValue('')
  await expect(page.getByRole('button', { name: 'Remove attachment' })).toHaveCount(0)
  const bubble = page.locator('.bubble-out').filter({ hasText: caption })
  await expect(bubble).toContainText('Sent from your quick replies.')
  await expect(bubble.getByRole('img', { name: /Delivered|Read/ })).toBeVisible({
    timeout: 20_000,
  })
  await page.screenshot({ path: screenshot('replies-photo-sent.png') })
})

test('a template is written, its broken rule named, fixed, sent and approved', async ({ page }) => {
  test.setTimeout(90_000)
  await createShop(page)
  await openReplies(page, 'Templates')
  // The demo shop's approved templates come from the platform when the link starts.
  await expect(page.getByText('order_update')).toBeVisible({ timeout: 20_000 })

  await page.getByRole('button', { name: 'New template' }).click()
  await page.getByLabel('Name', { exact: true }).fill('info_pengiriman')
  await page.getByLabel('Body', { exact: true }).fill('{{1}} paket Kakak dikirim hari ini.')
  await expect(page.getByText('Body: it starts with {{1}}; begin with words.')).toBeVisible()
  await expect(page.getByText('Body: give an example value for {{1}}.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Send for approval' })).toBeDisabled()
  await page.screenshot({ path: screenshot('replies-template-broken-rule.png'), fullPage: true })

  await page.getByLabel('Body', { exact: true }).fill('Halo {{1}}, paket Kakak dikirim hari ini.')
  await page.getByLabel('Example for {{1}}').fill('Siti')
  await expect(page.getByText('Ready to send for approval.')).toBeVisible()
  await expect(page.locator('.template-bubble')).toHaveText(
    'Halo Siti, paket Kakak dikirim hari ini.',
  )
  await page.getByRole('button', { name: 'Send for approval' }).click()
  await expect(page.getByText('Sent to WhatsApp for approval.')).toBeVisible()
  await expect(page.getByText('Waiting for approval', { exact: true })).toBeVisible()
  // The emulator reviews by the same rules and answers with the platform's webhook.
  await expect(page.getByText('Approved', { exact: true })).toBeVisible({ timeout: 20_000 })
  // Approved, it can no longer be edited: the form is read-only and the rules box is gone.
  await expect(page.getByText('Ready to send for approval.')).toHaveCount(0)
  await expect(page.getByLabel('Body', { exact: true })).toBeDisabled()
  await page.getByRole('heading', { name: 'info_pengiriman' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: screenshot('replies-template-approved.png') })

  await page.getByRole('button', { name: 'Back to templates' }).click()
  const row = page.getByRole('listitem').filter({ hasText: 'info_pengiriman' })
  await expect(row).toContainText('Approved')
  await expect(row).toContainText('Utility')
})
