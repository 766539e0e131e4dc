/** Backups on close, export and restore, and what happens to a file that cannot be opened. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listMessages } from '../../../src-main/core/inbox/messages'
import { listBackups } from '../../../src-main/core/vault/backups'
import { openVault, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'
import { known, writeKnownShop } from '../../support/shop-fixture'

afterEach(removeTempDataDirs)

describe('backups and recovery', () => {
  it('backs up on every clean close and keeps the newest five', async () => {
    const dataDir = tempDataDir()
    let now = Date.UTC(2026, 10, 1)
    for (let i = 0; i < 7; i++) {
      const vault = await openVault(dataDir, { now: () => (now += 60_000) })
      if (i === 0) vault.create(known.shopName, passphrase)
      await vault.close()
    }
    expect(listBackups(dataDir)).toHaveLength(5)
  })

  it('offers the latest backup when garbage is written over the database, and restores it', async () => {
    const dataDir = tempDataDir()
    const vault = await openVault(dataDir)
    vault.create(known.shopName, passphrase)
    const { conversationId } = writeKnownShop(vault.shop())
    await vault.close()

    const path = join(dataDir, 'kedai.db')
    const garbage = Buffer.alloc(readFileSync(path).length, 0)
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251
    writeFileSync(path, garbage)

    const damaged = await openVault(dataDir)
    const status = await damaged.status()
    expect(status.state).toBe('damaged')
    expect(status.damage).toMatch(/could not be opened/)
    expect(status.latestBackup?.fileName).toMatch(/^kedai-.*\.db$/)
    expect(() => damaged.shop()).toThrow()

    expect(damaged.restoreLatestBackup()).toMatchObject({ state: 'locked' })
    damaged.unlock(passphrase)
    expect(listMessages(damaged.shop(), conversationId).map((m) => m.body)).toEqual([
      { type: 'text', body: known.body },
      { type: 'text', body: known.secondBody },
    ])
    // The damaged file is kept aside, never deleted.
    const aside = readdirSync(join(dataDir, 'backups')).filter((name) =>
      name.startsWith('replaced-'),
    )
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dataDir, 'backups', aside[0]!)).equals(garbage)).toBe(true)
    await damaged.close()
  })

  it('restores an exported backup only after checking it, with its own passphrase', async () => {
    const source = await openVault(tempDataDir())
    source.create('Toko Lama', passphrase)
    const { conversationId } = writeKnownShop(source.shop())
    const exported = await source.exportBackup()
    await source.close()
    expect(exported.fileName).toMatch(/^kedai-backup-\d{4}-\d{2}-\d{2}\.db$/)

    const target = await openVault(tempDataDir())
    target.create('Toko Baru', 'another good passphrase')
    const before = readFileSync(target.path)

    const refusal = (bytes: Uint8Array, given: string) => {
      try {
        target.restore(bytes, given)
      } catch (cause) {
        return (cause as { code?: string }).code
      }
      return 'restored'
    }
    expect(refusal(Buffer.from('not a database at all'), passphrase)).toBe('INVALID_INPUT')
    expect(refusal(exported.bytes, 'wrong passphrase here')).toBe('WRONG_PASSPHRASE')
    const truncated = exported.bytes.subarray(0, Math.floor(exported.bytes.length / 2))
    expect(refusal(truncated, passphrase)).toBe('INVALID_INPUT')
    expect((await target.status()).shopName).toBe('Toko Baru')
    expect(readFileSync(target.path).equals(before)).toBe(true)

    expect(target.restore(exported.bytes, passphrase)).toMatchObject({
      state: 'unlocked',
      shopName: 'Toko Lama',
    })
    expect(listMessages(target.shop(), conversationId)).toHaveLength(2)
    await target.close()
  })

  it('says there is nothing to restore when there is no backup', async () => {
    const dataDir = tempDataDir()
    writeFileSync(join(dataDir, 'kedai.db'), 'this is not sqlite, and no backup exists')
    const vault = await openVault(dataDir)
    const status = await vault.status()
    expect(status).toMatchObject({ state: 'damaged', latestBackup: null })
    expect(() => vault.restoreLatestBackup()).toThrow(/no backup/)
    expect(existsSync(join(dataDir, 'kedai.db'))).toBe(true)
    await vault.close()
  })
})
