/**
 * The relay store on one SQLite file. Every method is one synchronous transaction (never across
 * an `await`), wrapped in a resolved promise to meet the interface a networked database needs.
 */
import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import {
  transitionFrom,
  type SendError,
  type SendRecord,
  type SendState,
  type SendTransition,
} from '../../sending/send-state'
import type {
  DeviceRecord,
  EnrolRequest,
  EnrolResult,
  InboxItem,
  IntakeBatch,
  IntakeResult,
  InviteRecord,
  PairingRecord,
  PairRequestRecord,
  PutShopFileResult,
  RelayStore,
  ShopFileRecord,
  ShopRecord,
  SyncLogItem,
  SyncSnapshotRecord,
} from '../relay-store'
import { startCheckpointer, type Checkpointer } from './checkpointer'
import { migrateRelayDatabase } from './migrations'
import { openRelayDatabase, type Db } from './open-database'

export const relayDatabaseFile = 'relay.sqlite'

interface ShopRow {
  id: string
  public_key: Buffer
  phone_number_id: string
  business_account_id: string | null
  created_at: number
}

interface DeviceRow {
  id: string
  shop_id: string
  name: string
  created_at: number
  removed_at: number | null
  last_seen_at: number | null
}

interface SyncLogRow {
  seq: number
  device_id: string
  batch_id: string
  key_id: string
  nonce: Buffer
  ciphertext: Buffer
}

interface SnapshotRow {
  snapshot_id: string
  device_id: string
  cursor: number
  key_id: string
  nonce: Buffer
  ciphertext: Buffer
  created_at: number
}

function logItemOf(row: SyncLogRow): SyncLogItem {
  return {
    seq: row.seq,
    deviceId: row.device_id,
    batchId: row.batch_id,
    keyId: row.key_id,
    nonce: new Uint8Array(row.nonce),
    ciphertext: new Uint8Array(row.ciphertext),
  }
}

function snapshotOf(row: SnapshotRow): SyncSnapshotRecord {
  return {
    snapshotId: row.snapshot_id,
    deviceId: row.device_id,
    cursor: row.cursor,
    keyId: row.key_id,
    nonce: new Uint8Array(row.nonce),
    ciphertext: new Uint8Array(row.ciphertext),
    createdAt: row.created_at,
  }
}

interface SendRow {
  shop_id: string
  client_id: string
  state: SendState
  wamid: string | null
  error_code: string | null
  error_reason: string | null
  error_message: string | null
  attempts: number
  created_at: number
  updated_at: number
}

function shopOf(row: ShopRow): ShopRecord {
  return {
    id: row.id,
    publicKey: new Uint8Array(row.public_key),
    phoneNumberId: row.phone_number_id,
    businessAccountId: row.business_account_id,
    createdAt: row.created_at,
  }
}

function deviceOf(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    shopId: row.shop_id,
    name: row.name,
    createdAt: row.created_at,
    removedAt: row.removed_at,
    lastSeenAt: row.last_seen_at,
  }
}

