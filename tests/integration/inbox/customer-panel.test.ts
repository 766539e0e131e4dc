/** The customer panel's core side on a real vault: notes, the owner's name, counts, response time. */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { known } from '../../support/shop-fixture'
import { removeTempDataDirs } from '../../support/vault'
import { coreWithKnownShop } from './core-shop'

afterEach(removeTempDataDirs)

describe('notes', () => {
  it('are added, edited, deleted and listed newest first, and sealed at rest', async () => {
    const { core, dataDir, shop } = await coreWithKnownShop()
    const { customerId } = shop
    const first = await core.handlers['inbox.addNote']({ customerId, body: '  Minta nota  ' })
    expect(first.body).toBe('Minta nota')
    const second = await core.handlers['inbox.addNote']({ customerId, body: 'Alamat: Jl. Mawar 3' })
    let notes = await core.handlers['inbox.notes']({ customerId })
    // The fixture's own note is the oldest.
    expect(notes.map((note) => note.body)).toEqual([
      'Alamat: Jl. Mawar 3',
      'Minta nota',
      known.note,
    ])
    const edited = await core.handlers['inbox.editNote']({
      noteId: first.id,
      body: 'Minta nota pajak',
    })
    expect(edited.body).toBe('Minta nota pajak')
    await core.handlers['inbox.deleteNote']({ noteId: second.id })
    notes = await core.handlers['inbox.notes']({ customerId })
    expect(notes.map((note) => note.body)).toEqual(['Minta nota pajak', known.note])
    expect(() => core.handlers['inbox.addNote']({ customerId, body: '   ' })).toThrow(
      /needs some text/,
    )
    expect(() => core.handlers['inbox.addNote']({ customerId, body: 'x'.repeat(4001) })).toThrow(
      /at most 4000 characters/,
    )
    expect(() => core.handlers['inbox.editNote']({ noteId: second.id, body: 'back?' })).toThrow(
      /not in this shop/,
    )
    await core.close()

    const file = new Database(join(dataDir, 'kedai.db'), { readonly: true })
    const rows = file.prepare('SELECT body_sealed FROM notes').all() as { body_sealed: Buffer }[]
    file.close()
    for (const row of rows) expect(row.body_sealed.toString('latin1')).not.toMatch(/nota|Mawar/)
  })
})

describe('the owner’s name for a customer', () => {
  it('replaces the WhatsApp name in the list, and an empty one gives it back', async () => {
    const { core, shop } = await coreWithKnownShop()
    await core.handlers['inbox.renameCustomer']({ customerId: shop.customerId, name: ' Bu Siti ' })
    let [conversation] = await core.handlers['inbox.conversations']({ limit: 10 })
    expect(conversation!.customer).toMatchObject({
      name: 'Bu Siti',
      profileName: known.customerName,
    })
    await core.handlers['inbox.renameCustomer']({ customerId: shop.customerId, name: '' })
    ;[conversation] = await core.handlers['inbox.conversations']({ limit: 10 })
    expect(conversation!.customer.name).toBe(known.customerName)
    expect(() =>
      core.handlers['inbox.renameCustomer']({ customerId: shop.customerId, name: 'x'.repeat(81) }),
    ).toThrow(/at most 80 characters/)
    await core.close()
  })
})

describe('response times', () => {
  it('counts a conversation’s messages and its latest wait, and the shop’s median for the day', async () => {
    const { core, shop } = await coreWithKnownShop()
    let facts = await core.handlers['inbox.conversationFacts']({
      conversationId: shop.conversationId,
    })
    // Two customer messages, no reply yet: waiting since the first.
    expect(facts.messageCount).toBe(2)
    expect(facts.latestResponseMs).toBeNull()
    expect(facts.waitingSince).not.toBeNull()
    await core.handlers['inbox.sendText']({ conversationId: shop.conversationId, text: 'Ada kak' })
    facts = await core.handlers['inbox.conversationFacts']({ conversationId: shop.conversationId })
    expect(facts.messageCount).toBe(3)
    expect(facts.waitingSince).toBeNull()
    // The fixture's first message came a minute ago.
    expect(facts.latestResponseMs).toBeGreaterThanOrEqual(60_000)
    expect(facts.latestResponseMs).toBeLessThan(120_000)

    const dayStart = new Date().setHours(0, 0, 0, 0)
    const today = await core.handlers['inbox.responseTimes']({
      from: dayStart,
      to: dayStart + 86_400_000,
    })
    expect(today.count).toBe(1)
    expect(today.medianMs).toBe(facts.latestResponseMs)
    const yesterday = await core.handlers['inbox.responseTimes']({
      from: dayStart - 86_400_000,
      to: dayStart,
    })
    expect(yesterday).toEqual({ medianMs: null, count: 0 })
    await core.close()
  })
})
