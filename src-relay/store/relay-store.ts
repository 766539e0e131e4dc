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

export interface RelayStore {
  createInvite(invite: InviteRecord): Promise<void>
  /** Checks and spends the code, creates or joins the shop, adds the device: all or nothing. */
  enrol(request: EnrolRequest): Promise<EnrolResult>
  deviceByTokenDigest(digest: Uint8Array): Promise<DeviceRecord | null>
  devicesOfShop(shopId: string): Promise<DeviceRecord[]>
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

  close(): Promise<void>
}
