/** What a relay needs to run. `startRelay` takes it; `main.ts` builds it from the environment. */
import type { SendingSettings } from '../sending/sender'
import type { RelayStore } from '../store/relay-store'

export const defaultGraphUrl = 'https://graph.facebook.com'
/** The version the fixtures in ../shared/fixtures/whatsapp were published with. */
export const defaultApiVersion = 'v24.0'
export const defaultRelayPort = 8787

export interface RelayConfig {
  /** 127.0.0.1 unless the operator opens it up (behind a TLS-terminating proxy). */
  host?: string
  /** 0 picks a free port. */
  port?: number
  dataDir: string
  /** Signs the platform's webhooks (X-Hub-Signature-256). */
  appSecret: string
  /** The token of the GET verification handshake. */
  verifyToken: string
  /** Bearer token for the Cloud API. */
  accessToken: string
  /** The phone number enrolment codes are for, unless a code names another. */
  phoneNumberId: string
  businessAccountId?: string | null
  graphUrl?: string
  apiVersion?: string
  /** The Electron build of better-sqlite3, when the relay runs inside the app. */
  nativeBinding?: string
  /** Another storage adapter; SQLite in `dataDir` by default. */
  store?: RelayStore
  limits?: Partial<RelayLimits>
  sending?: Partial<SendingSettings>
  /** Tests move time; everything else uses the wall clock. */
  now?: () => number
}

export interface RelayLimits {
  /** Up to 1,000 changes per webhook; a few megabytes at most in practice. */
  webhookBodyBytes: number
  deviceBodyBytes: number
  /** `POST /v1/media`: a file of up to 16 MB as base64 in JSON (4/3 of it, and a little more). */
  mediaBodyBytes: number
  /** One pushed batch: at most 500 operations, sealed. */
  syncBatchBytes: number
  /** A sealed snapshot of a shop's edited data (not its messages). */
  snapshotBytes: number
  /** One shared file as the devices sealed it: a 16 MB document and its seal, with headroom. */
  shopFileBytes: number
  /** Event keys are kept this long: the platform retries deliveries for up to 7 days. */
  eventKeyRetentionMs: number
}

export const defaultRelayLimits: RelayLimits = {
  webhookBodyBytes: 8 * 1024 * 1024,
  deviceBodyBytes: 256 * 1024,
  mediaBodyBytes: 23 * 1024 * 1024,
  syncBatchBytes: 8 * 1024 * 1024,
  snapshotBytes: 64 * 1024 * 1024,
  shopFileBytes: 23 * 1024 * 1024,
  eventKeyRetentionMs: 8 * 24 * 60 * 60 * 1000,
}
