/**
 * What notifications and the unread badge get from core: events with ids only, the text read
 * on demand from the open vault, and nothing at all while it is locked.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { EventEnvelope } from '../../../src-shared/bridge/envelope'
import { known } from '../../support/shop-fixture'
import { applyInboxEvents } from '../../../src-main/core/link/apply-inbox-events'
import { Vault } from '../../../src-main/core/vault/vault'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'
import { coreWithKnownShop } from './core-shop'

afterEach(removeTempDataDirs)

describe('notification content', () => {
  it('is read from the open vault, and refused while it is locked', async () => {
    const { core, shop } = await coreWithKnownShop()
    const messageId = shop.messageIds[1]!
    const content = await core.handlers['inbox.notificationContent']({ messageId })
    expect(content).toMatchObject({
      conversationId: shop.conversationId,
      customerName: known.customerName,
      message: { id: messageId, body: { type: 'text', body: known.secondBody } },
    })
    await core.handlers['vault.lock']({})
    expect(() => core.handlers['inbox.notificationContent']({ messageId })).toThrow(
      expect.objectContaining({ code: 'VAULT_LOCKED' }),
    )
    await core.close()
  })
})

describe('the unread total', () => {
  it('follows reading and locking, and says null while locked', async () => {
    const { core, shop } = await coreWithKnownShop()
    const seen: EventEnvelope[] = []
    core.events.subscribe((event) => seen.push(event))
    expect(await core.handlers['inbox.unreadTotal']({})).toEqual({ total: 2 })
    await core.handlers['inbox.markRead']({ conversationId: shop.conversationId })
    expect(await core.handlers['inbox.unreadTotal']({})).toEqual({ total: 0 })
    await core.handlers['vault.lock']({})
    expect(await core.handlers['inbox.unreadTotal']({})).toEqual({ total: null })
    await core.handlers['vault.unlock']({ passphrase })
    const totals = seen
      .filter((event) => event.event === 'inbox.unreadTotal')
      .map((event) => (event.payload as { total: number | null }).total)
    expect(totals).toEqual([0, null, 0])
    // No event of any kind carries a customer's words.
    expect(JSON.stringify(seen)).not.toContain(known.secondBody)
    await core.close()
  })
})

describe('what the link announces', () => {
  it('a new customer message once; neither its replay nor the shop’s own echo', async () => {
    const dataDir = tempDataDir()
    const vault = await Vault.open({ dataDir, kdf: fastKdf })
    vault.create('Toko', passphrase)
    const customer = { waId: '6281200000001', userId: null, name: 'Rina' }
    const message = {
      kind: 'message',
      wamid: 'wamid.N1',
      sentAt: Date.now(),
      customer,
      content: { type: 'text', body: 'Halo kak' },
      replyTo: null,
      referral: null,
    }
    const echo = { ...message, kind: 'messageEcho', wamid: 'wamid.E1' }
    const first = applyInboxEvents(vault.shop(), [message, echo])
    expect(first.customerMessages).toHaveLength(1)
    expect(first.customerMessages[0]).toMatchObject({ sentAt: message.sentAt })
    expect(applyInboxEvents(vault.shop(), [message]).customerMessages).toEqual([])
    await vault.close()
  })
})
