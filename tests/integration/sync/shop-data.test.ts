/**
 * The shop's own data on two real devices through one relay and the emulator: quick replies
 * made, edited, used, deleted and restored on either; a template draft; cost settings and a
 * budget; template replies priced on both, the platform's statuses settling both meters to the
 * same sums, and a budget override made on one device counted on the other.
 */
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core/core'
import { rateCardOn, utcDateOf } from '../../../src-shared/pricing'
import type { TemplateDraft } from '../../../src-shared/templates'
import { eventually } from '../../support/eventually'
import { afterSync, conversationOf, firstDevice, pairSecond, startWorld } from './sync-world'
import { refusal } from '../../support/core-calls'

const shortcuts = async (core: Core) =>
  (await core.handlers['quickReplies.list']({})).map((q) => ({
    shortcut: q.shortcut,
    text: q.text,
    order: q.order,
    usageCount: q.usageCount,
  }))

async function templateId(core: Core, name: string): Promise<string> {
  return eventually(async () => {
    // Each device pulls the platform's list itself.
    const found = (await core.handlers['templates.refresh']({})).find((t) => t.name === name)
    if (!found || found.status.state !== 'approved') throw new Error(`${name} not approved yet`)
    return found.id
  })
}

describe('shop data on two devices', () => {
  it('quick replies made, edited, used and deleted on either show the same on both', async () => {
    const world = await startWorld()
    const counter = await firstDevice(world)
    const { second: laptop } = await pairSecond(world, counter)

    const made = await counter.handlers['quickReplies.save']({
      draft: { shortcut: 'ongkir', text: 'Ongkir ke {{city}} Rp 15.000' },
    })
    if (!made.ok) throw new Error('not saved')
    const id = made.quickReply.id
    await afterSync([counter, laptop], async () => {
      expect(await shortcuts(laptop)).toEqual([
        { shortcut: 'ongkir', text: 'Ongkir ke {{city}} Rp 15.000', order: 0, usageCount: 0 },
      ])
    })

    // Edited on the laptop; used once on each device: the count is the shop's.
    const edited = await laptop.handlers['quickReplies.save']({
      id,
      draft: { shortcut: 'ongkir', text: 'Ongkir ke {{city}} Rp 12.000' },
    })
    expect(edited.ok).toBe(true)
    await laptop.handlers['quickReplies.recordUse']({ id })
    await counter.handlers['quickReplies.recordUse']({ id })
    await afterSync([laptop, counter, laptop], async () => {
      const onCounter = await shortcuts(counter)
      expect(onCounter).toEqual([
        { shortcut: 'ongkir', text: 'Ongkir ke {{city}} Rp 12.000', order: 0, usageCount: 2 },
      ])
      expect(await shortcuts(laptop)).toEqual(onCounter)
    })

    // Deleted on the counter: gone on the laptop; the undo brings it back on both.
    await counter.handlers['quickReplies.delete']({ id })
    await afterSync([counter, laptop], async () => {
      expect(await shortcuts(laptop)).toEqual([])
    })
    await counter.handlers['quickReplies.undoDelete']({ id })
    await afterSync([counter, laptop], async () => {
      expect((await shortcuts(laptop)).map((q) => q.text)).toEqual(['Ongkir ke {{city}} Rp 12.000'])
    })
    await counter.handlers['quickReplies.delete']({ id })
    await afterSync([counter, laptop], async () => {
      expect(await shortcuts(laptop)).toEqual([])
      expect(await shortcuts(counter)).toEqual([])
    })

    // A template draft written on the laptop is on the counter, still a draft.
    const draft: TemplateDraft = {
      name: 'stok_datang',
      language: 'id',
      category: 'UTILITY',
      header: { kind: 'none' },
      body: { text: 'Halo {{1}}, stok yang ditunggu sudah datang.', examples: { 1: 'Siti' } },
      buttons: [],
    }
    const saved = await laptop.handlers['templates.save']({ draft })
    if (!saved.ok) throw new Error('draft not saved')
    await afterSync([laptop, counter], async () => {
      const there = (await counter.handlers['templates.list']({})).find(
        (t) => t.id === saved.template.id,
      )
      expect(there).toMatchObject({
        name: 'stok_datang',
        status: { state: 'draft' },
        body: draft.body,
      })
    })
  })

  it('budgets, template prices, statuses and overrides agree on both meters', async () => {
    const world = await startWorld()
    const counter = await firstDevice(world)
    // Her window closed a day ago: only templates can reach her, and they cost money.
    await world.emulator.customerWrites({
      from: '+6281234500051',
      name: 'Siti Rahma',
      message: 'Pesanan saya kapan dikirim?',
      at: Date.now() - 30 * 3600_000,
    })
    const { second: laptop } = await pairSecond(world, counter)
    const sitiHere = await conversationOf(counter, '+6281234500051')
    const sitiThere = await conversationOf(laptop, '+6281234500051')
    const utility = rateCardOn(utcDateOf(Date.now()))!.ratesUsdMicros.indonesia!.utility

    // A budget set on the counter is the laptop's too (Rp 300: one utility template uses it up).
    await counter.handlers['costs.updateSettings']({ dailyBudgetMinor: 300 })
    await afterSync([counter, laptop], async () => {
      expect((await laptop.handlers['costs.settings']({})).dailyBudgetMinor).toBe(300)
    })

    const sent = await counter.handlers['inbox.sendTemplate']({
      conversationId: sitiHere.id,
      templateId: await templateId(counter, 'order_update'),
      values: { 'body.1': 'Siti', 'body.2': 'INV-4471' },
    })
    // Priced on the laptop from the counter's estimate, then settled by the platform's statuses.
    const settled = await afterSync([counter, laptop], async () => {
      const here = await counter.handlers['costs.meter']({})
      const there = await laptop.handlers['costs.meter']({})
      expect(here.unconfirmed).toBe(0)
      expect(there).toEqual(here)
      return there
    })
    expect(settled.monthUsdMicros).toBe(utility)
    expect(settled.budget).toMatchObject({ period: 'day', level: 'exceeded' })
    const onLaptop = (
      await laptop.handlers['inbox.messages']({ conversationId: sitiThere.id, limit: 50 })
    ).filter((m) => m.clientId === sent.clientId)
    expect(onLaptop).toHaveLength(1)

    // The budget applies on the laptop: refused, then sent on the owner's word.
    const laptopTemplate = await templateId(laptop, 'order_update')
    expect(laptopTemplate).toBe(await templateId(counter, 'order_update'))
    const refused = await refusal(() =>
      laptop.handlers['inbox.sendTemplate']({
        conversationId: sitiThere.id,
        templateId: laptopTemplate,
        values: { 'body.1': 'Siti', 'body.2': 'INV-4472' },
      }),
    )
    expect(refused.code).toBe('BUDGET_EXCEEDED')
    await laptop.handlers['inbox.sendTemplate']({
      conversationId: sitiThere.id,
      templateId: laptopTemplate,
      values: { 'body.1': 'Siti', 'body.2': 'INV-4472' },
      overrideBudget: true,
    })
    await afterSync([laptop, counter], async () => {
      const here = await counter.handlers['costs.meter']({})
      expect(here.unconfirmed).toBe(0)
      expect(here.monthUsdMicros).toBe(2 * utility)
      expect(await laptop.handlers['costs.meter']({})).toEqual(here)
      // The summary too, but for the customer's row id, which each device has its own of.
      const summary = async (core: Core) => {
        const { byCustomer, ...rest } = await core.handlers['costs.summary']({})
        return { ...rest, byCustomer: byCustomer.map(({ key: _key, ...row }) => row) }
      }
      const summaryHere = await summary(counter)
      expect(summaryHere.overrides).toBe(1)
      expect(await summary(laptop)).toEqual(summaryHere)
    })
    // The ledgers hold the same entries, line for line (but for each device's own message row id).
    const csv = async (core: Core) =>
      (await core.handlers['costs.exportCsv']({})).csv
        .trim()
        .split('\r\n')
        .map((line) => line.split(',').toSpliced(3, 1).join(','))
    const lines = await csv(counter)
    expect(lines.filter((line) => /,(estimate|confirmation|override),/.test(line))).toHaveLength(5)
    expect(await csv(laptop)).toEqual(lines)
    // Each reply went to the platform once.
    expect(world.emulator.sentMessages().filter((m) => m.clientId === sent.clientId)).toHaveLength(
      1,
    )
  })
})
