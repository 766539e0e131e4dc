/** The SQLite relay store on a real file: schema versions, enrolment, intake, send records. */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { inviteCodeDigest } from '../../../src-relay/crypto/invite-code'
import { sha256 } from '../../../src-relay/crypto/secrets'
import type { RelayStore } from '../../../src-relay/store/relay-store'
import {
  latestRelaySchema,
  migrateRelayDatabase,
  RelayDatabaseFromTheFuture,
  relayMigrations,
} from '../../../src-relay/store/sqlite/migrations'
import { openRelayDatabase } from '../../../src-relay/store/sqlite/open-database'
import {
  openSqliteRelayStore,
  relayDatabaseFile,
} from '../../../src-relay/store/sqlite/sqlite-store'
import { removeTempDirs, tempDir } from './support'

const stores: RelayStore[] = []

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close()
  removeTempDirs()
})

function open(dataDir = tempDir()): RelayStore {
  const store = openSqliteRelayStore({ dataDir })
  stores.push(store)
  return store
}

const key = new Uint8Array(32).fill(7)

async function shopWithDevice(
  store: RelayStore,
  phoneNumberId = '1',
  code = 'AAAA-BBBB-CCCC-DDDD',
) {
  await store.createInvite({
    codeDigest: inviteCodeDigest(code)!,
    phoneNumberId,
    businessAccountId: null,
    createdAt: 0,
    expiresAt: 1000,
  })
  const result = await store.enrol({
    codeDigest: inviteCodeDigest(code)!,
    at: 10,
    shopPublicKey: key,
    newShopId: `shop-${phoneNumberId}`,
    deviceId: `device-${phoneNumberId}`,
    deviceTokenDigest: sha256(`token-${phoneNumberId}`),
    deviceName: 'Kasir',
  })
  if (!result.ok) throw new Error(result.reason)
  return result
}

describe('schema versions', () => {
  it('creates the latest schema in WAL mode and refuses a database from a newer relay', async () => {
    const dataDir = tempDir()
    await open(dataDir).close()
    stores.pop()
    const db = new Database(join(dataDir, relayDatabaseFile))
    expect(db.pragma('user_version', { simple: true })).toBe(latestRelaySchema)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.pragma(`user_version = ${latestRelaySchema + 1}`)
    db.close()
    expect(() => openSqliteRelayStore({ dataDir })).toThrow(RelayDatabaseFromTheFuture)
  })
})

describe('the shop files migration', () => {
  it('adds shop_files to a database of the schema before it and keeps what was there', async () => {
    const dataDir = tempDir()
    const before = relayMigrations.findIndex((migration) =>
      migration.description.startsWith('shop files'),
    )
    expect(before).toBeGreaterThan(0)
    const old = openRelayDatabase(join(dataDir, relayDatabaseFile))
    migrateRelayDatabase(old, relayMigrations.slice(0, before))
    old
      .prepare(
        'INSERT INTO shops (id, public_key, phone_number_id, created_at) VALUES (?, ?, ?, ?)',
      )
      .run('shop-old', key, '1', 5)
    old.close()

    const store = open(dataDir)
    expect((await store.shops()).map((shop) => shop.id)).toEqual(['shop-old'])
    const sealed = new Uint8Array([1, 2, 3, 4])
    const fileId = '01JZ0000000000000000000000'
    expect(await store.putShopFile('shop-old', { fileId, sealed, createdAt: 6 })).toBe('stored')
    expect(await store.shopFile('shop-old', fileId)).toEqual(sealed)
  })
})

describe('shop files', () => {
  it('keep an id to its first bytes, per shop', async () => {
    const store = open()
    await shopWithDevice(store, '1')
    await shopWithDevice(store, '2', 'EEEE-FFFF-GGGG-HHHH')
    const fileId = '01JZ0000000000000000000001'
    const sealed = new Uint8Array([9, 8, 7])
    expect(await store.putShopFile('shop-1', { fileId, sealed, createdAt: 1 })).toBe('stored')
    expect(await store.putShopFile('shop-1', { fileId, sealed, createdAt: 2 })).toBe('same')
    const flipped = new Uint8Array([9, 8, 6])
    expect(await store.putShopFile('shop-1', { fileId, sealed: flipped, createdAt: 3 })).toBe(
      'different',
    )
    const longer = new Uint8Array([9, 8, 7, 6])
    expect(await store.putShopFile('shop-1', { fileId, sealed: longer, createdAt: 4 })).toBe(
      'different',
    )
    expect(await store.shopFile('shop-2', fileId)).toBeNull()
    expect(await store.putShopFile('shop-2', { fileId, sealed: flipped, createdAt: 5 })).toBe(
      'stored',
    )
    expect(await store.shopFile('shop-1', fileId)).toEqual(sealed)
    expect(await store.shopFile('shop-2', fileId)).toEqual(flipped)
    expect(await store.shopFile('shop-1', '01JZ0000000000000000000002')).toBeNull()
  })
})

