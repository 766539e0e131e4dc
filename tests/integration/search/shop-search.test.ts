/**
 * Search over a real vault: the index is built from the sealed columns after unlock, finds
 * words, beginnings, accents and numbers, follows new messages whoever wrote them, is gone
 * after lock, and leaves no searched word readable in the database, its WAL or temp files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCoreEvents } from '../../../src-main/core/events'
import { ensureConversation } from '../../../src-main/core/inbox/conversations'
import { renameCustomer, upsertCustomer } from '../../../src-main/core/inbox/customers'
import { insertMessages, sealingBodies } from '../../../src-main/core/inbox/messages'
import { sendTextReply } from '../../../src-main/core/inbox/send-reply'
import { applyInboxEvents } from '../../../src-main/core/link/apply-inbox-events'
import { ShopSearch } from '../../../src-main/core/search/shop-search'
import type { OpenShop, Vault } from '../../../src-main/core/vault/vault'
import { openVault, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'

afterEach(() => removeTempDataDirs())

const options = { limit: 30, messagesPerConversation: 3 }
const day = Date.UTC(2026, 10, 20, 3)

function customerWithMessages(
  shop: OpenShop,
  who: { waId: string; name: string },
  bodies: string[],
  at = day,
) {
  const customerId = upsertCustomer(shop, {
    waId: who.waId,
    profileName: who.name,
    country: 'ID',
    market: 'indonesia',
    at,
  })
  const conversationId = ensureConversation(shop, customerId, at)
  const messageIds = insertMessages(
    shop,
    bodies.map((body, index) => ({
      conversationId,
      direction: 'inbound' as const,
      kind: 'text',
      body: { type: 'text', body },
      status: 'received',
      sentAt: at + index * 60_000,
      // Wamids stay clear at rest: made of the customer's number they would be found there.
      wamid: `wamid.${customerId}.${index}`,
    })),
    sealingBodies(shop),
  )
  return { customerId, conversationId, messageIds }
}

async function unlockedVault(): Promise<{ vault: Vault; dataDir: string }> {
  const dataDir = tempDataDir()
  const vault = await openVault(dataDir)
  vault.create('Toko Rambutan', passphrase)
  return { vault, dataDir }
}

describe('search over the sealed shop', () => {
  it('finds words, beginnings, accents, case and numbers, grouped by conversation', async () => {
    const { vault } = await unlockedVault()
    const shop = vault.shop()
    const siti = customerWithMessages(shop, { waId: '6281234567890', name: 'Siti Zubaidah' }, [
      'Kak, kue lapis légit masih ada?',
      'Saya transfer Rp150.000 ya',
      'Kue lapisnya enak sekali!',
    ])
    const john = customerWithMessages(shop, { waId: '14155550123', name: 'John Carter' }, [
      'Do you ship the Lapis cake to Singapore?',
    ])
    const search = new ShopSearch(vault, createCoreEvents())
    await search.built()

    const lapis = search.search('LAPIS', options)
    expect(lapis.indexing.done).toBe(true)
    // Newest match first; every match counted, the newest few shown.
    expect(lapis.conversations.map((found) => found.conversationId)).toEqual([
      siti.conversationId,
      john.conversationId,
    ])
    expect(lapis.conversations[0]).toMatchObject({ customerMatched: false, messageCount: 2 })
    expect(lapis.conversations[0]!.messages.map((hit) => hit.messageId)).toEqual([
      siti.messageIds[2],
      siti.messageIds[0],
    ])
    expect(lapis.conversations[0]!.messages[0]).toMatchObject({
      snippet: 'Kue lapisnya enak sekali!',
      direction: 'inbound',
      fromNewest: 1,
    })
    expect(lapis.conversations[0]!.messages[1]!.fromNewest).toBe(3)

    // Accents and prefixes, several words (all must match).
    const ids = (query: string) =>
      search.search(query, options).conversations.map((found) => found.conversationId)
    expect(ids('legit')).toEqual([siti.conversationId])
    expect(ids('kue leg')).toEqual([siti.conversationId])
    expect(ids('kue singapore')).toEqual([])
    expect(ids('150.000')).toEqual([siti.conversationId])
    expect(ids('150000')).toEqual([siti.conversationId])
    // Customers by name and number, in any way a number is written.
    expect(ids('zuba')).toEqual([siti.conversationId])
    for (const number of ['+62 812-3456-7890', '0812 3456', '62812345', '812345']) {
      expect(ids(number), number).toEqual([siti.conversationId])
    }
    expect(search.search('zuba', options).conversations[0]).toMatchObject({
      customerMatched: true,
      messageCount: 0,
      messages: [],
    })
    expect(ids('+1 415 555')).toEqual([john.conversationId])
    expect(ids('   ')).toEqual([])
    search.close()
  })

  it('follows new messages from customers and replies, and new names', async () => {
    const { vault } = await unlockedVault()
    const shop = vault.shop()
    const events = createCoreEvents()
    const search = new ShopSearch(vault, events)
    await search.built()
    expect(search.search('durian', options).conversations).toEqual([])

    // A customer's message as the platform link writes it, with no event told to search.
    applyInboxEvents(shop, [
      {
        kind: 'message',
        wamid: 'wamid.new.1',
        sentAt: Date.now() - 1000,
        customer: { waId: '6285712345678', userId: null, name: 'Bu Ratna' },
        content: { type: 'text', body: 'Ada durian montong?' },
        replyTo: null,
        referral: null,
      },
    ])
    const found = search.search('durian', options).conversations
    expect(found).toHaveLength(1)
    expect(search.search('ratna', options).conversations).toHaveLength(1)
    const conversationId = found[0]!.conversationId

    // The owner's reply, through the composer's path.
    sendTextReply(shop, { conversationId, text: 'Ada kak, montong super' }, Date.now())
    expect(search.search('super', options).conversations[0]!.conversationId).toBe(conversationId)

    // A new name the owner gave: found once the change is announced.
    const customerId = (
      shop.db.prepare('SELECT customer_id FROM conversations WHERE id = ?').get(conversationId) as {
        customer_id: string
      }
    ).customer_id
    renameCustomer(shop, customerId, 'Ratna Langganan Durian', Date.now())
    events.emit('inbox.changed', { conversationIds: [conversationId] })
    expect(search.search('langganan', options).conversations[0]).toMatchObject({
      conversationId,
      customerMatched: true,
    })
    search.close()
  })

  it('answers while it is still indexing, and says so', async () => {
    const { vault } = await unlockedVault()
    const shop = vault.shop()
    const bodies = Array.from({ length: 6000 }, (_, index) => `pesanan nomor ${index} rambutan`)
    customerWithMessages(shop, { waId: '6281111111111', name: 'Pak Budi' }, bodies)
    const search = new ShopSearch(vault, createCoreEvents())
    const early = search.search('rambutan', options)
    expect(early.indexing).toMatchObject({ done: false, totalMessages: 6000 })
    expect(early.indexing.indexedMessages).toBeLessThan(6000)
    await search.built()
    const late = search.search('rambutan', options)
    expect(late.indexing).toEqual({ done: true, indexedMessages: 6000, totalMessages: 6000 })
    expect(late.conversations[0]!.messageCount).toBe(6000)
    search.close()
  })

  it('is gone after lock and built again after unlock', async () => {
    const { vault } = await unlockedVault()
    customerWithMessages(vault.shop(), { waId: '6282222222222', name: 'Dewi' }, ['mangga harum'])
    const search = new ShopSearch(vault, createCoreEvents())
    await search.built()
    expect(search.holdsIndex).toBe(true)
    vault.lock()
    expect(search.holdsIndex).toBe(false)
    expect(() => search.search('mangga', options)).toThrow(/locked/i)
    vault.unlock(passphrase)
    expect(search.holdsIndex).toBe(true)
    await search.built()
    expect(search.search('mangga', options).conversations).toHaveLength(1)
    search.close()
  })

  it('leaves no searched word readable in the database, its WAL or temp files', async () => {
    const tempBefore = new Set(readdirSync(tmpdir()))
    const { vault, dataDir } = await unlockedVault()
    const words = ['Zubaidah', 'klepon', 'Kuéputu', 'serabisolo', '6289876543210']
    customerWithMessages(vault.shop(), { waId: '6289876543210', name: 'Siti Zubaidah' }, [
      'Pesan klepon dan Kuéputu',
      'serabisolo dua kotak',
    ])
    const search = new ShopSearch(vault, createCoreEvents())
    await search.built()
    for (const query of ['zubaidah', 'klepon', 'kueputu', 'serabi', '0898765']) {
      expect(search.search(query, options).conversations, query).toHaveLength(1)
    }
    // Files as they are while the shop is open and has been searched, and after closing.
    const scan = () => {
      const files = [
        ...readdirSync(dataDir).map((name) => join(dataDir, name)),
        ...readdirSync(tmpdir())
          .filter((name) => !tempBefore.has(name))
          .map((name) => join(tmpdir(), name)),
      ]
      const found: string[] = []
      const visit = (path: string) => {
        if (statSync(path).isDirectory()) {
          for (const name of readdirSync(path)) visit(join(path, name))
          return
        }
        const bytes = readFileSync(path)
        for (const word of words) {
          const forms = [word, word.toLowerCase(), word.normalize('NFKD')]
          for (const form of forms) {
            for (const encoded of [Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le')]) {
              if (bytes.includes(encoded)) found.push(`${form} in ${path}`)
            }
          }
        }
      }
      files.forEach(visit)
      return found
    }
    expect(readdirSync(dataDir).some((name) => name.endsWith('-wal'))).toBe(true)
    expect(scan()).toEqual([])
    search.close()
    await vault.close()
    expect(scan()).toEqual([])
  })
})
