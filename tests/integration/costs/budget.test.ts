/**
 * Budgets through core's handlers on a real vault: replies made chargeable (no free service
 * allowance, as October 2026's policy allows the owner to set), a warning at 80 %, a refusal at
 * 100 % with BUDGET_EXCEEDED, an override logged in the ledger, free messages never blocked.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src-main/core/core'
import { rateCardOn, utcDateOf } from '../../../src-shared/pricing'
import { usdMicrosToMinor } from '../../../src-shared/money'
import { Vault } from '../../../src-main/core/vault/vault'
import { writeKnownShop } from '../../support/shop-fixture'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'
import { refusal } from '../../support/core-calls'

afterEach(removeTempDataDirs)

async function coreWithShop(): Promise<{ core: Core; conversationId: string }> {
  const dataDir = tempDataDir()
  const vault = await Vault.open({ dataDir, kdf: fastKdf })
  vault.create('Toko', passphrase)
  const { conversationId } = writeKnownShop(vault.shop(), Date.now() - 60_000)
  await vault.close()
  const core = await createCore({ dataDir, shell: 'browser', kdf: fastKdf })
  await core.handlers['vault.unlock']({ passphrase })
  return { core, conversationId }
}

describe('budgets', () => {
  it('warns at 80 %, stops at 100 %, and lets an explicit override through, logged', async () => {
    const { core, conversationId } = await coreWithShop()
    const utility = rateCardOn(utcDateOf(Date.now()))!.ratesUsdMicros.indonesia!.utility
    const replyMinor = usdMicrosToMinor(utility, 16_800, 'IDR')
    // Two replies are 84 % of the budget, the third crosses it.
    const budget = Math.ceil((replyMinor * 2) / 0.84)
    await core.handlers['costs.updateSettings']({
      exchangeRate: { rate: 16_800, date: '2026-11-01' },
      monthlyBudgetMinor: budget,
      pricing: { freeServiceMessagesPerMonth: 0 },
    })
    const quote = await core.handlers['costs.quote']({ conversationId })
    expect(quote).toMatchObject({ charged: true, reason: 'serviceCharged', usdMicros: utility })
    expect(quote.minor).toBe(replyMinor)

    await core.handlers['inbox.sendText']({ conversationId, text: 'satu' })
    expect((await core.handlers['costs.meter']({})).budget?.level).toBe('ok')
    await core.handlers['inbox.sendText']({ conversationId, text: 'dua' })
    const warned = await core.handlers['costs.meter']({})
    expect(warned.monthMinor).toBe(replyMinor * 2)
    expect(warned.budget).toMatchObject({ level: 'warning', period: 'month' })
    await core.handlers['inbox.sendText']({ conversationId, text: 'tiga' })
    expect((await core.handlers['costs.meter']({})).budget?.level).toBe('exceeded')
    expect((await core.handlers['costs.quote']({ conversationId })).blockedByBudget).toBe(true)

    const stopped = await refusal(() =>
      core.handlers['inbox.sendText']({ conversationId, text: 'empat' }),
    )
    expect(stopped.code).toBe('BUDGET_EXCEEDED')
    expect(stopped.message).toMatch(/month's budget is used up/)
    expect(stopped.message).toMatch(/Rp/)
    const before = (await core.handlers['inbox.messages']({ conversationId, limit: 50 })).length

    await core.handlers['inbox.sendText']({ conversationId, text: 'empat', overrideBudget: true })
    expect((await core.handlers['inbox.messages']({ conversationId, limit: 50 })).length).toBe(
      before + 1,
    )
    const summary = await core.handlers['costs.summary']({})
    expect(summary.overrides).toBe(1)
    expect(summary.totalMinor).toBe(replyMinor * 4)
    const csv = (await core.handlers['costs.exportCsv']({})).csv.trim().split('\r\n')
    expect(csv.filter((row) => row.includes(',override,'))).toHaveLength(1)
    expect(csv.filter((row) => row.includes(',estimate,'))).toHaveLength(4)
    await core.close()
  })

  it('never blocks a free message, and a day budget counts too', async () => {
    const { core, conversationId } = await coreWithShop()
    await core.handlers['costs.updateSettings']({
      dailyBudgetMinor: 1,
      pricing: { freeServiceMessagesPerMonth: 0 },
    })
    await core.handlers['inbox.sendText']({ conversationId, text: 'dibayar' })
    const meter = await core.handlers['costs.meter']({})
    expect(meter.budget).toMatchObject({ period: 'day', level: 'exceeded', leftMinor: 0 })
    const stopped = await refusal(() =>
      core.handlers['inbox.sendText']({ conversationId, text: 'lagi' }),
    )
    expect(stopped.message).toMatch(/Today's budget/)
    // Free again (the allowance back at its default): goes out although the budget is used up.
    await core.handlers['costs.updateSettings']({ pricing: {} })
    const free = await core.handlers['costs.quote']({ conversationId })
    expect(free).toMatchObject({
      charged: false,
      reason: 'serviceAllowance',
      blockedByBudget: false,
    })
    await core.handlers['inbox.sendText']({ conversationId, text: 'gratis' })
    await core.close()
  })
})
