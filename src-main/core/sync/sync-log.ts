/**
 * This device's side of the operation log. A local edit is recorded as operations (one clock
 * tick per field) in `sync_operations` and merged into the tables in the caller's transaction;
 * `sync(client)` then pushes what is unpushed (one sealed batch at a time, retried with the same
 * batch id), pulls other devices' batches by cursor and merges them, loads the shop's snapshot on
 * a device that has nothing yet, and offers a new snapshot now and then. The platform link runs
 * it in each of its sync rounds, so it shares the link's online state, backoff and stream.
 */
import { ulid } from 'ulid'
import type { JsonValue } from '../../../src-shared/sync/canonical-json'
import { encodeHlc, HybridClock, parseHlc, type Hlc } from '../../../src-shared/sync/hlc'
import { parseOperation, type EntityKind, type Operation } from '../../../src-shared/sync/operation'
import {
  batchAssociatedData,
  batchContents,
  maxOperationsPerBatch,
  openBatchContents,
  snapshotAssociatedData,
  type LogItem,
} from '../../../src-shared/sync/protocol'
import type { FieldEntry } from '../../../src-shared/sync/merge'
import {
  latestStamp,
  parseSnapshotPayload,
  snapshotToPayload,
  type SyncSnapshot,
} from '../../../src-shared/sync/snapshot'
import type { RelayClient } from '../link/relay-client'
import { createLogger } from '../logger'
import { shareFiles } from './shop-files'
import { readSecret } from '../store/secrets'
import { statement } from '../store/statements'
import type { Sodium } from '../vault/sodium'
import type { OpenShop } from '../vault/vault'
import { adoptNewCustomers, customerSyncId, localIdOf } from './customer-ids'
import { materialise, waitingOn } from './entities'
import './shop-data-entities'
import { allFields, mergeField } from './field-store'
import { replyFact } from './reply-fact'
import { openWithSyncKey, sealWithSyncKey, syncKey } from './sync-keys'

const log = createLogger('sync')

const keys = {
  clock: 'sync.clock',
  localNode: 'sync.localNode',
  cursor: 'sync.log.cursor',
  pendingBatch: 'sync.pendingBatch',
  snapshotCursor: 'sync.snapshot.cursor',
  joined: 'sync.snapshot.checked',
  lastSyncedAt: 'sync.lastSyncedAt',
  baselineClock: 'sync.baselineClock',
} as const

/**
 * Stamps below this wall time are baseline stamps (see `recordBaseline`): no real clock reads a
 * time in the first day of 1970, so a baseline value loses to every edit anyone makes.
 */
export const baselineCeilingMs = 86_400_000

export interface Edit {
  entity: EntityKind
  id: string
  field: string
  value: JsonValue
}

/** What an edit needs of the log: stores take this, so tests can see what was recorded. */
export type EditRecorder = Pick<SyncLog, 'record' | 'node'>

export interface SyncLogOptions {
  now?: () => number
  /** Offer a snapshot after this many new batches in the log (a joining device's shortcut). */
  snapshotEvery?: number
  /** Most remote stamp ahead of this device's wall clock that is believed (default 24 h). */
  maxDriftMs?: number
}

export interface SyncLogStatus {
  /** Edits not yet accepted by the relay. */
  unpushed: number
  /** Batches held back because their device's clock is absurd. */
  held: number
  cursor: number
  lastSyncedAt: number | null
}

