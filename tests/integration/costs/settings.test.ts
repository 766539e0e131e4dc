/**
 * Cost settings through core's handlers on a real vault: kept across a restart, refused when
 * wrong without losing the old ones, and Meta's rate card CSV imported to price what is sent.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src-main/core/core'
import { Vault } from '../../../src-main/core/vault/vault'
import { defaultCostSettings } from '../../../src-shared/costs/cost-settings'
import { writeKnownShop } from '../../support/shop-fixture'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'

afterEach(removeTempDataDirs)

async function coreWithShop(dataDir = tempDataDir()): Promise<{ core: Core; dataDir: string }> {
  const vault = await Vault.open({ dataDir, kdf: fastKdf })
  if ((await vault.status()).state === 'new') {
    vault.create('Toko', passphrase)
    writeKnownShop(vault.shop(), Date.now() - 60_000)
  }
  await vault.close()
  const core = await createCore({ dataDir, shell: 'browser', kdf: fastKdf })
  await core.handlers['vault.unlock']({ passphrase })
  return { core, dataDir }
}

const thisQuarter = (() => {
  const now = new Date()
  const month = Math.floor(now.getUTCMonth() / 3) * 3 + 1
  return `${now.getUTCFullYear()}-${String(month).padStart(2, '0')}-01`
})()

describe('cost settings', () => {
  it('start at the defaults, keep the owner’s values across a restart, refuse bad ones', async () => {
    const { core, dataDir } = await coreWithShop()
    expect(await core.handlers['costs.settings']({})).toEqual(defaultCostSettings)
    await core.handlers['costs.updateSettings']({
      currency: 'idr',
      exchangeRate: { rate: '16835.50', date: '2026-11-15' },
      monthlyBudgetMinor: 50_000_000,
      smsRateMinor: 35_000,
      pricing: { utilityInsideServiceWindow: 'free' },
    })
    await core.close()
    const again = (await coreWithShop(dataDir)).core
    const kept = await again.handlers['costs.settings']({})
    expect(kept).toMatchObject({
      currency: 'IDR',
      exchangeRate: { rate: '16835.50', date: '2026-11-15' },
      monthlyBudgetMinor: 50_000_000,
      smsRateMinor: 35_000,
      pricing: { utilityInsideServiceWindow: 'free' },
    })
    expect(() =>
      again.handlers['costs.updateSettings']({ exchangeRate: { rate: '-1', date: '2026-11-15' } }),
    ).toThrow()
    expect(await again.handlers['costs.settings']({})).toEqual(kept)
    await again.close()
  })

  it("imports Meta's CSV: the card prices what is sent from its date; bad rows are listed", async () => {
    const { core } = await coreWithShop()
    const [conversation] = await core.handlers['inbox.conversations']({ limit: 5 })
    await core.handlers['costs.updateSettings']({ pricing: { freeServiceMessagesPerMonth: 0 } })
    const csv = [
      'WhatsApp Business Platform rate card (USD)',
      'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
      'Indonesia,USD,$0.0500,$0.0300,$0.0300,$0.1360,$0.0300',
      'Atlantis,USD,0.1,0.1,0.1,,0.1',
    ].join('\n')
    const imported = await core.handlers['costs.importRateCard']({
      csv,
      effectiveFrom: thisQuarter,
    })
    expect(imported).toMatchObject({ kept: true, effectiveFrom: thisQuarter, markets: 1 })
    expect(imported.errors.map((error) => [error.line, error.code])).toEqual([[4, 'unknownMarket']])
    expect(imported.settings.rateCards).toHaveLength(1)
    const quote = await core.handlers['costs.quote']({ conversationId: conversation!.id })
    expect(quote).toMatchObject({ charged: true, reason: 'serviceCharged', usdMicros: 30_000 })

    const nothing = await core.handlers['costs.importRateCard']({ csv: 'not a rate card' })
    expect(nothing).toMatchObject({ kept: false, markets: 0 })
    expect(nothing.settings.rateCards).toHaveLength(1)
    await core.close()
  })
})
