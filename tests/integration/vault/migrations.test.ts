/** Every migration, one at a time, from every earlier version; and a database from the future. */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src-main/core/store/database'
import { DatabaseFromTheFuture, migrate, schemaVersion } from '../../../src-main/core/store/migrate'
import { latestVersion, migrations } from '../../../src-main/core/store/migrations'
import { openVault, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'
import { readFileSync } from 'node:fs'

afterEach(removeTempDataDirs)

describe('migrations', () => {
  it('are numbered 1, 2, 3... with no gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    expect(latestVersion).toBe(migrations.length)
  })

  for (let from = 0; from < latestVersion; from++) {
    it(`bring a version ${from} database to ${latestVersion}, whole and consistent`, () => {
      const db = openDatabase(join(tempDataDir(), 'kedai.db'))
      expect(migrate(db, from)).toBe(from)
      expect(migrate(db)).toBe(latestVersion)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
      db.close()
    })
  }

  it.each(migrations.map((m) => [m.version, m.description] as const))(
    'migration %i (%s) applies alone and records its version',
    (version) => {
      const db = openDatabase(join(tempDataDir(), 'kedai.db'))
      // The whole schema as SQLite keeps it: a new table, index or column all change it.
      const schema = () =>
        (
          db.prepare('SELECT group_concat(sql, char(10)) AS sql FROM sqlite_master').get() as {
            sql: string | null
          }
        ).sql
      migrate(db, version - 1)
      const before = schema()
      migrate(db, version)
      expect(schemaVersion(db)).toBe(version)
      expect(schema()).not.toBe(before)
      db.close()
    },
  )

  it('the version 1 schema keeps the ledger append-only', () => {
    const db = openDatabase(join(tempDataDir(), 'kedai.db'))
    migrate(db)
    db.prepare(
      "INSERT INTO ledger (id, entry, charged, usd_micros, at) VALUES ('L1', 'estimate', 1, 41100, 0)",
    ).run()
    expect(() => db.prepare('UPDATE ledger SET usd_micros = 0').run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM ledger').run()).toThrow(/append-only/)
    db.close()
  })

  it('refuse a database from a newer Kedai with a clear message and change nothing', async () => {
    const dataDir = tempDataDir()
    const vault = await openVault(dataDir)
    vault.create('Toko', passphrase)
    await vault.close()
    const db = openDatabase(join(dataDir, 'kedai.db'))
    db.pragma(`user_version = ${latestVersion + 1}`)
    db.close()
    const before = readFileSync(join(dataDir, 'kedai.db'))

    expect(() => migrate(openDatabase(join(dataDir, 'kedai.db')))).toThrow(DatabaseFromTheFuture)
    const future = await openVault(dataDir)
    const status = await future.status()
    expect(status.state).toBe('damaged')
    expect(status.damage).toMatch(/newer version of Kedai/)
    expect(readFileSync(join(dataDir, 'kedai.db')).equals(before)).toBe(true)
    await future.close()
  })
})
