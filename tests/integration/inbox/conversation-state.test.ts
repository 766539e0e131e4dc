/** Read, pinned and archived, through core's own handlers on a real vault. */
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src-main/core/core'
import { Vault } from '../../../src-main/core/vault/vault'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'
import { writeKnownShop } from '../../support/shop-fixture'

afterEach(removeTempDataDirs)

async function coreWithShop(): Promise<Core> {
  const dataDir = tempDataDir()
  const vault = await Vault.open({ dataDir, kdf: fastKdf })
  vault.create('Toko', passphrase)
  writeKnownShop(vault.shop(), Date.now() - 60_000)
  await vault.close()
  const core = await createCore({ dataDir, shell: 'browser', kdf: fastKdf })
  await core.handlers['vault.unlock']({ passphrase })
  return core
}

describe('conversation state', () => {
  it('marks a conversation read', async () => {
    const core = await coreWithShop()
    const [conversation] = await core.handlers['inbox.conversations']({ limit: 10 })
    expect(conversation!.unreadCount).toBe(2)
    expect(conversation!.customer.firstSeenAt).toBeGreaterThan(0)
    const read = await core.handlers['inbox.markRead']({ conversationId: conversation!.id })
    expect(read).toEqual({ unreadCount: 0 })
    const [after] = await core.handlers['inbox.conversations']({ limit: 10 })
    expect(after!.unreadCount).toBe(0)
    await core.close()
  })

  it('pins and archives, and says so when the conversation does not exist', async () => {
    const core = await coreWithShop()
    const [conversation] = await core.handlers['inbox.conversations']({ limit: 10 })
    const conversationId = conversation!.id
    await core.handlers['inbox.setPinned']({ conversationId, pinned: true })
    await core.handlers['inbox.setArchived']({ conversationId, archived: true })
    const [marked] = await core.handlers['inbox.conversations']({ limit: 10 })
    expect(marked!.pinnedAt).not.toBeNull()
    expect(marked!.archivedAt).not.toBeNull()
    await core.handlers['inbox.setPinned']({ conversationId, pinned: false })
    const [unpinned] = await core.handlers['inbox.conversations']({ limit: 10 })
    expect(unpinned!.pinnedAt).toBeNull()
    expect(() =>
      core.handlers['inbox.setPinned']({ conversationId: 'nope', pinned: true }),
    ).toThrow(/not in this shop/)
    await core.close()
  })
})