describe('enrolment', () => {
  it('spends the code, makes the shop and the device in one go', async () => {
    const store = open()
    const result = await shopWithDevice(store)
    expect(result).toMatchObject({
      ok: true,
      shopCreated: true,
      shop: { id: 'shop-1', phoneNumberId: '1' },
    })
    expect(await store.deviceByTokenDigest(sha256('token-1'))).toMatchObject({
      id: 'device-1',
      shopId: 'shop-1',
    })
    expect(await store.deviceByTokenDigest(sha256('token-2'))).toBeNull()
    const again = await store.enrol({
      codeDigest: inviteCodeDigest('AAAA-BBBB-CCCC-DDDD')!,
      at: 20,
      shopPublicKey: key,
      newShopId: 'x',
      deviceId: 'y',
      deviceTokenDigest: sha256('z'),
      deviceName: 'n',
    })
    expect(again).toEqual({ ok: false, reason: 'invalidCode' })
    expect(await store.deviceByTokenDigest(sha256('z'))).toBeNull()
  })
})

describe('intake', () => {
  it('stores only fresh events, seals them once, and keeps nothing for a batch of repeats', async () => {
    const store = open()
    await shopWithDevice(store)
    const digests = [sha256('a'), sha256('b')]
    const sealedWith: number[][] = []
    const batch = {
      shopId: 'shop-1',
      keyDigests: digests,
      seal: (fresh: readonly number[]) => (sealedWith.push([...fresh]), new Uint8Array([1, 2, 3])),
    }
    const [first] = await store.intake([batch], 100)
    const [second] = await store.intake([{ ...batch, keyDigests: [sha256('b'), sha256('c')] }], 101)
    const [third] = await store.intake([batch], 102)
    expect(first).toEqual({ shopId: 'shop-1', seq: 1, freshIndexes: [0, 1] })
    expect(second).toEqual({ shopId: 'shop-1', seq: 2, freshIndexes: [1] })
    expect(third).toEqual({ shopId: 'shop-1', seq: null, freshIndexes: [] })
    expect(sealedWith).toEqual([[0, 1], [1]])
    expect(await store.latestSeq('shop-1')).toBe(2)
    expect(await store.forgetEventKeysBefore(101)).toBe(2)
  })

  it('rolls the whole POST back when sealing fails, so a redelivery gets everything', async () => {
    const store = open()
    await shopWithDevice(store)
    const failing = {
      shopId: 'shop-1',
      keyDigests: [sha256('a')],
      seal: (): Uint8Array => {
        throw new Error('seal failed')
      },
    }
    await expect(store.intake([failing], 1)).rejects.toThrow('seal failed')
    const [retry] = await store.intake([{ ...failing, seal: () => new Uint8Array([9]) }], 2)
    expect(retry!.freshIndexes).toEqual([0])
  })
})

describe('send records', () => {
  it('record a client id once and apply only forward moves', async () => {
    const store = open()
    await shopWithDevice(store)
    const begun = await store.beginSend('shop-1', 'client', 1)
    expect(begun).toMatchObject({ created: true, record: { state: 'queued', attempts: 0 } })
    expect(await store.beginSend('shop-1', 'client', 2)).toMatchObject({ created: false })
    expect(await store.transitionSend('shop-1', 'client', { to: 'calling' }, 3)).toMatchObject({
      state: 'calling',
      attempts: 1,
    })
    expect(await store.transitionSend('shop-1', 'client', { to: 'calling' }, 3)).toBeNull()
    expect(
      await store.transitionSend('shop-1', 'client', { to: 'sent', wamid: 'wamid.1' }, 4),
    ).toMatchObject({ state: 'sent', wamid: 'wamid.1' })
    expect(await store.transitionSend('shop-1', 'client', { to: 'unknown' }, 5)).toBeNull()
    expect(await store.sendByWamid('shop-1', 'wamid.1')).toMatchObject({ clientId: 'client' })
    const failed = await store.transitionSend(
      'shop-1',
      'client',
      {
        to: 'failed',
        error: { code: 131026, reason: 'undeliverable', message: 'Message Undeliverable.' },
      },
      6,
    )
    expect(failed).toMatchObject({
      state: 'failed',
      wamid: 'wamid.1',
      error: { code: 131026, reason: 'undeliverable' },
    })
    expect(await store.sendByClientId('shop-2', 'client')).toBeNull()
  })
})

describe('background checkpoints', () => {
  it('fold the WAL into the database file without the writer doing it', async () => {
    const dataDir = tempDir()
    const store = open(dataDir)
    await shopWithDevice(store)
    const file = join(dataDir, relayDatabaseFile)
    const before = statSync(file).size
    for (let index = 0; index < 200; index += 1) {
      const blob = new Uint8Array(2048).fill(index)
      await store.intake(
        [{ shopId: 'shop-1', keyDigests: [sha256(`k${index}`)], seal: () => blob }],
        index,
      )
    }
    // The writer's own threshold is far away: only the background thread can have copied pages.
    expect(statSync(file).size).toBe(before)
    await new Promise((resolve) => setTimeout(resolve, 1600))
    expect(statSync(file).size).toBeGreaterThan(before + 200 * 2048)
  })
})
