/**
 * Templates between the desktop and the platform, for real: a relay and the Cloud API emulator
 * on 127.0.0.1 and a desktop core enrolled with the relay. The list is pulled when the link
 * starts; a submission is reviewed by the emulator by the shared rules and the outcome, and a
 * category move, arrive as webhooks through the relay's inbox.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src-main/core/core'
import { startEmulator, type Emulator } from '../../../src-relay/emulator/start-emulator'
import { startRelay } from '../../../src-relay/relay/start-relay'
import { templateCreateBody, type TemplateDraft } from '../../../src-shared/templates'
import { eventually } from '../../support/eventually'
import { fastKdf, passphrase } from '../../support/vault'

const secrets = {
  appSecret: 'test-app-secret',
  verifyToken: 'test-verify',
  accessToken: 'test-access-token',
}
const phoneNumberId = '100200300400500'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function startWorld(): Promise<{ core: Core; emulator: Emulator }> {
  const relayDir = mkdtempSync(join(tmpdir(), 'kedai-tpl-relay-'))
  const coreDir = mkdtempSync(join(tmpdir(), 'kedai-tpl-core-'))
  cleanups.push(() => {
    rmSync(relayDir, { recursive: true, force: true })
    rmSync(coreDir, { recursive: true, force: true })
  })
  const emulator = await startEmulator({ ...secrets, phoneNumberId, seed: 7, templateReviewMs: 50 })
  cleanups.push(() => emulator.close())
  const relay = await startRelay({
    ...secrets,
    dataDir: relayDir,
    phoneNumberId,
    businessAccountId: emulator.businessAccountId,
    graphUrl: emulator.url,
  })
  cleanups.push(() => relay.close())
  emulator.setWebhookUrl(relay.webhookUrl)
  const core = await createCore({
    dataDir: coreDir,
    shell: 'browser',
    kdf: fastKdf,
    linkPollMs: 200,
  })
  cleanups.push(() => core.close())
  await core.handlers['vault.create']({ shopName: 'Toko Template', passphrase })
  const invite = await relay.createInvite()
  await core.handlers['link.enrol']({ relayUrl: relay.url, code: invite.code })
  return { core, emulator }
}

const shippingNotice: TemplateDraft = {
  name: 'pesanan_dikirim',
  language: 'id',
  category: 'UTILITY',
  header: { kind: 'none' },
  body: { text: 'Halo {{1}}, paket Kakak dikirim hari ini.', examples: { '1': 'Siti' } },
  buttons: [],
}

describe('templates through the relay', () => {
  it('pulls the approved list when the link starts', async () => {
    const { core } = await startWorld()
    const listed = await eventually(async () => {
      const templates = await core.handlers['templates.list']({})
      expect(templates.length).toBe(3)
      return templates
    })
    expect(listed.map((t) => [t.name, t.category, t.status.state, t.quality])).toEqual([
      ['login_code', 'AUTHENTICATION', 'approved', 'GREEN'],
      ['order_update', 'UTILITY', 'approved', 'GREEN'],
      ['promo_bulan_ini', 'MARKETING', 'approved', 'GREEN'],
    ])
    expect(listed[1]!.body.examples).toEqual({ '1': 'Siti', '2': 'INV-4471' })
  })

  it('submits a draft that the platform approves, and moves a selling utility to marketing', async () => {
    const { core, emulator } = await startWorld()
    const changed: string[] = []
    core.events.subscribe((envelope) => {
      if (envelope.event !== 'templates.changed') return
      changed.push(...(envelope.payload as { templateIds: string[] }).templateIds)
    })

    const broken = await core.handlers['templates.save']({
      draft: { ...shippingNotice, body: { text: '{{1}} paket dikirim', examples: {} } },
    })
    expect(broken.ok).toBe(true)
    const brokenId = broken.ok ? broken.template.id : ''
    // Kept as a draft, but not sent for review while a rule is broken: each one is named.
    const refused = await core.handlers['templates.submit']({ id: brokenId })
    expect(!refused.ok && refused.issues.map((issue) => issue.code)).toEqual([
      'variable_at_start',
      'example_missing',
    ])

    const fixed = await core.handlers['templates.save']({ id: brokenId, draft: shippingNotice })
    expect(fixed.ok).toBe(true)
    const submitted = await core.handlers['templates.submit']({ id: brokenId })
    expect(submitted.ok && submitted.template.status).toEqual({ state: 'pending' })
    expect(submitted.ok && submitted.template.platformId).toMatch(/^\d+$/)

    const selling = await core.handlers['templates.save']({
      draft: {
        ...shippingNotice,
        name: 'info_diskon',
        body: { text: 'Halo {{1}}, ada diskon ongkir minggu ini.', examples: { '1': 'Siti' } },
      },
    })
    const sellingId = selling.ok ? selling.template.id : ''
    await core.handlers['templates.submit']({ id: sellingId })
    await emulator.templatesReviewed()

    await eventually(async () => {
      const templates = await core.handlers['templates.list']({})
      const byName = new Map(templates.map((t) => [t.name, t]))
      expect(byName.get('pesanan_dikirim')).toMatchObject({
        category: 'UTILITY',
        status: { state: 'approved' },
      })
      expect(byName.get('info_diskon')).toMatchObject({
        category: 'MARKETING',
        status: { state: 'approved' },
      })
    })
    expect(changed).toContain(sellingId)
    // Resubmitting an approved template is refused in the owner's words.
    await expect(core.handlers['templates.submit']({ id: brokenId })).rejects.toThrow(
      /Only a draft/,
    )
  })

  it('shows a template the platform rejected, with its reason, after a refresh', async () => {
    const { core, emulator } = await startWorld()
    await eventually(async () => expect((await core.handlers['templates.list']({})).length).toBe(3))
    // Made elsewhere (the platform's own manager): adjacent variables, which review rejects.
    const response = await fetch(
      `${emulator.url}/v21.0/${emulator.businessAccountId}/message_templates`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${secrets.accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(
          templateCreateBody({
            ...shippingNotice,
            name: 'abandoned_cart',
            body: { text: 'Hai {{1}}{{2}} ditunggu ya', examples: { '1': 'a', '2': 'b' } },
          }),
        ),
      },
    )
    expect(response.status).toBe(200)
    await emulator.templatesReviewed()
    const refreshed = await core.handlers['templates.refresh']({})
    const rejected = refreshed.find((t) => t.name === 'abandoned_cart')
    expect(rejected).toMatchObject({
      status: { state: 'rejected', reason: 'INVALID_FORMAT' },
      rejectedReason: 'INVALID_FORMAT',
    })
  })
})
