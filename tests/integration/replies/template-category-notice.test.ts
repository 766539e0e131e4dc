/**
 * The platform's day-ahead warning that it moves a template to another category (the real
 * fixture, parsed and applied as the link applies it): kept as the category to come, in force
 * (and billed) from its time even before the "done" webhook, and over once the move is done.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  listTemplates,
  recordPlatformTemplate,
} from '../../../src-main/core/templates/template-store'
import { applyTemplateEvent } from '../../../src-main/core/templates/template-sync'
import { Vault } from '../../../src-main/core/vault/vault'
import { parseWebhook } from '../../../src-shared/whatsapp'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'

afterEach(removeTempDataDirs)

const fixture = resolve(
  __dirname,
  '../../../../shared/fixtures/whatsapp/meta_webhook_template_category_update.json',
)

/** The fixture's events, with its announced time moved when a test needs it in the future. */
function categoryEvents(announcedFor?: number): unknown[] {
  const payload = JSON.parse(readFileSync(fixture, 'utf8')) as {
    entry: { changes: { value: Record<string, unknown> }[] }[]
  }
  if (announcedFor !== undefined) {
    payload.entry[0]!.changes[0]!.value.category_update_timestamp = Math.floor(announcedFor / 1000)
  }
  const parsed = parseWebhook(payload)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.events
}

async function shopWithWelcomeTemplate() {
  const vault = await Vault.open({ dataDir: tempDataDir(), kdf: fastKdf })
  vault.create('Toko', passphrase)
  const shop = vault.shop()
  recordPlatformTemplate(
    shop,
    {
      platformId: '278077987957091',
      status: { state: 'approved' },
      quality: 'GREEN',
      content: {
        name: 'welcome_template',
        language: 'en_US',
        category: 'UTILITY',
        header: { kind: 'none' },
        body: { text: 'Welcome to our shop, {{1}}!', examples: { '1': 'Siti' } },
        buttons: [],
      },
    },
    Date.now(),
  )
  return { vault, shop, welcome: () => listTemplates(shop)[0]! }
}

describe('a category change the platform announces', () => {
  it('shows the category to come, and bills it from its time', async () => {
    const { vault, shop, welcome } = await shopWithWelcomeTemplate()
    const tomorrow = Date.now() + 86_400_000
    for (const event of categoryEvents(tomorrow)) applyTemplateEvent(shop, event, Date.now())
    expect(welcome()).toMatchObject({
      category: 'UTILITY',
      upcomingCategory: { category: 'MARKETING', at: Math.floor(tomorrow / 1000) * 1000 },
    })

    // The fixture as it is: its time (May 2025) has passed, so the move is in force already.
    for (const event of categoryEvents()) applyTemplateEvent(shop, event, Date.now())
    expect(welcome()).toMatchObject({ category: 'MARKETING', upcomingCategory: null })
    await vault.close()
  })

  it('is over once the platform says the move is done', async () => {
    const { vault, shop, welcome } = await shopWithWelcomeTemplate()
    for (const event of categoryEvents(Date.now() + 86_400_000)) {
      applyTemplateEvent(shop, event, Date.now())
    }
    applyTemplateEvent(
      shop,
      {
        kind: 'templateCategory',
        templateId: '278077987957091',
        templateName: 'welcome_template',
        language: 'en_US',
        stage: 'completed',
        fromCategory: 'UTILITY',
        toCategory: 'MARKETING',
        effectiveAt: Date.now(),
      },
      Date.now(),
    )
    expect(welcome()).toMatchObject({ category: 'MARKETING', upcomingCategory: null })
    await vault.close()
  })
})
