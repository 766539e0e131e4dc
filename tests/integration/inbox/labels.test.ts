/** Labels through core's own handlers on a real vault: defaults, the limit, edits, customers. */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { labelColors } from '../../../src-shared/labels/labels'
import { createCore } from '../../../src-main/core/core'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'
import { coreWithKnownShop } from './core-shop'

afterEach(removeTempDataDirs)

describe('labels', () => {
  it('a new shop starts with WhatsApp Business’s five, in the owner’s language', async () => {
    const dataDir = tempDataDir()
    const core = await createCore({ dataDir, shell: 'browser', kdf: fastKdf })
    await core.handlers['preferences.update']({ language: 'id' })
    await core.handlers['vault.create']({ shopName: 'Toko Baru', passphrase })
    const labels = await core.handlers['labels.list']({})
    expect(labels.map((label) => label.name)).toEqual([
      'Pelanggan baru',
      'Pesanan baru',
      'Menunggu pembayaran',
      'Sudah dibayar',
      'Pesanan selesai',
    ])
    // A default the owner deleted stays deleted after the next unlock.
    await core.handlers['labels.delete']({ labelId: labels[0]!.id })
    await core.handlers['vault.lock']({})
    await core.handlers['vault.unlock']({ passphrase })
    expect(await core.handlers['labels.list']({})).toHaveLength(4)
    await core.close()
  })

  it('takes up to 20, then says why not and changes nothing', async () => {
    const { core } = await coreWithKnownShop()
    const start = await core.handlers['labels.list']({})
    expect(start).toHaveLength(5)
    for (let index = start.length; index < 20; index++) {
      await core.handlers['labels.create']({
        name: `Label ${index}`,
        color: labelColors[index % labelColors.length]!,
      })
    }
    expect(() => core.handlers['labels.create']({ name: 'One more', color: 'red' })).toThrow(
      /at most 20 labels/,
    )
    expect(await core.handlers['labels.list']({})).toHaveLength(20)
    await core.close()
  })

  it('renames, recolours and deletes; refuses an empty or a taken name', async () => {
    const { core } = await coreWithKnownShop()
    const created = await core.handlers['labels.create']({ name: '  Reseller  ', color: 'purple' })
    expect(created).toMatchObject({ name: 'Reseller', color: 'purple' })
    expect(() => core.handlers['labels.create']({ name: 'reseller', color: 'red' })).toThrow(
      /already a label with that name/,
    )
    expect(() => core.handlers['labels.rename']({ labelId: created.id, name: ' ' })).toThrow(
      /Give the label a name/,
    )
    const renamed = await core.handlers['labels.rename']({ labelId: created.id, name: 'Grosir' })
    expect(renamed.name).toBe('Grosir')
    const recoloured = await core.handlers['labels.recolour']({
      labelId: created.id,
      color: 'teal',
    })
    expect(recoloured.color).toBe('teal')
    await core.handlers['labels.delete']({ labelId: created.id })
    expect((await core.handlers['labels.list']({})).map((label) => label.name)).not.toContain(
      'Grosir',
    )
    expect(() => core.handlers['labels.rename']({ labelId: created.id, name: 'Again' })).toThrow(
      /not in this shop/,
    )
    await core.close()
  })

  it('are put on a customer and shown with their conversation, sealed at rest', async () => {
    const { core, dataDir, shop } = await coreWithKnownShop()
    const [newCustomer, newOrder] = await core.handlers['labels.list']({})
    await core.handlers['labels.assign']({ customerId: shop.customerId, labelId: newOrder!.id })
    await core.handlers['labels.assign']({ customerId: shop.customerId, labelId: newCustomer!.id })
    await core.handlers['labels.assign']({ customerId: shop.customerId, labelId: newOrder!.id })
    let [conversation] = await core.handlers['inbox.conversations']({ limit: 10 })
    // In the shop's label order, each once.
    expect(conversation!.customer.labelIds).toEqual([newCustomer!.id, newOrder!.id])
    await core.handlers['labels.unassign']({ customerId: shop.customerId, labelId: newOrder!.id })
    ;[conversation] = await core.handlers['inbox.conversations']({ limit: 10 })
    expect(conversation!.customer.labelIds).toEqual([newCustomer!.id])
    // Deleting a label takes it off its customers.
    await core.handlers['labels.delete']({ labelId: newCustomer!.id })
    ;[conversation] = await core.handlers['inbox.conversations']({ limit: 10 })
    expect(conversation!.customer.labelIds).toEqual([])
    expect(() =>
      core.handlers['labels.assign']({ customerId: 'nobody', labelId: newOrder!.id }),
    ).toThrow(/customer is not in this shop/)
    await core.handlers['labels.create']({ name: 'Pelanggan VIP rahasia', color: 'red' })
    await core.close()

    const file = new Database(join(dataDir, 'kedai.db'), { readonly: true })
    const bytes = file.prepare('SELECT name_sealed FROM labels').all() as { name_sealed: Buffer }[]
    file.close()
    expect(bytes.length).toBeGreaterThan(5)
    for (const row of bytes)
      expect(row.name_sealed.toString('latin1')).not.toMatch(/Pelanggan|New order/)
  })
})
