/**
 * The ledger through core's real paths on a real vault: an estimate written with every queued
 * reply, the platform's confirmations from status webhooks (the real fixtures, parsed by the
 * relay's parser and applied by the desktop's apply path), and the ledger refusing edits.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src-main/core/core'
import { costSummary } from '../../../src-main/core/costs/cost-summary'
import { entriesOfMessage } from '../../../src-main/core/costs/ledger'
import { meterOf } from '../../../src-main/core/costs/meter'
import { localDateOf, monthKeyOf, monthPeriod } from '../../../src-main/core/costs/periods'
import { applyInboxEvents } from '../../../src-main/core/link/apply-inbox-events'
import { ensureConversation } from '../../../src-main/core/inbox/conversations'
import { upsertCustomer } from '../../../src-main/core/inbox/customers'
import { queueReply, recordOutcome } from '../../../src-main/core/outbox/outbox'
import { Vault } from '../../../src-main/core/vault/vault'
import { recipientOf } from '../../../src-shared/markets'
import { chargeFromStatusPricing, rateCardOn, rateOf, utcDateOf } from '../../../src-shared/pricing'
import { parseWebhook, type StatusEvent } from '../../../src-shared/whatsapp'
import { writeKnownShop } from '../../support/shop-fixture'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'

afterEach(removeTempDataDirs)

const fixtureDir = resolve(__dirname, '../../../../shared/fixtures/whatsapp')
const statusFixtures = [
  'realcapture_webhook_status_read_pmp_free_customer_service.json',
  'realcapture_webhook_status_sent_cbp_service_india_2023-11.json',
  'realcapture_webhook_status_sent_pmp_free_customer_service.json',
  'meta_webhook_status_failed_131049.json',
  'meta_webhook_status_sent_marketing_pmp.json',
]

function statusesOf(name: string): StatusEvent[] {
  const parsed = parseWebhook(JSON.parse(readFileSync(resolve(fixtureDir, name), 'utf8')))
  if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`)
  return parsed.events.filter((event): event is StatusEvent => event.kind === 'status')
}

async function openShop() {
  const vault = await Vault.open({ dataDir: tempDataDir(), kdf: fastKdf })
  vault.create('Toko', passphrase)
  return vault
}

async function coreWithShop(): Promise<Core> {
  const dataDir = tempDataDir()
  const vault = await Vault.open({ dataDir, kdf: fastKdf })
  vault.create('Toko', passphrase)
  writeKnownShop(vault.shop(), Date.now() - 60_000)
  await vault.close()
  const core = await createCore({ dataDir, shell: 'browser', kdf: fastKdf })
  await core.handlers['vault.unlock']({ passphrase })
  return core
}

describe('the ledger', () => {
  it('writes a free estimate with its reason when a reply is queued', async () => {
    const core = await coreWithShop()
    const [conversation] = await core.handlers['inbox.conversations']({ limit: 10 })
    const changed: unknown[] = []
    core.events.subscribe((envelope) => {
      if (envelope.event === 'costs.changed') changed.push(envelope.payload)
    })
    const queued = await core.handlers['inbox.sendText']({
      conversationId: conversation!.id,
      text: 'Masih ada, Kak',
    })
    const meter = await core.handlers['costs.meter']({})
    expect(meter.monthUsdMicros).toBe(0)
    expect(meter.unconfirmed).toBe(1)
    expect(changed).toHaveLength(1)
    const csv = await core.handlers['costs.exportCsv']({})
    const rows = csv.csv.trim().split('\r\n')
    expect(rows).toHaveLength(2)
    expect(rows[1]).toContain(`,estimate,${queued.messageId},service,indonesia,no,`)
    await core.close()
  })

  it('refuses to change or delete an entry', async () => {
    const vault = await openShop()
    const shop = vault.shop()
    const { conversationId } = writeKnownShop(shop, Date.now() - 60_000)
    const queued = queueReply(shop, {
      conversationId,
      content: { type: 'text', body: 'ok' },
      at: Date.now(),
      estimate: {
        category: 'service',
        market: 'indonesia',
        charged: false,
        usdMicros: 0,
        reason: 'serviceAllowance',
      },
    })
    expect(() => shop.db.exec('UPDATE ledger SET usd_micros = 1')).toThrow(/append-only/)
    expect(() => shop.db.exec('DELETE FROM ledger')).toThrow(/append-only/)
    expect(entriesOfMessage(shop, queued.messageId)).toHaveLength(1)
    await vault.close()
  })
})

describe('reconciliation with the real status webhooks', () => {
  for (const name of statusFixtures) {
    it(`agrees with ${name}`, async () => {
      const vault = await openShop()
      const shop = vault.shop()
      const [first] = statusesOf(name)
      expect(first).toBeDefined()
      const status = first!
      const sentAt = status.statusAt - 1000
      const { market, country } = recipientOf({ phone: `+${status.recipient.waId}` })
      const customerId = upsertCustomer(shop, {
        waId: status.recipient.waId,
        country,
        market,
        at: sentAt,
      })
      const conversationId = ensureConversation(shop, customerId, sentAt)
      // Kedai's estimate is a charged marketing template: the platform's word must replace it.
      const queued = queueReply(shop, {
        conversationId,
        content: { type: 'text', body: 'halo' },
        at: sentAt,
        estimate: {
          category: 'marketing',
          market,
          charged: true,
          usdMicros: 41_100,
          reason: 'marketingAlwaysCharged',
        },
      })
      recordOutcome(shop, { clientId: queued.clientId, state: 'sent', wamid: status.wamid }, sentAt)

      // Replayed twice, as the platform does: one confirmation only.
      const events = [...statusesOf(name), ...statusesOf(name)]
      applyInboxEvents(shop, events)
      const confirmations = entriesOfMessage(shop, queued.messageId).filter(
        (entry) => entry.entry === 'confirmation',
      )
      expect(confirmations).toHaveLength(1)
      const confirmation = confirmations[0]!

      if (status.status === 'failed') {
        expect(confirmation).toMatchObject({ charged: false, usdMicros: 0, reason: 'failed' })
        await vault.close()
        return
      }
      const pricing = status.pricing!
      const verdict = chargeFromStatusPricing(pricing)
      expect(confirmation.charged).toBe(verdict.charged)
      expect(confirmation.category).toBe(verdict.category)
      const card = rateCardOn(utcDateOf(sentAt))
      const listed = rateOf(
        verdict.category!,
        card?.ratesUsdMicros[market] ?? null,
        pricing.pricingModel === 'CBP' ? 'CBP' : 'PMP',
      )
      expect(confirmation.usdMicros).toBe(verdict.charged ? (listed ?? 0) : 0)
      if (verdict.charged && listed === null) expect(confirmation.reason).toMatch(/rateUnknown/)
      await vault.close()
    })
  }

  it('settles the meter on the platform’s word, not the estimate', async () => {
    const vault = await openShop()
    const shop = vault.shop()
    const now = Date.now()
    const { conversationId } = writeKnownShop(shop, now - 60_000)
    const queued = queueReply(shop, {
      conversationId,
      content: { type: 'text', body: 'promo' },
      at: now,
      estimate: {
        category: 'utility',
        market: 'indonesia',
        charged: false,
        usdMicros: 0,
        reason: 'insideServiceWindow',
      },
    })
    expect(meterOf(shop, now).monthUsdMicros).toBe(0)
    // The platform moved the template to marketing and charged it.
    applyInboxEvents(shop, [
      {
        kind: 'status',
        wamid: 'wamid.PROMO',
        status: 'sent',
        statusAt: now + 1000,
        errors: [],
        bizOpaqueCallbackData: queued.clientId,
        pricing: { pricingModel: 'PMP', type: 'regular', category: 'marketing', billable: true },
        conversation: null,
      },
    ])
    const meter = meterOf(shop, now)
    const marketing = rateCardOn(utcDateOf(now))!.ratesUsdMicros.indonesia!.marketing
    expect(meter.monthUsdMicros).toBe(marketing)
    expect(meter.unconfirmed).toBe(0)
    // Then it failed after all: it costs nothing, and that is final.
    applyInboxEvents(shop, [
      {
        kind: 'status',
        wamid: 'wamid.PROMO',
        status: 'failed',
        statusAt: now + 2000,
        errors: [{ code: 131026 }],
        bizOpaqueCallbackData: queued.clientId,
        pricing: null,
        conversation: null,
      },
    ])
    expect(meterOf(shop, now).monthUsdMicros).toBe(0)
    expect(entriesOfMessage(shop, queued.messageId).map((entry) => entry.entry)).toEqual([
      'estimate',
      'confirmation',
      'confirmation',
    ])
    await vault.close()
  })

  it('counts a message in the month it was queued, though the platform confirmed it the next', async () => {
    const vault = await openShop()
    const shop = vault.shop()
    const thisMonth = monthPeriod(monthKeyOf(Date.now()))
    const lastDayBefore = thisMonth.fromAt - 60_000
    const { conversationId } = writeKnownShop(shop, lastDayBefore - 60_000)
    const marketing = rateCardOn(utcDateOf(lastDayBefore))!.ratesUsdMicros.indonesia!.marketing
    const queue = (at: number, wamid: string) => {
      const queued = queueReply(shop, {
        conversationId,
        content: { type: 'text', body: wamid },
        at,
        estimate: {
          category: 'marketing',
          market: 'indonesia',
          charged: true,
          usdMicros: marketing,
          reason: 'marketingAlwaysCharged',
        },
      })
      applyInboxEvents(shop, [
        {
          kind: 'status',
          wamid,
          status: 'sent',
          // Confirmed two minutes later: for the first one, already in this month.
          statusAt: at + 120_000,
          errors: [],
          bizOpaqueCallbackData: queued.clientId,
          pricing: { pricingModel: 'PMP', type: 'regular', category: 'marketing', billable: true },
          conversation: null,
        },
      ])
    }
    queue(lastDayBefore, 'wamid.LAST-MONTH')
    queue(thisMonth.fromAt + 3_600_000, 'wamid.THIS-MONTH')
    const inThisMonth = thisMonth.fromAt + 7_200_000
    expect(meterOf(shop, inThisMonth)).toMatchObject({ monthUsdMicros: marketing, unconfirmed: 0 })
    expect(costSummary(shop, monthKeyOf(inThisMonth)).totalUsdMicros).toBe(marketing)
    const before = costSummary(shop, monthKeyOf(lastDayBefore))
    expect(before.totalUsdMicros).toBe(marketing)
    expect(before.daily.find((day) => day.usdMicros > 0)?.date).toBe(localDateOf(lastDayBefore))
    await vault.close()
  })
})
