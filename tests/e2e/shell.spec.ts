import { expect, test } from '@playwright/test'
import { startKedai, type RunningKedai } from './support/kedai'

let kedai: RunningKedai

test.beforeEach(async () => {
  kedai = await startKedai()
})
test.afterEach(async () => {
  await kedai.stop()
})

test('browser mode opens the app and reaches core through the bridge', async ({ page }) => {
  await page.goto(kedai.url)
  await expect(page.getByTestId('version')).toContainText('(browser)')
  await page.screenshot({ path: 'test-results/shell.png' })
})