function readState(shop: OpenShop, key: string): string | null {
  const row = statement(shop.db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as
    { value: string } | undefined
  return row?.value ?? null
}

function writeState(shop: OpenShop, key: string, value: string): void {
  statement(
    shop.db,
    `INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(key, value)
}

function deleteState(shop: OpenShop, key: string): void {
  statement(shop.db, 'DELETE FROM sync_state WHERE key = ?').run(key)
}

interface PendingBatch {
  batchId: string
  deviceId: string
  keyId: string
  nonce: string
  ciphertext: string
  hlcs: string[]
}

export class SyncLog {
  constructor(
    private readonly sodium: Sodium,
    private readonly options: SyncLogOptions = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  /** The device id the relay knows this device by, or a local one before it joined a relay. */
  node(shop: OpenShop): string {
    const credentials = readSecret(shop, 'relay.credentials')
    if (credentials) return (JSON.parse(credentials) as { deviceId: string }).deviceId
    let local = readState(shop, keys.localNode)
    if (!local) {
      local = `local-${ulid()}`
      writeState(shop, keys.localNode, local)
    }
    return local
  }

  private clock(shop: OpenShop, node: string, key: string = keys.clock): HybridClock {
    const last = readState(shop, key)
    const parsed = last ? parseHlc(last) : null
    // The node changes once, when the device joins a relay; the wall time carries over.
    const resumed: Hlc | undefined = parsed?.ok === true ? { ...parsed.value, node } : undefined
    return new HybridClock(node, {
      ...(resumed ? { last: resumed } : {}),
      ...(this.options.maxDriftMs ? { maxDriftMs: this.options.maxDriftMs } : {}),
    })
  }

  /**
   * Records local edits and writes them into the tables. Call it inside the transaction that
   * makes the edit (or alone: it is one transaction itself), so an edit is never without its
   * operation nor the other way round.
   */
  record(shop: OpenShop, edits: readonly Edit[]): Operation[] {
    return this.stampAndStore(shop, edits, keys.clock, (clock) => clock.tick(this.now()))
  }

  /**
   * Records what a device holds without anyone having edited it just now: the five default
   * labels, and rows written before they went through the log. They are stamped from a separate
   * clock that starts at the epoch, so they order below every real edit: a default label another
   * device renamed or deleted stays renamed or deleted when a new device makes the defaults too,
   * and two devices' baselines still converge (the stamp's device id breaks the tie).
   */
  recordBaseline(shop: OpenShop, edits: readonly Edit[]): Operation[] {
    return this.stampAndStore(shop, edits, keys.baselineClock, (clock) => clock.tick(0))
  }

  private stampAndStore(
    shop: OpenShop,
    edits: readonly Edit[],
    clockKey: string,
    stamp: (clock: HybridClock) => Hlc,
  ): Operation[] {
    if (edits.length === 0) return []
    const ops: Operation[] = []
    shop.db.transaction(() => {
      const node = this.node(shop)
      const clock = this.clock(shop, node, clockKey)
      const insert = statement(
        shop.db,
        `INSERT INTO sync_operations (hlc, device_id, entity, entity_id, field, value_sealed, pushed_at)
         VALUES (?, ?, ?, ?, ?, ?, NULL)`,
      )
      for (const edit of edits) {
        const hlc = encodeHlc(stamp(clock))
        const op: Operation = { ...edit, hlc, deviceId: node }
        // Another device would refuse it: a bug here, never something to send.
        const checked = parseOperation(op)
        if (!checked.ok) throw new Error(`Not an operation to record: ${checked.error.message}`)
        insert.run(
          hlc,
          node,
          edit.entity,
          edit.id,
          edit.field,
          shop.sealer.seal(
            'sync_operations',
            'value',
            `${hlc}|${node}`,
            JSON.stringify(edit.value),
          ),
        )
        mergeField(shop, op)
        ops.push(op)
      }
      writeState(shop, clockKey, encodeHlc(clock.last))
      materialise(shop, edits)
    })()
    return ops
  }

  /** The customer's id on every device of the shop (see customer-ids.ts). */
  customerSyncId(shop: OpenShop, customerId: string): string | null {
    return customerSyncId(shop, this.sodium, syncKey(shop, this.sodium), customerId)
  }

  /**
   * A reply written here (`clientId`), with its ledger entries, as a fact for the other devices
   * (they pull the customers' messages from the relay themselves, but not the shop's own). Call
   * it in the reply's transaction, after the reply is queued.
   */
  recordReply(shop: OpenShop, clientId: string): void {
    const fact = replyFact(shop, clientId, (customerId) => this.customerSyncId(shop, customerId))
    if (!fact) return
    this.record(shop, [
      { entity: 'outbound', id: clientId, field: 'message', value: fact as unknown as JsonValue },
    ])
  }

  status(shop: OpenShop): SyncLogStatus {
    const unpushed = (
      statement(
        shop.db,
        'SELECT count(*) AS n FROM sync_operations WHERE pushed_at IS NULL',
      ).get() as {
        n: number
      }
    ).n
    const held = (statement(shop.db, 'SELECT count(*) AS n FROM sync_held').get() as { n: number })
      .n
    const last = readState(shop, keys.lastSyncedAt)
    return {
      unpushed,
      held,
      cursor: Number(readState(shop, keys.cursor) ?? 0),
      lastSyncedAt: last ? Number(last) : null,
    }
  }

  /** Customers new from the inbox get their sync id, and what waited for them is written. */
  adopt(shop: OpenShop): void {
    shop.db.transaction(() => {
      const adopted = adoptNewCustomers(shop, this.sodium, syncKey(shop, this.sodium))
      this.materialiseArrived(shop, waitingOn(shop, adopted))
    })()
  }

  /**
   * One round with the relay: snapshot (first time), push, pull, maybe offer a snapshot. Says
   * what other devices' operations changed here, so only those views are read again.
   */
  async sync(client: RelayClient, shopOf: () => OpenShop): Promise<SyncRound> {
    this.arrived = []
    this.adopt(shopOf())
    await this.loadSnapshotOnce(client, shopOf)
    await this.push(client, shopOf)
    await this.pull(client, shopOf)
    this.retryHeld(shopOf())
    // After the pull, so a quick reply that just arrived gets its file in the same round.
    await shareFiles(client, shopOf, this.sodium, () => this.now())
    await this.maybeOfferSnapshot(client, shopOf)
    writeState(shopOf(), keys.lastSyncedAt, String(this.now()))
    const arrived = this.arrived
    this.arrived = []
    return {
      changed: arrived.length > 0,
      conversationIds: conversationsOf(shopOf(), arrived),
    }
  }

  /** Things other devices changed, written here; remembered for the round's answer. */
  private arrived: { entity: string; id: string }[] = []
  private materialiseArrived(shop: OpenShop, things: { entity: string; id: string }[]): void {
    this.arrived.push(...things)
    materialise(shop, things)
  }

  private async loadSnapshotOnce(client: RelayClient, shopOf: () => OpenShop): Promise<void> {
    if (readState(shopOf(), keys.joined)) return
    if (Number(readState(shopOf(), keys.cursor) ?? 0) > 0) {
      writeState(shopOf(), keys.joined, '1')
      return
    }
    const { snapshot: offer } = await client.latestSnapshot()
    const shop = shopOf()
    if (!offer) {
      writeState(shop, keys.joined, '1')
      return
    }
    const key = syncKey(shop, this.sodium)
    const plain = openWithSyncKey(this.sodium, key, offer, snapshotAssociatedData(offer))
    let snapshot: SyncSnapshot | null = null
    if (plain !== null) {
      const parsed = parseSnapshotPayload(JSON.parse(plain))
      if (parsed.ok) snapshot = parsed.value
    }
    if (!snapshot) {
      // Pulling the whole log gives the same state, only slower.
      log.warn('the shop snapshot did not open; pulling the whole log instead')
      writeState(shop, keys.joined, '1')
      return
    }
    shop.db.transaction(() => {
      const touched: { entity: string; id: string }[] = []
      for (const [entityKey, fields] of snapshot.state) {
        const colon = entityKey.indexOf(':')
        const entity = entityKey.slice(0, colon) as EntityKind
        const id = entityKey.slice(colon + 1)
        for (const [field, entry] of fields) {
          const node = parseHlc(entry.hlc)
          if (!node.ok) continue
          mergeField(shop, {
            entity,
            id,
            field,
            value: entry.value,
            hlc: entry.hlc,
            deviceId: node.value.node,
          })
        }
        touched.push({ entity, id })
      }
      const clock = this.clock(shop, this.node(shop))
      const latest = latestStamp(snapshot)
      if (latest) clock.receive(latest, this.now())
      writeState(shop, keys.clock, encodeHlc(clock.last))
      writeState(shop, keys.cursor, String(snapshot.cursor))
      writeState(shop, keys.snapshotCursor, String(snapshot.cursor))
      writeState(shop, keys.joined, '1')
      this.materialiseArrived(shop, touched)
    })()
  }

  /** Unpushed edits made before this device joined a relay carry a local id: stamp them anew. */
  private restampLocal(shop: OpenShop, node: string): void {
    const stale = statement(
      shop.db,
      'SELECT hlc, device_id, entity, entity_id, field, value_sealed FROM sync_operations WHERE pushed_at IS NULL AND device_id != ? ORDER BY hlc',
    ).all(node) as {
      hlc: string
      device_id: string
      entity: EntityKind
      entity_id: string
      field: string
      value_sealed: Buffer
    }[]
    if (stale.length === 0) return
    const edits: Edit[] = []
    const baseline: Edit[] = []
    for (const row of stale) {
      const json = shop.open(
        'sync_operations',
        'value',
        `${row.hlc}|${row.device_id}`,
        row.value_sealed,
      )
      statement(shop.db, 'DELETE FROM sync_operations WHERE hlc = ? AND device_id = ?').run(
        row.hlc,
        row.device_id,
      )
      if (json !== null) {
        const stamp = parseHlc(row.hlc)
        const wasBaseline = stamp.ok && stamp.value.wallMs < baselineCeilingMs
        ;(wasBaseline ? baseline : edits).push({
          entity: row.entity,
          id: row.entity_id,
          field: row.field,
          value: JSON.parse(json) as JsonValue,
        })
      }
    }
    // A baseline stays a baseline under the new id, or it would beat the other devices' edits.
    this.recordBaseline(shop, baseline)
    this.record(shop, edits)
  }

  private async push(client: RelayClient, shopOf: () => OpenShop): Promise<void> {
    for (;;) {
      let pending = this.pendingBatch(shopOf())
      if (!pending) {
        pending = this.sealNextBatch(shopOf(), client.credentials.deviceId)
        if (!pending) return
      }
      const answer = await client.syncPush({
        deviceId: pending.deviceId,
        batchId: pending.batchId,
        keyId: pending.keyId,
        nonce: pending.nonce,
        ciphertext: pending.ciphertext,
      })
      const shop = shopOf()
      shop.db.transaction(() => {
        const mark = statement(
          shop.db,
          'UPDATE sync_operations SET pushed_at = ? WHERE hlc = ? AND device_id = ?',
        )
        for (const hlc of pending.hlcs) mark.run(this.now(), hlc, pending.deviceId)
        deleteState(shop, keys.pendingBatch)
      })()
      log.info(`batch ${pending.batchId} is seq ${answer.seq}${answer.duplicate ? ' (again)' : ''}`)
    }
  }

  private pendingBatch(shop: OpenShop): PendingBatch | null {
    const stored = readState(shop, keys.pendingBatch)
    return stored ? (JSON.parse(stored) as PendingBatch) : null
  }

  /** Seals the oldest unpushed edits as the next batch and remembers it, so a retry is the same batch. */
  private sealNextBatch(shop: OpenShop, deviceId: string): PendingBatch | null {
    let pending: PendingBatch | null = null
    shop.db.transaction(() => {
      this.restampLocal(shop, deviceId)
      const rows = statement(
        shop.db,
        `SELECT hlc, entity, entity_id, field, value_sealed FROM sync_operations
         WHERE pushed_at IS NULL AND device_id = ? ORDER BY hlc LIMIT ?`,
      ).all(deviceId, maxOperationsPerBatch) as {
        hlc: string
        entity: EntityKind
        entity_id: string
        field: string
        value_sealed: Buffer
      }[]
      if (rows.length === 0) return
      const ops: Operation[] = []
      for (const row of rows) {
        const json = shop.open(
          'sync_operations',
          'value',
          `${row.hlc}|${deviceId}`,
          row.value_sealed,
        )
        if (json === null) continue
        ops.push({
          entity: row.entity,
          id: row.entity_id,
          field: row.field,
          value: JSON.parse(json) as JsonValue,
          hlc: row.hlc,
          deviceId,
        })
      }
      const key = syncKey(shop, this.sodium)
      const batchId = ulid()
      const sealed = sealWithSyncKey(
        this.sodium,
        key,
        JSON.stringify(batchContents(ops)),
        batchAssociatedData({ deviceId, batchId, keyId: key.keyId }),
      )
      pending = { batchId, deviceId, keyId: key.keyId, ...sealed, hlcs: rows.map((row) => row.hlc) }
      writeState(shop, keys.pendingBatch, JSON.stringify(pending))
    })()
    return pending
  }

  private async pull(client: RelayClient, shopOf: () => OpenShop): Promise<void> {
    for (;;) {
      const after = Number(readState(shopOf(), keys.cursor) ?? 0)
      const page = await client.syncPull(after, 500)
      const shop = shopOf()
      const self = client.credentials.deviceId
      shop.db.transaction(() => {
        for (const item of page.items) {
          if (item.deviceId === self) continue
          const outcome = this.applyItem(shop, item)
          if (outcome !== 'applied') {
            statement(
              shop.db,
              'INSERT OR REPLACE INTO sync_held (seq, item, reason, held_at) VALUES (?, ?, ?, ?)',
            ).run(item.seq, JSON.stringify(item), outcome, this.now())
          }
        }
        writeState(shop, keys.cursor, String(page.next))
      })()
      if (!page.hasMore) return
    }
  }

  /** Merges one batch of another device: 'applied', or why not (it is then held back). */
  private applyItem(shop: OpenShop, item: LogItem): string {
    const key = syncKey(shop, this.sodium)
    const plain = openWithSyncKey(this.sodium, key, item, batchAssociatedData(item))
    if (plain === null) return 'does not open with this shop’s sync key'
    let contents: unknown
    try {
      contents = JSON.parse(plain)
    } catch {
      return 'not JSON'
    }
    const { ops, refused } = openBatchContents(contents, item.deviceId)
    if (refused.length > 0) log.warn(`batch ${item.batchId}: ${refused.length} operations refused`)
    const clock = this.clock(shop, this.node(shop))
    for (const op of ops) {
      const received = clock.receive(op.hlc, this.now())
      if (!received.ok) {
        log.warn(`batch ${item.batchId} of device ${item.deviceId} held: ${received.error.message}`)
        return received.error.code
      }
    }
    const touched: { entity: string; id: string }[] = []
    for (const op of ops) if (mergeField(shop, op)) touched.push(op)
    writeState(shop, keys.clock, encodeHlc(clock.last))
    this.materialiseArrived(shop, touched)
    return 'applied'
  }

  /** Held batches are tried again: the clock that made them may be fixed, or time caught up. */
  private retryHeld(shop: OpenShop): void {
    const held = statement(shop.db, 'SELECT seq, item FROM sync_held ORDER BY seq').all() as {
      seq: number
      item: string
    }[]
    for (const row of held) {
      shop.db.transaction(() => {
        if (this.applyItem(shop, JSON.parse(row.item) as LogItem) === 'applied') {
          statement(shop.db, 'DELETE FROM sync_held WHERE seq = ?').run(row.seq)
        }
      })()
    }
  }

  private async maybeOfferSnapshot(client: RelayClient, shopOf: () => OpenShop): Promise<void> {
    const shop = shopOf()
    const cursor = Number(readState(shop, keys.cursor) ?? 0)
    const offered = Number(readState(shop, keys.snapshotCursor) ?? 0)
    if (cursor - offered < (this.options.snapshotEvery ?? 200)) return
    // A held batch is not in this device's state, so a snapshot now would leave it out.
    if (this.status(shop).held > 0) return
    const state: SyncSnapshot['state'] = new Map()
    const latestByDevice = new Map<string, string>()
    for (const field of allFields(shop)) {
      const entityKey = `${field.entity}:${field.id}`
      let fields = state.get(entityKey)
      if (!fields) state.set(entityKey, (fields = new Map<string, FieldEntry>()))
      fields.set(field.field, { value: field.value, hlc: field.hlc })
      const node = parseHlc(field.hlc)
      if (node.ok) {
        const known = latestByDevice.get(node.value.node)
        if (known === undefined || field.hlc > known) latestByDevice.set(node.value.node, field.hlc)
      }
    }
    const key = syncKey(shop, this.sodium)
    const envelope = {
      deviceId: client.credentials.deviceId,
      snapshotId: ulid(),
      cursor,
      keyId: key.keyId,
    }
    const sealed = sealWithSyncKey(
      this.sodium,
      key,
      JSON.stringify(snapshotToPayload({ state, latestByDevice, cursor })),
      snapshotAssociatedData(envelope),
    )
    await client.offerSnapshot({ ...envelope, ...sealed })
    writeState(shopOf(), keys.snapshotCursor, String(cursor))
  }
}

/** What a sync round brought: anything at all, and the conversations it touched. */
export interface SyncRound {
  changed: boolean
  conversationIds: string[]
}

/** The conversations of customers whose marks changed and of replies that arrived. */
function conversationsOf(shop: OpenShop, things: { entity: string; id: string }[]): string[] {
  const ids = new Set<string>()
  for (const { entity, id } of things) {
    let row: { id: string } | undefined
    if (entity === 'customer') {
      const customerId = localIdOf(shop, 'customer', id)
      row = customerId
        ? (statement(shop.db, 'SELECT id FROM conversations WHERE customer_id = ?').get(
            customerId,
          ) as { id: string } | undefined)
        : undefined
    } else if (entity === 'outbound') {
      row = statement(
        shop.db,
        'SELECT conversation_id AS id FROM messages WHERE client_id = ?',
      ).get(id) as { id: string } | undefined
    }
    if (row) ids.add(row.id)
  }
  return [...ids]
}
