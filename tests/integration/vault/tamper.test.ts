/** A sealed field that was altered or moved is reported and left out, never fatal. */
import { afterEach, describe, expect, it } from 'vitest'
import { listMessages } from '../../../src-main/core/inbox/messages'
import { listNotes } from '../../../src-main/core/inbox/notes'
import { readCustomer } from '../../../src-main/core/inbox/customers'
import { openVault, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'
import { known, writeKnownShop } from '../../support/shop-fixture'

afterEach(removeTempDataDirs)

describe('tampered rows', () => {
  it('a flipped byte in a message is reported with its conversation and message, the rest still shows', async () => {
    const vault = await openVault(tempDataDir())
    vault.create(known.shopName, passphrase)
    const shop = vault.shop()
    const { conversationId, messageIds } = writeKnownShop(shop)
    const [first, second] = messageIds as [string, string]

    const row = shop.db.prepare('SELECT body_sealed FROM messages WHERE id = ?').get(first) as {
      body_sealed: Buffer
    }
    const flipped = Buffer.from(row.body_sealed)
    flipped[flipped.length - 5]! ^= 0x01
    shop.db.prepare('UPDATE messages SET body_sealed = ? WHERE id = ?').run(flipped, first)

    const shown = listMessages(shop, conversationId)
    expect(shown.map((m) => m.id)).toEqual([second])
    expect(shown[0]!.body).toEqual({ type: 'text', body: known.secondBody })
    expect(vault.tamperReports()).toEqual([
      { table: 'messages', column: 'body', rowId: first, conversationId, messageId: first },
    ])
    await vault.close()
  })

  it('a ciphertext moved to another row does not open there (associated data)', async () => {
    const vault = await openVault(tempDataDir())
    vault.create(known.shopName, passphrase)
    const shop = vault.shop()
    const { conversationId, messageIds, customerId, noteId } = writeKnownShop(shop)
    const [first, second] = messageIds as [string, string]

    const body = shop.db.prepare('SELECT body_sealed FROM messages WHERE id = ?').get(first) as {
      body_sealed: Buffer
    }
    shop.db
      .prepare('UPDATE messages SET body_sealed = ? WHERE id = ?')
      .run(body.body_sealed, second)
    expect(listMessages(shop, conversationId).map((m) => m.id)).toEqual([first])

    // A message body copied into a note, and a customer's phone copied into their name.
    shop.db.prepare('UPDATE notes SET body_sealed = ? WHERE id = ?').run(body.body_sealed, noteId)
    expect(listNotes(shop, customerId)).toEqual([])
    const phone = shop.db
      .prepare('SELECT phone_sealed FROM customers WHERE id = ?')
      .get(customerId) as { phone_sealed: Buffer }
    shop.db
      .prepare('UPDATE customers SET name_sealed = ? WHERE id = ?')
      .run(phone.phone_sealed, customerId)
    expect(readCustomer(shop, customerId)).toMatchObject({ name: null, phone: `+${known.phone}` })

    expect(
      vault
        .tamperReports()
        .map((r) => `${r.table}.${r.column}:${r.rowId}`)
        .sort(),
    ).toEqual(
      [`customers.name:${customerId}`, `messages.body:${second}`, `notes.body:${noteId}`].sort(),
    )
    await vault.close()
  })

  it('locking forgets what was reported along with the keys', async () => {
    const vault = await openVault(tempDataDir())
    vault.create(known.shopName, passphrase)
    const shop = vault.shop()
    const { conversationId, messageIds } = writeKnownShop(shop)
    shop.db
      .prepare('UPDATE messages SET body_sealed = ? WHERE id = ?')
      .run(Buffer.from('garbage'), messageIds[0])
    listMessages(shop, conversationId)
    expect(vault.tamperReports()).toHaveLength(1)
    vault.lock()
    expect(vault.tamperReports()).toEqual([])
    await vault.close()
  })
})