function sendOf(row: SendRow): SendRecord {
  let error: SendError | null = null
  if (row.error_code !== null) {
    error = {
      code: /^\d+$/.test(row.error_code) ? Number(row.error_code) : 'NOT_SENT',
      reason: row.error_reason ?? 'unknown',
      message: row.error_message ?? '',
    }
  }
  return {
    shopId: row.shop_id,
    clientId: row.client_id,
    state: row.state,
    wamid: row.wamid,
    error,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Runs synchronous work as a promise: a throw becomes a rejection, as async callers expect. */
function run<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (cause) {
    return Promise.reject(cause instanceof Error ? cause : new Error(String(cause)))
  }
}

export interface SqliteStoreOptions {
  dataDir: string
  /** The Electron build of better-sqlite3 when the relay runs inside the app (demo mode). */
  nativeBinding?: string
  /** Checkpoint the WAL from a background thread (default); false leaves it to SQLite. */
  backgroundCheckpoints?: boolean
}

export function openSqliteRelayStore(options: SqliteStoreOptions): RelayStore {
  mkdirSync(options.dataDir, { recursive: true })
  const path = join(options.dataDir, relayDatabaseFile)
  const db = openRelayDatabase(path, options.nativeBinding)
  try {
    migrateRelayDatabase(db)
  } catch (cause) {
    db.close()
    throw cause
  }
  const checkpointer =
    options.backgroundCheckpoints === false ? null : startCheckpointer(path, options)
  // With checkpoints in the background, the automatic one is only a safety net (about 80 MB).
  if (checkpointer) db.pragma('wal_autocheckpoint = 20000')
  return new SqliteRelayStore(db, checkpointer)
}

class SqliteRelayStore implements RelayStore {
  private readonly statements
  private readonly enrolTransaction
  private readonly intakeTransaction
  private readonly beginSendTransaction
  private readonly transitionTransaction
  private readonly appendSyncTransaction
  private readonly snapshotTransaction
  private readonly pairTransaction
  private readonly putFileTransaction
  private readonly sync
  private readonly files

  constructor(
    private readonly db: Db,
    private readonly checkpointer: Checkpointer | null,
  ) {
    this.statements = {
      insertInvite: db.prepare(
        `INSERT INTO invites (code_digest, phone_number_id, business_account_id, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      invite: db.prepare<
        [Uint8Array],
        {
          phone_number_id: string
          business_account_id: string | null
          expires_at: number
          used_at: number | null
        }
      >(
        'SELECT phone_number_id, business_account_id, expires_at, used_at FROM invites WHERE code_digest = ?',
      ),
      spendInvite: db.prepare(
        'UPDATE invites SET used_at = ? WHERE code_digest = ? AND used_at IS NULL',
      ),
      shopByPhoneNumber: db.prepare<[string], ShopRow>(
        'SELECT * FROM shops WHERE phone_number_id = ?',
      ),
      insertShop: db.prepare(
        `INSERT INTO shops (id, public_key, phone_number_id, business_account_id, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      insertDevice: db.prepare(
        'INSERT INTO devices (id, shop_id, token_digest, name, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      deviceByToken: db.prepare<[Uint8Array], DeviceRow>(
        'SELECT id, shop_id, name, created_at, removed_at, last_seen_at FROM devices WHERE token_digest = ?',
      ),
      devicesOfShop: db.prepare<[string], DeviceRow>(
        'SELECT id, shop_id, name, created_at, removed_at, last_seen_at FROM devices WHERE shop_id = ? ORDER BY created_at, id',
      ),
      markDeviceSeen: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
      removeDevice: db.prepare(
        'UPDATE devices SET removed_at = ? WHERE shop_id = ? AND id = ? AND removed_at IS NULL',
      ),
      device: db.prepare<[string, string], DeviceRow>(
        'SELECT id, shop_id, name, created_at, removed_at, last_seen_at FROM devices WHERE shop_id = ? AND id = ?',
      ),
      shops: db.prepare<[], ShopRow>('SELECT * FROM shops ORDER BY created_at, id'),
      setBusinessAccount: db.prepare(
        'UPDATE shops SET business_account_id = ? WHERE id = ? AND business_account_id IS NULL',
      ),
      seeEvent: db.prepare('INSERT OR IGNORE INTO seen_events (key_digest, seen_at) VALUES (?, ?)'),
      insertInbox: db.prepare('INSERT INTO inbox (shop_id, sealed, received_at) VALUES (?, ?, ?)'),
      readInbox: db.prepare<
        [string, number, number],
        { seq: number; received_at: number; sealed: Buffer }
      >(
        'SELECT seq, received_at, sealed FROM inbox WHERE shop_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      latestSeq: db.prepare<[string], { seq: number | null }>(
        'SELECT max(seq) AS seq FROM inbox WHERE shop_id = ?',
      ),
      forgetEvents: db.prepare('DELETE FROM seen_events WHERE seen_at < ?'),
      insertSend: db.prepare(
        `INSERT OR IGNORE INTO sends (shop_id, client_id, state, attempts, created_at, updated_at)
         VALUES (?, ?, 'queued', 0, ?, ?)`,
      ),
      send: db.prepare<[string, string], SendRow>(
        'SELECT * FROM sends WHERE shop_id = ? AND client_id = ?',
      ),
      sendByWamid: db.prepare<[string, string], SendRow>(
        'SELECT * FROM sends WHERE shop_id = ? AND wamid = ? ORDER BY created_at LIMIT 1',
      ),
      updateSend: db.prepare(
        `UPDATE sends SET state = @state, wamid = coalesce(@wamid, wamid), error_code = @errorCode,
           error_reason = @errorReason, error_message = @errorMessage,
           attempts = attempts + @addAttempt, updated_at = @at
         WHERE shop_id = @shopId AND client_id = @clientId`,
      ),
    }

    this.sync = {
      batchById: db.prepare<[string, string], { seq: number }>(
        'SELECT seq FROM sync_log WHERE shop_id = ? AND batch_id = ?',
      ),
      insertBatch: db.prepare(
        `INSERT INTO sync_log (shop_id, device_id, batch_id, key_id, nonce, ciphertext, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      readLog: db.prepare<[string, number, number], SyncLogRow>(
        `SELECT seq, device_id, batch_id, key_id, nonce, ciphertext FROM sync_log
         WHERE shop_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
      ),
      latestSeq: db.prepare<[string], { seq: number | null }>(
        'SELECT max(seq) AS seq FROM sync_log WHERE shop_id = ?',
      ),
      snapshot: db.prepare<[string], SnapshotRow>('SELECT * FROM sync_snapshots WHERE shop_id = ?'),
      putSnapshot: db.prepare(
        `INSERT INTO sync_snapshots (shop_id, snapshot_id, device_id, cursor, key_id, nonce, ciphertext, created_at)
         VALUES (@shopId, @snapshotId, @deviceId, @cursor, @keyId, @nonce, @ciphertext, @createdAt)
         ON CONFLICT (shop_id) DO UPDATE SET snapshot_id = excluded.snapshot_id,
           device_id = excluded.device_id, cursor = excluded.cursor, key_id = excluded.key_id,
           nonce = excluded.nonce, ciphertext = excluded.ciphertext, created_at = excluded.created_at`,
      ),
      dropOpenPairings: db.prepare(
        'DELETE FROM pairings WHERE shop_id = ? AND created_by = ? AND used_at IS NULL',
      ),
      insertPairing: db.prepare(
        `INSERT INTO pairings (lookup_digest, shop_id, created_by, salt, nonce, sealed, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      pairing: db.prepare<
        [Uint8Array],
        { shop_id: string; expires_at: number; used_at: number | null }
      >('SELECT shop_id, expires_at, used_at FROM pairings WHERE lookup_digest = ?'),
      spendPairing: db.prepare(
        'UPDATE pairings SET used_at = ?, used_by = ? WHERE lookup_digest = ? AND used_at IS NULL',
      ),
      shop: db.prepare<[string], ShopRow>('SELECT * FROM shops WHERE id = ?'),
      pairingSecret: db.prepare<
        [string, string],
        { salt: Buffer | null; nonce: Buffer | null; sealed: Buffer | null }
      >('SELECT salt, nonce, sealed FROM pairings WHERE shop_id = ? AND used_by = ?'),
      wipePairingSecret: db.prepare(
        `UPDATE pairings SET salt = NULL, nonce = NULL, sealed = NULL
         WHERE shop_id = ? AND used_by = ? AND sealed IS NOT NULL`,
      ),
      wipeOldPairings: db.prepare(
        'UPDATE pairings SET salt = NULL, nonce = NULL, sealed = NULL WHERE expires_at < ? AND sealed IS NOT NULL',
      ),
    }

    this.files = {
      size: db.prepare<[string, string], { size: number }>(
        'SELECT size FROM shop_files WHERE shop_id = ? AND file_id = ?',
      ),
      sealed: db.prepare<[string, string], { sealed: Buffer }>(
        'SELECT sealed FROM shop_files WHERE shop_id = ? AND file_id = ?',
      ),
      insert: db.prepare(
        'INSERT INTO shop_files (shop_id, file_id, size, created_at, sealed) VALUES (?, ?, ?, ?, ?)',
      ),
    }

    this.putFileTransaction = db.transaction(
      (shopId: string, file: ShopFileRecord): PutShopFileResult => {
        const kept = this.files.size.get(shopId, file.fileId)
        if (!kept) {
          this.files.insert.run(
            shopId,
            file.fileId,
            file.sealed.byteLength,
            file.createdAt,
            file.sealed,
          )
          return 'stored'
        }
        // The size answers most conflicts without reading the kept bytes back.
        if (kept.size !== file.sealed.byteLength) return 'different'
        const bytes = this.files.sealed.get(shopId, file.fileId)!.sealed
        return bytes.equals(file.sealed) ? 'same' : 'different'
      },
    )

    this.appendSyncTransaction = db.transaction(
      (shopId: string, batch: Omit<SyncLogItem, 'seq'>, at: number) => {
        const existing = this.sync.batchById.get(shopId, batch.batchId)
        if (existing) return { seq: existing.seq, duplicate: true }
        const info = this.sync.insertBatch.run(
          shopId,
          batch.deviceId,
          batch.batchId,
          batch.keyId,
          batch.nonce,
          batch.ciphertext,
          at,
        )
        return { seq: Number(info.lastInsertRowid), duplicate: false }
      },
    )

    this.snapshotTransaction = db.transaction(
      (shopId: string, snapshot: SyncSnapshotRecord): 'stored' | 'older' => {
        const kept = this.sync.snapshot.get(shopId)
        if (kept && kept.cursor >= snapshot.cursor) return 'older'
        this.sync.putSnapshot.run({ shopId, ...snapshot })
        return 'stored'
      },
    )

    this.pairTransaction = db.transaction((request: PairRequestRecord) => {
      const pairing = this.sync.pairing.get(request.lookupDigest)
      if (!pairing || pairing.used_at !== null || pairing.expires_at <= request.at) return null
      const shopRow = this.sync.shop.get(pairing.shop_id)
      if (!shopRow) return null
      this.sync.spendPairing.run(request.at, request.deviceId, request.lookupDigest)
      this.statements.insertDevice.run(
        request.deviceId,
        shopRow.id,
        request.deviceTokenDigest,
        request.deviceName,
        request.at,
      )
      return {
        shop: shopOf(shopRow),
        device: deviceOf({
          id: request.deviceId,
          shop_id: shopRow.id,
          name: request.deviceName,
          created_at: request.at,
          removed_at: null,
          last_seen_at: null,
        }),
      }
    })

    this.enrolTransaction = db.transaction((request: EnrolRequest): EnrolResult => {
      const invite = this.statements.invite.get(request.codeDigest)
      if (!invite || invite.used_at !== null || invite.expires_at <= request.at) {
        return { ok: false, reason: 'invalidCode' }
      }
      let shopRow = this.statements.shopByPhoneNumber.get(invite.phone_number_id)
      let shopCreated = false
      if (shopRow) {
        // A second device of the same shop shares its keys; anything else would receive
        // messages sealed to a key it does not hold, or hand this shop's inbox to a stranger.
        if (!Buffer.from(request.shopPublicKey).equals(shopRow.public_key)) {
          return { ok: false, reason: 'shopKeyMismatch' }
        }
      } else {
        this.statements.insertShop.run(
          request.newShopId,
          request.shopPublicKey,
          invite.phone_number_id,
          invite.business_account_id,
          request.at,
        )
        shopRow = this.statements.shopByPhoneNumber.get(invite.phone_number_id)!
        shopCreated = true
      }
      this.statements.spendInvite.run(request.at, request.codeDigest)
      this.statements.insertDevice.run(
        request.deviceId,
        shopRow.id,
        request.deviceTokenDigest,
        request.deviceName,
        request.at,
      )
      return {
        ok: true,
        shop: shopOf(shopRow),
        device: deviceOf({
          id: request.deviceId,
          shop_id: shopRow.id,
          name: request.deviceName,
          created_at: request.at,
          removed_at: null,
          last_seen_at: null,
        }),
        shopCreated,
      }
    })

    this.intakeTransaction = db.transaction(
      (batches: readonly IntakeBatch[], receivedAt: number): IntakeResult[] =>
        batches.map((batch) => {
          const freshIndexes: number[] = []
          batch.keyDigests.forEach((digest, index) => {
            if (this.statements.seeEvent.run(digest, receivedAt).changes === 1) {
              freshIndexes.push(index)
            }
          })
          if (freshIndexes.length === 0) return { shopId: batch.shopId, seq: null, freshIndexes }
          const sealed = batch.seal(freshIndexes)
          const info = this.statements.insertInbox.run(batch.shopId, sealed, receivedAt)
          return { shopId: batch.shopId, seq: Number(info.lastInsertRowid), freshIndexes }
        }),
    )

    this.beginSendTransaction = db.transaction((shopId: string, clientId: string, at: number) => {
      const created = this.statements.insertSend.run(shopId, clientId, at, at).changes === 1
      return { created, record: sendOf(this.statements.send.get(shopId, clientId)!) }
    })

    this.transitionTransaction = db.transaction(
      (shopId: string, clientId: string, transition: SendTransition, at: number) => {
        const row = this.statements.send.get(shopId, clientId)
        if (!row || !transitionFrom[transition.to].includes(row.state)) return null
        const error =
          transition.to === 'failed' || transition.to === 'retrying' ? transition.error : null
        const wamid =
          transition.to === 'sent'
            ? transition.wamid
            : transition.to === 'failed'
              ? (transition.wamid ?? null)
              : null
        this.statements.updateSend.run({
          shopId,
          clientId,
          state: transition.to,
          wamid,
          errorCode: error ? String(error.code) : null,
          errorReason: error ? error.reason : null,
          errorMessage: error ? error.message.slice(0, 300) : null,
          addAttempt: transition.to === 'calling' ? 1 : 0,
          at,
        })
        return sendOf(this.statements.send.get(shopId, clientId)!)
      },
    )
  }

  createInvite(invite: InviteRecord): Promise<void> {
    return run(() => {
      this.statements.insertInvite.run(
        invite.codeDigest,
        invite.phoneNumberId,
        invite.businessAccountId,
        invite.createdAt,
        invite.expiresAt,
      )
    })
  }

  enrol(request: EnrolRequest): Promise<EnrolResult> {
    return run(() => this.enrolTransaction(request))
  }

  deviceByTokenDigest(digest: Uint8Array): Promise<DeviceRecord | null> {
    return run(() => {
      const row = this.statements.deviceByToken.get(digest)
      return row ? deviceOf(row) : null
    })
  }

  markDeviceSeen(deviceId: string, at: number): Promise<void> {
    return run(() => {
      this.statements.markDeviceSeen.run(at, deviceId)
    })
  }

  devicesOfShop(shopId: string): Promise<DeviceRecord[]> {
    return run(() => this.statements.devicesOfShop.all(shopId).map(deviceOf))
  }

  removeDevice(shopId: string, deviceId: string, at: number): Promise<DeviceRecord | null> {
    return run(() => {
      this.statements.removeDevice.run(at, shopId, deviceId)
      const row = this.statements.device.get(shopId, deviceId)
      return row ? deviceOf(row) : null
    })
  }

  shops(): Promise<ShopRecord[]> {
    return run(() => this.statements.shops.all().map(shopOf))
  }

  setBusinessAccount(shopId: string, businessAccountId: string): Promise<void> {
    return run(() => {
      this.statements.setBusinessAccount.run(businessAccountId, shopId)
    })
  }

  intake(batches: readonly IntakeBatch[], receivedAt: number): Promise<IntakeResult[]> {
    return run(() => this.intakeTransaction(batches, receivedAt))
  }

  readInbox(
    shopId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ items: InboxItem[]; hasMore: boolean }> {
    return run(() => {
      const rows = this.statements.readInbox.all(shopId, afterSeq, limit + 1)
      const items = rows.slice(0, limit).map((row) => ({
        seq: row.seq,
        receivedAt: row.received_at,
        sealed: new Uint8Array(row.sealed),
      }))
      return { items, hasMore: rows.length > limit }
    })
  }

  latestSeq(shopId: string): Promise<number> {
    return run(() => this.statements.latestSeq.get(shopId)?.seq ?? 0)
  }

  forgetEventKeysBefore(at: number): Promise<number> {
    return run(() => this.statements.forgetEvents.run(at).changes)
  }

  beginSend(
    shopId: string,
    clientId: string,
    at: number,
  ): Promise<{ created: boolean; record: SendRecord }> {
    return run(() => this.beginSendTransaction(shopId, clientId, at))
  }

  transitionSend(
    shopId: string,
    clientId: string,
    transition: SendTransition,
    at: number,
  ): Promise<SendRecord | null> {
    return run(() => this.transitionTransaction(shopId, clientId, transition, at))
  }

  sendByClientId(shopId: string, clientId: string): Promise<SendRecord | null> {
    return run(() => {
      const row = this.statements.send.get(shopId, clientId)
      return row ? sendOf(row) : null
    })
  }

  sendByWamid(shopId: string, wamid: string): Promise<SendRecord | null> {
    return run(() => {
      const row = this.statements.sendByWamid.get(shopId, wamid)
      return row ? sendOf(row) : null
    })
  }

  sendsIn(states: readonly SendState[]): Promise<SendRecord[]> {
    if (states.length === 0) return Promise.resolve([])
    return run(() =>
      this.db
        .prepare<string[], SendRow>(
          `SELECT * FROM sends WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY created_at`,
        )
        .all(...states)
        .map(sendOf),
    )
  }

  appendSyncBatch(
    shopId: string,
    batch: Omit<SyncLogItem, 'seq'>,
    at: number,
  ): Promise<{ seq: number; duplicate: boolean }> {
    return run(() => this.appendSyncTransaction(shopId, batch, at))
  }

  readSyncLog(
    shopId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ items: SyncLogItem[]; hasMore: boolean }> {
    return run(() => {
      const rows = this.sync.readLog.all(shopId, afterSeq, limit + 1)
      return { items: rows.slice(0, limit).map(logItemOf), hasMore: rows.length > limit }
    })
  }

  latestSyncSeq(shopId: string): Promise<number> {
    return run(() => this.sync.latestSeq.get(shopId)?.seq ?? 0)
  }

  putSnapshot(shopId: string, snapshot: SyncSnapshotRecord): Promise<'stored' | 'older'> {
    return run(() => this.snapshotTransaction(shopId, snapshot))
  }

  latestSnapshot(shopId: string): Promise<SyncSnapshotRecord | null> {
    return run(() => {
      const row = this.sync.snapshot.get(shopId)
      return row ? snapshotOf(row) : null
    })
  }

  createPairing(pairing: PairingRecord): Promise<void> {
    return run(() =>
      this.db.transaction(() => {
        this.sync.dropOpenPairings.run(pairing.shopId, pairing.createdBy)
        this.sync.insertPairing.run(
          pairing.lookupDigest,
          pairing.shopId,
          pairing.createdBy,
          pairing.salt,
          pairing.nonce,
          pairing.sealed,
          pairing.createdAt,
          pairing.expiresAt,
        )
      })(),
    )
  }

  pair(request: PairRequestRecord): Promise<{ shop: ShopRecord; device: DeviceRecord } | null> {
    return run(() => this.pairTransaction(request))
  }

  pairingSecret(
    shopId: string,
    deviceId: string,
  ): Promise<{ salt: Uint8Array; nonce: Uint8Array; sealed: Uint8Array } | null> {
    return run(() => {
      const row = this.sync.pairingSecret.get(shopId, deviceId)
      if (!row?.salt || !row.nonce || !row.sealed) return null
      return {
        salt: new Uint8Array(row.salt),
        nonce: new Uint8Array(row.nonce),
        sealed: new Uint8Array(row.sealed),
      }
    })
  }

  deletePairingSecret(shopId: string, deviceId: string): Promise<boolean> {
    return run(() => this.sync.wipePairingSecret.run(shopId, deviceId).changes > 0)
  }

  forgetPairingsBefore(at: number): Promise<number> {
    return run(() => this.sync.wipeOldPairings.run(at).changes)
  }

  putShopFile(shopId: string, file: ShopFileRecord): Promise<PutShopFileResult> {
    return run(() => this.putFileTransaction(shopId, file))
  }

  shopFile(shopId: string, fileId: string): Promise<Uint8Array | null> {
    return run(() => {
      const row = this.files.sealed.get(shopId, fileId)
      return row ? new Uint8Array(row.sealed) : null
    })
  }

  async close(): Promise<void> {
    await this.checkpointer?.close()
    return run(() => {
      if (!this.db.open) return
      // Folds the WAL back into the file so a clean stop leaves one file behind.
      this.db.pragma('wal_checkpoint(TRUNCATE)')
      this.db.close()
    })
  }
}
