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
  RelayStore,
  ShopRecord,
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
        'SELECT id, shop_id, name, created_at, removed_at FROM devices WHERE token_digest = ?',
      ),
      devicesOfShop: db.prepare<[string], DeviceRow>(
        'SELECT id, shop_id, name, created_at, removed_at FROM devices WHERE shop_id = ? ORDER BY created_at, id',
      ),
      removeDevice: db.prepare(
        'UPDATE devices SET removed_at = ? WHERE shop_id = ? AND id = ? AND removed_at IS NULL',
      ),
      device: db.prepare<[string, string], DeviceRow>(
        'SELECT id, shop_id, name, created_at, removed_at FROM devices WHERE shop_id = ? AND id = ?',
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
