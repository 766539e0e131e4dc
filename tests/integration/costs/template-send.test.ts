/**
 * Sending a template for real: a relay and the Cloud API emulator on 127.0.0.1 and a desktop
 * core enrolled with it. The customer's window is closed, so only a template goes; it is priced
 * before sending, estimated in the ledger with the message, delivered, and confirmed by the
 * platform's status pricing. A customer who said BERHENTI gets no marketing template.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../src-main/core/core'
import { recordPlatformTemplate } from '../../../src-main/core/templates/template-store'
import { Vault } from '../../../src-main/core/vault/vault'
import { startEmulator } from '../../../src-relay/emulator/start-emulator'
import { startRelay } from '../../../src-relay/relay/start-relay'
import { rateCardOn, utcDateOf } from '../../../src-shared/pricing'
import type { TemplateDraft } from '../../../src-shared/templates'
import { eventually } from '../../support/eventually'
import { fastKdf, passphrase } from '../../support/vault'
import { conversationOf, refusal } from '../../support/core-calls'

const secrets = { appSecret: 'app-secret', verifyToken: 'verify', accessToken: 'access-token' }
const phoneNumberId = '100200300400500'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const orderUpdate: TemplateDraft = {
  name: 'order_update',
  language: 'id',
  category: 'UTILITY',
  header: { kind: 'none' },
  body: {
    text: 'Halo {{1}}, pesanan {{2}} sudah dikirim.',
    examples: { '1': 'Siti', '2': '#4471' },
  },
  buttons: [],
  fillFrom: { 'body.1': 'first_name' },
}
const promo: TemplateDraft = {
  name: 'promo_bulan_ini',
  language: 'id',
  category: 'MARKETING',
  header: { kind: 'none' },
  body: { text: 'Diskon 20% untuk {{1}} bulan ini!', examples: { '1': 'Siti' } },
  buttons: [],
}

async function startWorld() {
  const relayDir = mkdtempSync(join(tmpdir(), 'kedai-tpl-relay-'))
  const coreDir = mkdtempSync(join(tmpdir(), 'kedai-tpl-core-'))
  cleanups.push(() => {
    rmSync(relayDir, { recursive: true, force: true })
    rmSync(coreDir, { recursive: true, force: true })
  })
  // The shop already has two approved templates.
  const vault = await Vault.open({ dataDir: coreDir, kdf: fastKdf })
  vault.create('Toko Template', passphrase)
  const ids: Record<string, string> = {}
  for (const [index, draft] of [orderUpdate, promo].entries()) {
    const stored = recordPlatformTemplate(
      vault.shop(),
      {
        platformId: `90000${index}`,
        status: { state: 'approved' },
        quality: 'GREEN',
        content: draft,
      },
      Date.now(),
    )
    ids[draft.name] = stored.id
  }
  await vault.close()

  // The platform approved the same two, so its list (pulled after enrolment, at a moment the
  // test does not control) agrees with the shop's copy instead of replacing it.
  const emulator = await startEmulator({
    ...secrets,
    phoneNumberId,
    seed: 11,
    approvedTemplates: [orderUpdate, promo],
  })
  cleanups.push(() => emulator.close())
  const relay = await startRelay({
    ...secrets,
    dataDir: relayDir,
    phoneNumberId,
    graphUrl: emulator.url,
  })
  cleanups.push(() => relay.close())
  emulator.setWebhookUrl(relay.webhookUrl)
  const core = await createCore({
    dataDir: coreDir,
    shell: 'browser',
    kdf: fastKdf,
    linkPollMs: 250,
  })
  cleanups.push(() => core.close())
  await core.handlers['vault.unlock']({ passphrase })
  const invite = await relay.createInvite()
  await core.handlers['link.enrol']({ relayUrl: relay.url, code: invite.code })
  return { core, emulator, ids }
}

describe('sending a template', () => {
  it('goes out with the window closed, priced, estimated, delivered and confirmed', async () => {
    const { core, emulator, ids } = await startWorld()
    await emulator.customerWrites({
      from: '+6281234500031',
      name: 'Siti Rahma',
      message: 'Pesanan saya kapan dikirim?',
      at: Date.now() - 30 * 3600_000,
    })
    const siti = await conversationOf(core, '+6281234500031')
    expect(
      (
        await refusal(() =>
          core.handlers['inbox.sendText']({ conversationId: siti.id, text: 'Halo' }),
        )
      ).code,
    ).toBe('WINDOW_CLOSED')

    const utility = rateCardOn(utcDateOf(Date.now()))!.ratesUsdMicros.indonesia!.utility
    const price = await core.handlers['costs.quote']({
      conversationId: siti.id,
      templateId: ids.order_update,
    })
    expect(price).toMatchObject({
      charged: true,
      reason: 'utilityOutsideWindow',
      category: 'utility',
      usdMicros: utility,
    })

    const missing = await refusal(() =>
      core.handlers['inbox.sendTemplate']({
        conversationId: siti.id,
        templateId: ids.order_update!,
        values: { 'body.1': 'Siti' },
      }),
    )
    expect(missing.message).toMatch(/body\.2 has no value/)

    const queued = await core.handlers['inbox.sendTemplate']({
      conversationId: siti.id,
      templateId: ids.order_update!,
      values: { 'body.1': 'Siti', 'body.2': '#4471' },
    })
    expect((await core.handlers['costs.meter']({})).monthUsdMicros).toBe(utility)
    const delivered = await eventually(async () => {
      const message = (
        await core.handlers['inbox.messages']({ conversationId: siti.id, limit: 50 })
      ).find((item) => item.clientId === queued.clientId)
      if (!message || !['delivered', 'read'].includes(message.status)) {
        throw new Error(`template is ${message?.status}`)
      }
      return message
    })
    expect(delivered.kind).toBe('template')
    expect(delivered.body).toMatchObject({
      type: 'template',
      text: 'Halo Siti, pesanan #4471 sudah dikirim.',
    })
    const onPlatform = emulator.sentMessages().filter((sent) => sent.clientId === queued.clientId)
    expect(onPlatform).toHaveLength(1)
    expect(onPlatform[0]!.body).toMatchObject({
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'id' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Siti' },
              { type: 'text', text: '#4471' },
            ],
          },
        ],
      },
    })
    // The platform's own word arrives and agrees: confirmed, same amount.
    const settled = await eventually(async () => {
      const meter = await core.handlers['costs.meter']({})
      if (meter.unconfirmed > 0) throw new Error('not confirmed yet')
      return meter
    })
    expect(settled.monthUsdMicros).toBe(utility)
    // The customer panel's "spend so far": this one template, in the shop's currency.
    expect(await core.handlers['costs.customerSpend']({ customerId: siti.customer.id })).toEqual({
      messages: 1,
      charged: 1,
      minor: settled.monthMinor,
      currency: settled.currency,
    })
    const csv = (await core.handlers['costs.exportCsv']({})).csv
    expect(csv).toMatch(/,confirmation,.*,utility,indonesia,yes,regular,/)
  })

  it('refuses a marketing template to a customer who stopped promotions, and says why', async () => {
    const { core, emulator, ids } = await startWorld()
    await emulator.customerWrites({ from: '+6281234500032', name: 'Budi', message: 'BERHENTI' })
    const budi = await conversationOf(core, '+6281234500032')
    await eventually(async () => {
      const [found] = (await core.handlers['inbox.conversations']({ limit: 50 })).filter(
        (conversation) => conversation.id === budi.id,
      )
      if (found?.customer.optedOutAt === null) throw new Error('not opted out yet')
    })
    const refused = await refusal(() =>
      core.handlers['inbox.sendTemplate']({
        conversationId: budi.id,
        templateId: ids.promo_bulan_ini!,
        values: { 'body.1': 'Budi' },
      }),
    )
    expect(refused.message).toMatch(/asked to stop promotions/)
    expect(await core.handlers['costs.meter']({})).toMatchObject({
      monthUsdMicros: 0,
      unconfirmed: 0,
    })
    // Utility still reaches them.
    await core.handlers['inbox.sendTemplate']({
      conversationId: budi.id,
      templateId: ids.order_update!,
      values: { 'body.1': 'Budi', 'body.2': '#5' },
    })
  })
})
