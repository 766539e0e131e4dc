/** Quick replies through core's own handlers on a real vault. */
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src-main/core/core'
import { Vault } from '../../../src-main/core/vault/vault'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'

afterEach(removeTempDataDirs)

async function newShop(): Promise<{ core: Core; dataDir: string }> {
  const dataDir = tempDataDir()
  const vault = await Vault.open({ dataDir, kdf: fastKdf })
  vault.create('Toko', passphrase)
  await vault.close()
  const core = await createCore({ dataDir, shell: 'browser', kdf: fastKdf })
  await core.handlers['vault.unlock']({ passphrase })
  return { core, dataDir }
}

describe('quick replies in core', () => {
  it('starts a new shop with the starter set in its language, once', async () => {
    const { core } = await newShop()
    const first = await core.handlers['quickReplies.list']({ starterLanguage: 'id' })
    expect(first.map((q) => q.shortcut)).toEqual(['halo', 'rekening', 'ongkir', 'makasih', 'tutup'])
    for (const quickReply of first) {
      await core.handlers['quickReplies.delete']({ id: quickReply.id })
    }
    // Deleted by the owner: asking again in English does not bring a second set.
    expect(await core.handlers['quickReplies.list']({ starterLanguage: 'en' })).toEqual([])
    await core.close()
  })

  it('saves with every broken rule named, edits, duplicates, counts uses', async () => {
    const { core } = await newShop()
    const bad = await core.handlers['quickReplies.save']({
      draft: { shortcut: '/Ongkir Jakarta', text: '   ' },
    })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.issues.map((i) => i.code)).toEqual(['shortcut_characters', 'text_empty'])
    const saved = await core.handlers['quickReplies.save']({
      draft: { shortcut: '/Ongkir', text: 'Ongkir ke {{kota}} Rp {{ongkir}}, Kak {{first_name}}' },
    })
    expect(saved.ok && saved.quickReply).toMatchObject({ shortcut: 'ongkir', usageCount: 0 })
    const id = saved.ok ? saved.quickReply.id : ''
    const taken = await core.handlers['quickReplies.save']({
      draft: { shortcut: 'ongkir', text: 'lagi' },
    })
    expect(!taken.ok && taken.issues).toEqual([{ code: 'shortcut_taken', takenBy: id }])
    const edited = await core.handlers['quickReplies.save']({
      id,
      draft: { shortcut: 'ongkir', text: 'Ongkir ke {{kota}}: {{ongkir}}' },
    })
    expect(edited.ok && edited.quickReply.text).toBe('Ongkir ke {{kota}}: {{ongkir}}')
    const copy = await core.handlers['quickReplies.duplicate']({ id })
    expect(copy.shortcut).toBe('ongkir-2')
    await core.handlers['quickReplies.recordUse']({ id })
    expect(await core.handlers['quickReplies.recordUse']({ id })).toEqual({ usageCount: 2 })
    const listed = await core.handlers['quickReplies.list']({})
    expect(listed.map((q) => [q.shortcut, q.usageCount])).toEqual([
      ['ongkir', 2],
      ['ongkir-2', 0],
    ])
    await core.close()
  })

  it('deletes with undo, reorders, and keeps it all across a lock', async () => {
    const { core } = await newShop()
    const made: string[] = []
    for (const shortcut of ['a', 'b', 'c']) {
      const saved = await core.handlers['quickReplies.save']({
        draft: { shortcut, text: shortcut },
      })
      if (saved.ok) made.push(saved.quickReply.id)
    }
    await core.handlers['quickReplies.delete']({ id: made[1]! })
    expect((await core.handlers['quickReplies.list']({})).map((q) => q.shortcut)).toEqual([
      'a',
      'c',
    ])
    await core.handlers['quickReplies.undoDelete']({ id: made[1]! })
    await core.handlers['quickReplies.reorder']({ ids: [made[2]!, made[0]!] })
    await core.handlers['vault.lock']({})
    await core.handlers['vault.unlock']({ passphrase })
    expect((await core.handlers['quickReplies.list']({})).map((q) => q.shortcut)).toEqual([
      'c',
      'a',
      'b',
    ])
    // The shortcut came back to someone else meanwhile: undo says so instead of doubling it.
    await core.handlers['quickReplies.delete']({ id: made[0]! })
    await core.handlers['quickReplies.save']({ draft: { shortcut: 'a', text: 'new a' } })
    expect(() => core.handlers['quickReplies.undoDelete']({ id: made[0]! })).toThrow(/now uses \/a/)
    expect(() => core.handlers['quickReplies.reorder']({ ids: ['nope'] })).toThrow(
      /not in this shop/,
    )
    await core.close()
  })

  it('exports a file another shop imports, reporting the items it cannot take', async () => {
    const { core } = await newShop()
    await core.handlers['quickReplies.list']({ starterLanguage: 'en' })
    const file = await core.handlers['quickReplies.export']({})
    expect(file.fileName).toMatch(/^kedai-quick-replies-\d{4}-\d{2}-\d{2}\.json$/)
    await core.close()

    const other = await newShop()
    await other.core.handlers['quickReplies.save']({ draft: { shortcut: 'hello', text: 'Hello' } })
    const imported = await other.core.handlers['quickReplies.import']({ text: file.text })
    expect(imported.ok).toBe(true)
    if (!imported.ok) return
    expect(imported.added.length).toBe(4)
    expect(imported.rejected).toEqual([
      {
        index: 0,
        shortcut: 'hello',
        issues: [expect.objectContaining({ code: 'shortcut_taken' })],
      },
    ])
    expect(await other.core.handlers['quickReplies.import']({ text: '{nope' })).toEqual({
      ok: false,
      problem: 'not_json',
    })
    expect((await other.core.handlers['quickReplies.list']({})).length).toBe(5)
    await other.core.close()
  })
})
