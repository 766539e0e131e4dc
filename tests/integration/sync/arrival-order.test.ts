/**
 * Two bugs the simulation found, each pinned down on one real vault: the archived mark and a
 * reply's status must not depend on the order in which the relay's inbox and the operation log
 * reach a device.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  applyEarlyStatuses,
  applyInboxEvents,
} from '../../../src-main/core/link/apply-inbox-events'
import { insertMessages, sealingBodies } from '../../../src-main/core/inbox/messages'
import { statement } from '../../../src-main/core/store/statements'
import { loadSodium } from '../../../src-main/core/vault/sodium'
import { openVault, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'

afterEach(removeTempDataDirs)

async function shopWithConversation() {
  const vault = await openVault(tempDataDir())
  vault.create('Toko Urutan', passphrase)
  const shop = vault.shop()
  await loadSodium()
  const now = 1_790_000_000_000
  statement(
    shop.db,
    `INSERT INTO customers (id, wa_index, first_seen_at, created_at, updated_at) VALUES ('c1', x'01', ?, ?, ?)`,
  ).run(now, now, now)
  statement(
    shop.db,
    `INSERT INTO conversations (id, customer_id, last_message_at, created_at) VALUES ('v1', 'c1', ?, ?)`,
  ).run(now, now)
  return { vault, shop, now }
}

describe('arrival order', () => {
  it('an older customer message arriving after the archive keeps the conversation archived; a newer one brings it back', async () => {
    const { vault, shop, now } = await shopWithConversation()
    statement(shop.db, `UPDATE conversations SET archived_at = ? WHERE id = 'v1'`).run(now)
    const message = (wamid: string, sentAt: number) => ({
      conversationId: 'v1',
      direction: 'inbound' as const,
      kind: 'text',
      body: { type: 'text', body: 'halo' },
      status: 'received',
      sentAt,
      wamid,
    })
    insertMessages(shop, [message('w-old', now - 5_000)], sealingBodies(shop))
    const archived = () =>
      (
        statement(shop.db, `SELECT archived_at AS a FROM conversations WHERE id = 'v1'`).get() as {
          a: number | null
        }
      ).a
    expect(archived()).toBe(now)
    insertMessages(shop, [message('w-new', now + 5_000)], sealingBodies(shop))
    expect(archived()).toBeNull()
    await vault.close()
  })

  it('statuses of another device’s reply that arrive before the reply are played onto it', async () => {
    const { vault, shop } = await shopWithConversation()
    const status = (state: string, at: number) => ({
      kind: 'status',
      wamid: 'wamid.reply',
      status: state,
      statusAt: at,
      errors: [],
      bizOpaqueCallbackData: 'client-1',
    })
    applyInboxEvents(shop, [status('sent', 1), status('delivered', 2)])
    const early = statement(shop.db, 'SELECT count(*) AS n FROM early_statuses').get() as {
      n: number
    }
    expect(early.n).toBe(2)
    // The reply's fact arrives later, as the materialiser writes it.
    insertMessages(
      shop,
      [
        {
          conversationId: 'v1',
          direction: 'outbound',
          kind: 'text',
          body: { type: 'text', body: 'siap' },
          status: 'queued',
          sentAt: 1,
          clientId: 'client-1',
        },
      ],
      sealingBodies(shop),
    )
    applyEarlyStatuses(shop, 'client-1')
    const row = statement(
      shop.db,
      `SELECT status, wamid FROM messages WHERE client_id = 'client-1'`,
    ).get()
    expect(row).toEqual({ status: 'delivered', wamid: 'wamid.reply' })
    await vault.close()
  })
})
