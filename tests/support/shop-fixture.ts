/** A small shop with known customers, messages and notes, written through the real code. */
import { ensureConversation } from '../../src-main/core/inbox/conversations'
import { upsertCustomer } from '../../src-main/core/inbox/customers'
import { insertMessages, sealingBodies } from '../../src-main/core/inbox/messages'
import { addNote } from '../../src-main/core/inbox/notes'
import { SyncLog } from '../../src-main/core/sync/sync-log'
import type { OpenShop } from '../../src-main/core/vault/vault'
// Ready once a vault is open (it seals with it), so the fixture can stay synchronous.
import sodium from 'libsodium-wrappers-sumo'

export const known = {
  customerName: 'Siti Nurhaliza Rahmawati',
  phone: '6281234567890',
  body: 'Kak, baju batik ukuran M masih ada? Mau kirim ke Bandung',
  secondBody: 'Pesanan nomor 4471 sudah dibayar ya',
  note: 'Langganan setia, suka diskon ongkir',
  shopName: 'Warung Makmur Jaya',
}

export function writeKnownShop(shop: OpenShop, at = Date.UTC(2026, 10, 20, 3)) {
  const customerId = upsertCustomer(shop, {
    waId: known.phone,
    profileName: known.customerName,
    country: 'ID',
    market: 'indonesia',
    at,
  })
  const conversationId = ensureConversation(shop, customerId, at)
  const messageIds = insertMessages(
    shop,
    [
      {
        conversationId,
        direction: 'inbound',
        kind: 'text',
        body: { type: 'text', body: known.body },
        status: 'received',
        sentAt: at,
        wamid: 'wamid.A1',
      },
      {
        conversationId,
        direction: 'inbound',
        kind: 'text',
        body: { type: 'text', body: known.secondBody },
        status: 'received',
        sentAt: at + 1000,
        wamid: 'wamid.A2',
      },
    ],
    sealingBodies(shop),
  )
  const noteId = addNote(shop, new SyncLog(sodium), customerId, known.note, at)
  return { customerId, conversationId, messageIds, noteId }
}
