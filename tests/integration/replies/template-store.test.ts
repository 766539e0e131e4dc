/** The template store on a real vault: sealed content, platform outcomes, category moves. */
import { afterEach, describe, expect, it } from 'vitest'
import {
  deleteTemplate,
  findTemplate,
  listTemplates,
  markTemplateSubmitted,
  recordPlatformTemplate,
  saveTemplateDraft,
  setTemplateCategory,
  setTemplateStatus,
} from '../../../src-main/core/templates/template-store'
import { createCore } from '../../../src-main/core/core'
import { SyncLog } from '../../../src-main/core/sync/sync-log'
import { loadSodium } from '../../../src-main/core/vault/sodium'
import type { TemplateDraft } from '../../../src-shared/templates'
import {
  fastKdf,
  openVault,
  passphrase,
  removeTempDataDirs,
  tempDataDir,
} from '../../support/vault'

afterEach(removeTempDataDirs)

const orderUpdate: TemplateDraft = {
  name: 'order_update',
  language: 'id',
  category: 'UTILITY',
  header: { kind: 'none' },
  body: { text: 'Halo {{1}}, pesanan {{2}} sudah dikirim.', examples: { 1: 'Siti', 2: '4471' } },
  footer: 'Toko Makmur',
  buttons: [],
}

/** Edits go through the operation log, whose clock the test sets: `log(1000)` edits at 1000. */
async function openShop() {
  const dataDir = tempDataDir()
  const vault = await openVault(dataDir)
  vault.create('Toko', passphrase)
  let now = 0
  const sync = new SyncLog(await loadSodium(), { now: () => now })
  const log = (at: number) => {
    now = at
    return sync
  }
  return { vault, dataDir, shop: vault.shop(), log }
}

describe('template store', () => {
  it('keeps a draft with its wording sealed and lists it back', async () => {
    const { vault, shop, log } = await openShop()
    const saved = saveTemplateDraft(shop, log(1000), orderUpdate, 1000)
    expect(saved).toMatchObject({
      name: 'order_update',
      category: 'UTILITY',
      status: { state: 'draft' },
      quality: 'UNKNOWN',
      rejectedReason: null,
      updatedAt: 1000,
      body: orderUpdate.body,
    })
    expect(listTemplates(shop).map((t) => t.id)).toEqual([saved.id])
    const raw = shop.db
      .prepare('SELECT content_sealed FROM templates WHERE id = ?')
      .get(saved.id) as { content_sealed: Buffer }
    expect(raw.content_sealed.toString('latin1')).not.toContain('pesanan')
    expect(() => saveTemplateDraft(shop, log(1001), orderUpdate, 1001)).toThrow(
      /already a template/,
    )
    await vault.close()
  })

  it('follows submission, rejection, approval and a category move', async () => {
    const { vault, shop, log } = await openShop()
    const { id } = saveTemplateDraft(shop, log(1000), orderUpdate, 1000)
    markTemplateSubmitted(shop, log(2000), id, 'tpl-9', { state: 'pending' }, 2000)
    const rejected = setTemplateStatus(
      shop,
      { platformId: 'tpl-9' },
      { state: 'rejected', reason: 'INVALID_FORMAT' },
      3000,
    )
    expect(rejected).toMatchObject({ rejectedReason: 'INVALID_FORMAT', platformId: 'tpl-9' })
    // A rejected template can be edited again and keeps its platform id.
    const edited = saveTemplateDraft(
      shop,
      log(3500),
      { ...orderUpdate, footer: 'Makmur' },
      3500,
      id,
    )
    expect(edited).toMatchObject({ status: { state: 'draft' }, platformId: 'tpl-9' })
    setTemplateStatus(shop, { name: 'order_update', language: 'id' }, { state: 'approved' }, 4000)
    expect(() => saveTemplateDraft(shop, log(4100), orderUpdate, 4100, id)).toThrow(
      /cannot be changed/,
    )
    const moved = setTemplateCategory(shop, { platformId: 'tpl-9' }, 'MARKETING', 5000)
    expect(moved).toMatchObject({ category: 'MARKETING', status: { state: 'approved' } })
    expect(findTemplate(shop, id)!.category).toBe('MARKETING')
    expect(setTemplateStatus(shop, { platformId: 'nope' }, { state: 'paused' }, 6000)).toBeNull()
    await vault.close()
  })

  it('records the platform list, keeping local examples, and revives deleted rows', async () => {
    const { vault, shop, log } = await openShop()
    const { id } = saveTemplateDraft(shop, log(1000), orderUpdate, 1000)
    deleteTemplate(shop, log(1500), id)
    expect(findTemplate(shop, id)).toBeNull()
    const recorded = recordPlatformTemplate(
      shop,
      {
        platformId: 'tpl-1',
        status: { state: 'approved' },
        quality: 'GREEN',
        content: { ...orderUpdate, body: { text: orderUpdate.body.text, examples: {} } },
      },
      2000,
    )
    expect(recorded).toMatchObject({ id, quality: 'GREEN', body: orderUpdate.body })
    const fresh = recordPlatformTemplate(
      shop,
      {
        platformId: 'tpl-2',
        status: { state: 'approved' },
        quality: 'UNKNOWN',
        content: { ...orderUpdate, name: 'promo', category: 'MARKETING' },
      },
      2000,
    )
    expect(listTemplates(shop).map((t) => t.name)).toEqual(['order_update', 'promo'])
    expect(fresh.id).not.toBe(id)
    await vault.close()
  })

  it('answers templates.list through core once unlocked', async () => {
    const { vault, dataDir, shop, log } = await openShop()
    saveTemplateDraft(shop, log(1000), orderUpdate, 1000)
    await vault.close()
    const core = await createCore({ dataDir, shell: 'browser', kdf: fastKdf })
    expect(() => core.handlers['templates.list']({})).toThrow(/locked/i)
    await core.handlers['vault.unlock']({ passphrase })
    const listed = await core.handlers['templates.list']({})
    expect(listed.map((t) => t.name)).toEqual(['order_update'])
    await core.close()
  })
})
