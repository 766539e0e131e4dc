/**
 * The vault screens as a shop owner meets them. Creating and unlocking derive a key with the real
 * Argon2id (about a second here), so their waits are longer than Playwright's default.
 */
import { expect, type Page } from '@playwright/test'

/** Long enough for the key derivation on a slow machine; never a fixed sleep. */
export const keyDerivationTimeoutMs = 20_000

export const defaultPassphrase = 'kopi susu gula aren'

/** On the "Create your shop" screen of a new data directory: creates it and waits for the inbox. */
export async function createShop(
  page: Page,
  shopName = 'Toko Sari',
  passphrase = defaultPassphrase,
): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Create your shop', level: 1 })).toBeVisible()
  await page.getByLabel('Shop name').fill(shopName)
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await page.getByLabel('Type the passphrase again').fill(passphrase)
  await page.getByRole('button', { name: 'Create my shop' }).click()
  await expectShopOpen(page, shopName)
}

/** On the unlock screen: unlocks and waits for the inbox. */
export async function unlockShop(
  page: Page,
  passphrase = defaultPassphrase,
  shopName = 'Toko Sari',
): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Kedai is locked', level: 1 })).toBeVisible()
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expectShopOpen(page, shopName)
}

export async function expectShopOpen(page: Page, shopName: string): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({
    timeout: keyDerivationTimeoutMs,
  })
  await expect(page.getByText(shopName, { exact: true })).toBeVisible()
}
