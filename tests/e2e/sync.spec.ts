/**
 * Two browser-mode Kedai instances (separate data directories) and one real relay with the
 * Cloud API emulator on 127.0.0.1, as two computers of one shop: the counter joins the relay
 * with the operator's enrolment code, the laptop joins the shop with the counter's one-time
 * pairing code (first mistyped, then the text read from the pairing QR's pixels), the relay goes away while the counter replies, comes back, and the reply shows on
 * both; then the counter removes the laptop, which is told in plain words.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startEmulator, type Emulator } from '../../src-relay/emulator/start-emulator'
import { startRelay, type Relay } from '../../src-relay/relay/start-relay'
import { pairingLinkOf } from '../../src-shared/sync/pairing-link'
import { startKedai, type RunningKedai } from './support/kedai'
import { readQr } from './support/read-qr'
import { watchPageProblems } from './support/page-problems'
import {
  createShop,
  defaultPassphrase,
  expectShopOpen,
  keyDerivationTimeoutMs,
} from './support/shop'

const root = resolve(__dirname, '../..')
const screenshot = (name: string) => resolve(root, 'test-results', name)
const secrets = { appSecret: 'e2e-app-secret', verifyToken: 'e2e-verify', accessToken: 'e2e-token' }
const phoneNumberId = '100200300400700'
const shopName = 'Toko Sari'

let emulator: Emulator
let relay: Relay
let relayDir: string
let counter: RunningKedai
let laptop: RunningKedai

async function openRelay(port = 0): Promise<Relay> {
  const started = await startRelay({
    ...secrets,
    dataDir: relayDir,
    phoneNumberId,
    graphUrl: emulator.url,
    port,
  })
  emulator.setWebhookUrl(started.webhookUrl)
  return started
}

test.beforeEach(async () => {
  relayDir = mkdtempSync(join(tmpdir(), 'kedai-e2e-relay-'))
  emulator = await startEmulator({ ...secrets, phoneNumberId, seed: 5 })
  relay = await openRelay()
  counter = await startKedai()
  laptop = await startKedai()
})

test.afterEach(async () => {
  await counter.stop()
  await laptop.stop()
  await relay.close().catch(() => undefined)
  await emulator.close()
  rmSync(relayDir, { recursive: true, force: true })
})

const indicator = (page: Page) => page.getByRole('region', { name: 'Sync' })
const list = (page: Page) => page.getByRole('listbox', { name: 'Conversations, newest first' })
const meter = (page: Page) => page.getByTestId('cost-meter')
const composerBox = (page: Page) => page.getByRole('textbox', { name: /^Message to / })

async function openScreen(page: Page, name: 'Inbox' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click()
}

test('a second computer joins by pairing code, and a reply written offline reaches both', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const counterPage = await (await browser.newContext()).newPage()
  const laptopPage = await (await browser.newContext()).newPage()
  const problems = [
    ...(await watchPageProblems(counterPage)),
    ...(await watchPageProblems(laptopPage)),
  ]

  // The counter: a new shop, then its relay with the operator's enrolment code.
  await counterPage.goto(counter.url)
  await createShop(counterPage, shopName)
  await expect(indicator(counterPage)).toContainText('Not connected')
  await openScreen(counterPage, 'Settings')
  const enrol = counterPage.getByRole('form', { name: 'Connect this shop to its relay' })
  await enrol.getByLabel('Relay address').fill(relay.url)
  await enrol.getByLabel('Enrolment code').fill((await relay.createInvite()).code)
  await enrol.getByRole('button', { name: 'Connect' }).click()
  await expect(indicator(counterPage)).toContainText('Online', { timeout: 15_000 })

  await emulator.customerWrites({
    from: '+6281234500031',
    name: 'Siti',
    message: 'Halo kak, ready?',
  })

  // "Add a device": a one-time code, large, with its expiry counting down.
  await counterPage.getByRole('button', { name: 'Add a device' }).click()
  const codeText = counterPage.getByTestId('pairing-code')
  await expect(codeText).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/, {
    timeout: keyDerivationTimeoutMs,
  })
  const code = (await codeText.textContent())?.trim() ?? ''
  const expiry = counterPage.getByText(/^Expires in \d+:\d\d$/)
  const firstExpiry = await expiry.textContent()
  await expect(expiry).not.toHaveText(firstExpiry ?? '', { timeout: 5_000 })
  await expect(counterPage.getByText(relay.url)).toBeVisible()
  // The QR, read from its pixels, is the relay address and this very code.
  const qrText = readQr(await counterPage.getByTestId('pairing-qr').screenshot())
  expect(qrText).toBe(pairingLinkOf({ relayUrl: relay.url, code }))
  await counterPage.screenshot({ path: screenshot('sync-pairing-code.png'), fullPage: true })

  // The laptop: a fresh install joins with a wrong code first, then the right one.
  await laptopPage.goto(laptop.url)
  await laptopPage.getByRole('button', { name: 'Join an existing shop' }).click()
  const join = laptopPage.getByRole('form', { name: 'Join an existing shop' })
  await join.getByLabel('Relay address').fill(relay.url)
  await join.getByLabel('Pairing code').fill('AAAA-BBBB-CCCC-DDDD')
  await join.getByLabel('New passphrase for this computer').fill(defaultPassphrase)
  await join.getByLabel('Type the passphrase again').fill(defaultPassphrase)
  await join.getByRole('button', { name: 'Join the shop' }).click()
  await expect(join.getByRole('alert')).toContainText('wrong, has expired', {
    timeout: keyDerivationTimeoutMs,
  })
  await laptopPage.screenshot({ path: screenshot('sync-join-wrong-code.png'), fullPage: true })
  // The QR's text pasted as the code fills in the relay address and the code.
  await join.getByLabel('Relay address').fill('')
  await join.getByLabel('Pairing code').fill(qrText ?? '')
  await expect(join.getByLabel('Relay address')).toHaveValue(relay.url)
  await expect(join.getByLabel('Pairing code')).toHaveValue(code)
  await join.getByRole('button', { name: 'Join the shop' }).click()
  await expectShopOpen(laptopPage, shopName)
  await expect(list(laptopPage).getByRole('option').filter({ hasText: 'Siti' })).toBeVisible({
    timeout: 15_000,
  })
  await expect(indicator(laptopPage)).toContainText('Online')

  // Both computers are listed on the counter.
  await expect(
    counterPage.getByRole('listitem').filter({ hasText: '(this computer)' }),
  ).toHaveCount(1)
  await openScreen(counterPage, 'Inbox')
  await openScreen(counterPage, 'Settings')
  await expect(counterPage.getByRole('button', { name: /^Remove / })).toHaveCount(1)

  // The relay goes away; the counter keeps working and queues the reply.
  const port = relay.port
  await relay.close()
  await openScreen(counterPage, 'Inbox')
  await counterPage.getByRole('button', { name: 'Sync now' }).click()
  await expect(indicator(counterPage)).toContainText('Offline', { timeout: 15_000 })
  await expect(indicator(counterPage)).toContainText(/since \d/)
  await list(counterPage).getByRole('option').filter({ hasText: 'Siti' }).click()
  const reply = `Siap kak, kami kirim hari ini 📦 ${Date.now()}`
  await composerBox(counterPage).fill(reply)
  await composerBox(counterPage).press('Enter')
  const queued = counterPage
    .getByRole('log', { name: /^Messages with / })
    .locator('.bubble-out')
    .filter({ hasText: reply })
  await expect(queued.getByRole('img', { name: 'Waiting to be sent' })).toBeVisible()
  await expect(indicator(counterPage)).toContainText('1 reply will send when online')
  await counterPage.screenshot({ path: screenshot('sync-offline-queued.png') })

  // Back online on the same address: the reply goes out and reaches the laptop too.
  relay = await openRelay(port)
  await counterPage.getByRole('button', { name: 'Sync now' }).click()
  await expect(indicator(counterPage)).toContainText('Online', { timeout: 15_000 })
  await expect(indicator(counterPage)).not.toContainText('will send')
  await expect(queued.getByRole('img', { name: 'Waiting to be sent' })).toHaveCount(0, {
    timeout: 15_000,
  })
  await counterPage.screenshot({ path: screenshot('sync-back-online.png') })
  expect(emulator.sentMessages().filter((m) => JSON.stringify(m).includes(reply))).toHaveLength(1)

  await laptopPage.getByRole('button', { name: 'Sync now' }).click()
  await list(laptopPage).getByRole('option').filter({ hasText: 'Siti' }).click()
  await expect(
    laptopPage
      .getByRole('log', { name: /^Messages with / })
      .locator('.bubble-out')
      .filter({ hasText: reply }),
  ).toHaveCount(1, { timeout: 15_000 })
  await laptopPage.screenshot({ path: screenshot('sync-laptop-sees-reply.png') })

  // The meter: the free reply moved nothing on either; a paid marketing template sent on the
  // counter is priced on both (its estimate travels with it), then settled by the platform.
  await expect(meter(counterPage).getByTestId('meter-month')).toHaveText(/^Rp\s0$/)
  await expect(meter(laptopPage).getByTestId('meter-month')).toHaveText(/^Rp\s0$/)
  await counterPage
    .getByRole('button', { name: /^(Choose a template|Template)$/ })
    .first()
    .click()
  const picker = counterPage.getByTestId('templates-panel')
  await picker.getByRole('button', { name: /^promo_bulan_ini/ }).click({ timeout: 15_000 })
  await picker.getByLabel('Value first_name').fill('Siti')
  await picker.getByLabel('Value discount').fill('20%')
  await expect(picker.getByTestId('template-price')).toHaveText(
    /^Rp\s[\d.]+: marketing template to Indonesia$/,
  )
  const price = (await picker.getByTestId('template-price').innerText()).split(':')[0]!
  await picker.getByRole('button', { name: 'Send template' }).click()
  await expect(picker).toBeHidden()
  await expect(meter(counterPage).getByTestId('meter-month')).toHaveText(price)
  await laptopPage.getByRole('button', { name: 'Sync now' }).click()
  await expect(meter(laptopPage).getByTestId('meter-month')).toHaveText(price, { timeout: 15_000 })
  await expect(meter(laptopPage).getByTestId('meter-today')).toHaveText(
    await meter(counterPage).getByTestId('meter-today').innerText(),
  )
  // The laptop's open conversation shows the template too, without being opened again.
  await expect(
    laptopPage.getByRole('log', { name: /^Messages with / }).locator('.bubble-out'),
  ).toHaveCount(2, { timeout: 15_000 })
  await laptopPage.screenshot({ path: screenshot('sync-laptop-meter.png') })

  // The counter removes the laptop, after a confirmation; the laptop is told what happened.
  await openScreen(counterPage, 'Settings')
  await counterPage.getByRole('button', { name: /^Remove / }).click()
  await counterPage.getByRole('button', { name: 'Yes, remove it' }).click()
  await expect(counterPage.getByText(/was removed from the shop\.$/)).toBeVisible()
  await laptopPage.getByRole('button', { name: 'Sync now' }).click()
  await expect(laptopPage.getByRole('alert')).toContainText(
    'The shop’s relay no longer accepts this computer.',
    { timeout: 15_000 },
  )
  await expect(indicator(laptopPage)).toContainText('Refused')
  await laptopPage.screenshot({ path: screenshot('sync-laptop-refused.png') })

  expect(problems).toEqual([])
})
