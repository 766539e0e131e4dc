/**
 * What the relay keeps, behind one small interface so SQLite (the default) can be swapped for
 * PostgreSQL when a relay outgrows one box. Every method is atomic on its own. Nothing here is
 * readable shop content: inbox items are sealed to the shop's key before they reach the store,
 * event keys are digests, tokens and codes are digests.
 */
import type { SendRecord, SendTransition } from '../sending/send-state'

export interface ShopRecord {
  id: string
  /** X25519 public key (crypto_box) the shop registered at enrolment. */
  publicKey: Uint8Array
  phoneNumberId: string
  /** Learnt from the first messaging webhook when the operator did not configure it. */
  businessAccountId: string | null
  createdAt: number
}

export interface DeviceRecord {
  id: string
  shopId: string
  name: string
  createdAt: number
  removedAt: number | null
  /** The last call it made, to the minute (null before its first call after enrolment). */
  lastSeenAt: number | null
}

export interface InviteRecord {
  codeDigest: Uint8Array
  phoneNumberId: string
  businessAccountId: string | null
  createdAt: number
  expiresAt: number
}

export interface EnrolRequest {
  codeDigest: Uint8Array
  at: number
  shopPublicKey: Uint8Array
  /** Used when the enrolment creates the shop. */
  newShopId: string
  deviceId: string
  deviceTokenDigest: Uint8Array
  deviceName: string
}

export type EnrolResult =
  | { ok: true; shop: ShopRecord; device: DeviceRecord; shopCreated: boolean }
  | { ok: false; reason: 'invalidCode' | 'shopKeyMismatch' }

export interface InboxItem {
  seq: number
  receivedAt: number
  sealed: Uint8Array
}

/** What one webhook POST brings to one shop: its events' key digests, and how to seal new ones. */
export interface IntakeBatch {
  shopId: string
  /** One digest per event, in order; an event whose digest was seen before is a duplicate. */
  keyDigests: readonly Uint8Array[]
  /** Seals the events at these indexes (the fresh ones) into one item. Synchronous on purpose. */
  seal(freshIndexes: readonly number[]): Uint8Array
}

export interface IntakeResult {
  shopId: string
  /** The inbox item stored, or null when every event was a duplicate. */
  seq: number | null
  freshIndexes: number[]
}

/** One sealed batch of a shop's operation log; the relay cannot open it. */
export interface SyncLogItem {
  seq: number
  deviceId: string
  batchId: string
  keyId: string
  nonce: Uint8Array
  ciphertext: Uint8Array
}

export interface SyncSnapshotRecord {
  snapshotId: string
  deviceId: string
  /** The log seq the snapshot covers (everything at or below it is folded in). */
  cursor: number
  keyId: string
  nonce: Uint8Array
  ciphertext: Uint8Array
  createdAt: number
}

export interface PairingRecord {
  lookupDigest: Uint8Array
  shopId: string
  createdBy: string
  salt: Uint8Array
  nonce: Uint8Array
  sealed: Uint8Array
  createdAt: number
  expiresAt: number
}

export interface PairRequestRecord {
  lookupDigest: Uint8Array
  at: number
  deviceId: string
  deviceTokenDigest: Uint8Array
  deviceName: string
}

/** A file a shop's devices share, sealed by them; the relay keeps it as opaque bytes. */
export interface ShopFileRecord {
  fileId: string
  sealed: Uint8Array
  createdAt: number
}

/** `stored`: new; `same`: already there with these bytes (a retry); `different`: the id is taken. */
export type PutShopFileResult = 'stored' | 'same' | 'different'

export interface RelayStore {
  createInvite(invite: InviteRecord): Promise<void>
  /** Checks and spends the code, creates or joins the shop, adds the device: all or nothing. */
  enrol(request: EnrolRequest): Promise<EnrolResult>
  deviceByTokenDigest(digest: Uint8Array): Promise<DeviceRecord | null>
  devicesOfShop(shopId: string): Promise<DeviceRecord[]>
  markDeviceSeen(deviceId: string, at: number): Promise<void>
  /** Null when the device is not one of this shop's. Removing twice keeps the first time. */
  removeDevice(shopId: string, deviceId: string, at: number): Promise<DeviceRecord | null>

  shops(): Promise<ShopRecord[]>
  setBusinessAccount(shopId: string, businessAccountId: string): Promise<void>

  /** Stores each batch's fresh events as one sealed item, and remembers their keys, at once. */
  intake(batches: readonly IntakeBatch[], receivedAt: number): Promise<IntakeResult[]>
  readInbox(
    shopId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ items: InboxItem[]; hasMore: boolean }>
  latestSeq(shopId: string): Promise<number>
  /** Forgets event keys older than this; returns how many (deliveries are retried for days). */
  forgetEventKeysBefore(at: number): Promise<number>

  /** Records a new client id as queued, or returns the record it already has. */
  beginSend(
    shopId: string,
    clientId: string,
    at: number,
  ): Promise<{ created: boolean; record: SendRecord }>
  /** Applies the change only from the states it allows; null when it did not apply. */
  transitionSend(
    shopId: string,
    clientId: string,
    transition: SendTransition,
    at: number,
  ): Promise<SendRecord | null>
  sendByClientId(shopId: string, clientId: string): Promise<SendRecord | null>
  sendByWamid(shopId: string, wamid: string): Promise<SendRecord | null>
  /** Sends left half-way by a stop: the ones in these states. */
  sendsIn(states: readonly SendRecord['state'][]): Promise<SendRecord[]>

  /** Appends a batch, or returns the seq it already has (same shop and batch id): a retry is harmless. */
  appendSyncBatch(
    shopId: string,
    batch: Omit<SyncLogItem, 'seq'>,
    at: number,
  ): Promise<{ seq: number; duplicate: boolean }>
  readSyncLog(
    shopId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ items: SyncLogItem[]; hasMore: boolean }>
  latestSyncSeq(shopId: string): Promise<number>
  /** Keeps the snapshot when it covers more of the log than the one kept; says which happened. */
  putSnapshot(shopId: string, snapshot: SyncSnapshotRecord): Promise<'stored' | 'older'>
  latestSnapshot(shopId: string): Promise<SyncSnapshotRecord | null>

  /** A new pairing; earlier unused ones of the same device are dropped (one code at a time). */
  createPairing(pairing: PairingRecord): Promise<void>
  /** Spends a live pairing and adds the device to its shop, all or nothing; null when none. */
  pair(request: PairRequestRecord): Promise<{ shop: ShopRecord; device: DeviceRecord } | null>
  /** The sealed secret left for the device that spent the pairing, until it deletes it. */
  pairingSecret(
    shopId: string,
    deviceId: string,
  ): Promise<{ salt: Uint8Array; nonce: Uint8Array; sealed: Uint8Array } | null>
  deletePairingSecret(shopId: string, deviceId: string): Promise<boolean>
  /** Wipes the sealed secrets of pairings that expired unused or were never collected. */
  forgetPairingsBefore(at: number): Promise<number>

  /** Keeps a shop's sealed file under its id, once: an id never changes its bytes. */
  putShopFile(shopId: string, file: ShopFileRecord): Promise<PutShopFileResult>
  /** The shop's sealed file, or null when this shop has none by that id. */
  shopFile(shopId: string, fileId: string): Promise<Uint8Array | null>

  close(): Promise<void>
}
