/**
 * Writes known names, numbers, bodies and notes, closes the app, and reads every file Kedai
 * left behind (database, WAL, backups) and everything it logged, byte by byte: none of those
 * strings may be there, in UTF-8 or UTF-16.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setLogSink } from '../../../src-main/core/logger'
import { renameCustomer } from '../../../src-main/core/inbox/customers'
import { listMessages } from '../../../src-main/core/inbox/messages'
import { openVault, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'
import { known, writeKnownShop } from '../../support/shop-fixture'

afterEach(() => {
  setLogSink(null)
  removeTempDataDirs()
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

const secrets = [
  known.customerName,
  known.phone,
  known.body,
  known.secondBody,
  known.note,
  known.shopName,
  'Ibu Sari Pelanggan',
  passphrase,
]

function forms(text: string): Buffer[] {
  const utf16le = Buffer.from(text, 'utf16le')
  const utf16be = Buffer.from(utf16le).swap16()
  // A distinctive slice too, so a partly stored string is caught.
  const slice = text.slice(0, 12)
  return [Buffer.from(text, 'utf8'), utf16le, utf16be, Buffer.from(slice, 'utf8')]
}

function findSecrets(files: Record<string, Buffer>): string[] {
  const found: string[] = []
  for (const [name, bytes] of Object.entries(files)) {
    for (const secret of secrets) {
      for (const form of forms(secret)) {
        if (bytes.includes(form)) found.push(`${secret} in ${name}`)
      }
    }
  }
  return found
}

describe('nothing a customer or the owner wrote is readable at rest', () => {
  it('in the database, its WAL, the backups and the log', async () => {
    const dataDir = tempDataDir()
    let logged = ''
    setLogSink((line) => (logged += `${line}\n`))

    const vault = await openVault(dataDir)
    vault.create(known.shopName, passphrase)
    const shop = vault.shop()
    const { customerId, conversationId, messageIds } = writeKnownShop(shop)
    renameCustomer(shop, customerId, 'Ibu Sari Pelanggan', Date.now())
    // A tampered row makes the vault log a warning: that line must not leak either.
    shop.db
      .prepare('UPDATE messages SET body_sealed = ? WHERE id = ?')
      .run(Buffer.from('x'), messageIds[0])
    listMessages(shop, conversationId)

    // While open: the WAL holds the newest pages.
    const open = Object.fromEntries(filesUnder(dataDir).map((f) => [f, readFileSync(f)]))
    expect(Object.keys(open).some((f) => f.endsWith('-wal'))).toBe(true)
    expect(findSecrets(open)).toEqual([])

    await vault.close()
    const closed = Object.fromEntries(filesUnder(dataDir).map((f) => [f, readFileSync(f)]))
    expect(Object.keys(closed).some((f) => f.includes(`backups`))).toBe(true)
    expect(findSecrets({ ...closed, log: Buffer.from(logged) })).toEqual([])
    expect(logged).toContain('a sealed field did not open')
  })

  it('the scan does find a string that is there (the test can fail)', () => {
    expect(findSecrets({ probe: Buffer.from(`xx${known.note}xx`, 'utf16le') })).toContain(
      `${known.note} in probe`,
    )
    expect(findSecrets({ probe: Buffer.from(`a ${known.phone} b`) })).toContain(
      `${known.phone} in probe`,
    )
  })
})
