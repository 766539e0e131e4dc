/**
 * The desktop's side of the relay's device API: plain HTTP calls with a timeout, and answers
 * checked against src-shared/relay/device-protocol.ts before core believes them.
 */
import { z } from 'zod'
import {
  deviceViewSchema,
  enrolAnswerSchema,
  inboxPageSchema,
  mediaUploadAnswerSchema,
  relayErrorSchema,
  sendOutcomeSchema,
  templateListAnswerSchema,
  templateSubmitAnswerSchema,
  type DeviceView,
  type EnrolAnswer,
  type InboxPage,
  type SendOutcome,
  type TemplateSubmitAnswer,
} from '../../../src-shared/relay/device-protocol'
import {
  depositPairingAnswerSchema,
  pairAnswerSchema,
  pairingSecretSchema,
  type DepositPairing,
  type PairAnswer,
} from '../../../src-shared/sync/pairing-protocol'
import {
  latestSnapshotResponseSchema,
  pullResponseSchema,
  pushBatchResponseSchema,
  type PushBatchRequest,
  type SnapshotOffer,
} from '../../../src-shared/sync/protocol'

/** The relay could not be reached or did not answer in time: try again later. */
export class RelayUnreachable extends Error {
  override name = 'RelayUnreachable'
}

/** The relay answered, and said no. */
export class RelayRefused extends Error {
  override name = 'RelayRefused'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export interface RelayCredentials {
  relayUrl: string
  shopId: string
  deviceId: string
  deviceToken: string
  /** Enrolled with demo mode's own relay, whose address changes from launch to launch. */
  demo?: boolean
}

const callTimeoutMs = 15_000
/** A 16 MB document over a shop's uplink, then on to the platform, takes longer than a call. */
const uploadTimeoutMs = 180_000
const markReadAnswerSchema = z.object({ ok: z.literal(true) })

/** What a relay's error answer means: unreachable (5xx: try again later) or refused. */
function refusalOf(status: number, body: unknown): RelayUnreachable | RelayRefused {
  const refusal = relayErrorSchema.safeParse(body)
  const code = refusal.success ? refusal.data.error.code : `HTTP_${status}`
  const message = refusal.success ? refusal.data.error.message : `The relay answered ${status}.`
  return status >= 500 ? new RelayUnreachable(message) : new RelayRefused(status, code, message)
}

async function call<T>(
  url: string,
  init: RequestInit & { token?: string; timeoutMs?: number },
  schema: z.ZodType<T>,
): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      signal: AbortSignal.timeout(init.timeoutMs ?? callTimeoutMs),
    })
  } catch (cause) {
    throw new RelayUnreachable(
      `The relay did not answer (${cause instanceof Error ? cause.message : String(cause)}).`,
    )
  }
  const text = await response.text().catch(() => '')
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (!response.ok) throw refusalOf(response.status, body)
  const parsed = schema.safeParse(body)
  if (!parsed.success)
    throw new RelayUnreachable('The relay answered something Kedai does not understand.')
  return parsed.data
}

export function enrolWithRelay(
  relayUrl: string,
  request: { code: string; shopPublicKey: string; deviceName: string },
): Promise<EnrolAnswer> {
  return call(
    new URL('/v1/enrol', relayUrl).href,
    { method: 'POST', body: JSON.stringify(request) },
    enrolAnswerSchema,
  )
}

export function pairWithRelay(
  relayUrl: string,
  request: { lookup: string; deviceName: string },
): Promise<PairAnswer> {
  return call(
    new URL('/v1/pair', relayUrl).href,
    { method: 'POST', body: JSON.stringify(request) },
    pairAnswerSchema,
  )
}

export class RelayClient {
  constructor(readonly credentials: RelayCredentials) {}

  private url(path: string): string {
    return new URL(path, this.credentials.relayUrl).href
  }

  inbox(after: number, limit = 200): Promise<InboxPage> {
    return call(
      this.url(`/v1/inbox?after=${after}&limit=${limit}`),
      { method: 'GET', token: this.credentials.deviceToken },
      inboxPageSchema,
    )
  }

  send(clientId: string, message: unknown): Promise<SendOutcome> {
    return call(
      this.url('/v1/send'),
      {
        method: 'POST',
        body: JSON.stringify({ clientId, message }),
        token: this.credentials.deviceToken,
      },
      sendOutcomeSchema,
    )
  }

  /** Uploads a file to the platform through the relay; the answer is the platform's media id. */
  async uploadMedia(file: { mimeType: string; fileName: string; bytes: Buffer }): Promise<string> {
    const answer = await call(
      this.url('/v1/media'),
      {
        method: 'POST',
        body: JSON.stringify({
          mimeType: file.mimeType,
          fileName: file.fileName,
          data: file.bytes.toString('base64'),
        }),
        token: this.credentials.deviceToken,
        timeoutMs: uploadTimeoutMs,
      },
      mediaUploadAnswerSchema,
    )
    return answer.mediaId
  }

  /** Leaves a file, already sealed with the shop's sync key, in the relay's store for the shop. */
  async putFile(fileId: string, sealed: Uint8Array): Promise<void> {
    const response = await this.rawCall(`/v1/files/${encodeURIComponent(fileId)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(sealed),
    })
    await this.refuseUnlessOk(response)
  }

  /** A sealed file another device of the shop left, or null when the relay has none by that id. */
  async getFile(fileId: string): Promise<Buffer | null> {
    const response = await this.rawCall(`/v1/files/${encodeURIComponent(fileId)}`, {
      method: 'GET',
    })
    if (response.status === 404) return null
    await this.refuseUnlessOk(response)
    try {
      return Buffer.from(await response.arrayBuffer())
    } catch (cause) {
      throw new RelayUnreachable(`The file did not arrive whole (${String(cause)}).`)
    }
  }

  private async rawCall(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(this.url(path), {
        ...init,
        headers: {
          ...(init.headers as Record<string, string> | undefined),
          authorization: `Bearer ${this.credentials.deviceToken}`,
        },
        signal: AbortSignal.timeout(uploadTimeoutMs),
      })
    } catch (cause) {
      throw new RelayUnreachable(
        `The relay did not answer (${cause instanceof Error ? cause.message : String(cause)}).`,
      )
    }
  }

  private async refuseUnlessOk(response: Response): Promise<void> {
    if (!response.ok) throw refusalOf(response.status, await response.json().catch(() => null))
  }

  sendOutcome(clientId: string): Promise<SendOutcome> {
    return call(
      this.url(`/v1/send/${encodeURIComponent(clientId)}`),
      { method: 'GET', token: this.credentials.deviceToken },
      sendOutcomeSchema,
    )
  }

  async markRead(wamid: string): Promise<void> {
    await call(
      this.url('/v1/mark-read'),
      { method: 'POST', body: JSON.stringify({ wamid }), token: this.credentials.deviceToken },
      markReadAnswerSchema,
    )
  }

  private authed<T>(
    path: string,
    method: string,
    schema: z.ZodType<T>,
    body?: unknown,
  ): Promise<T> {
    return call(
      this.url(path),
      {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        token: this.credentials.deviceToken,
      },
      schema,
    )
  }

  syncPush(batch: PushBatchRequest) {
    return this.authed('/v1/sync/push', 'POST', pushBatchResponseSchema, batch)
  }

  syncPull(after: number, limit = 500) {
    return this.authed(`/v1/sync/pull?after=${after}&limit=${limit}`, 'GET', pullResponseSchema)
  }

  latestSnapshot() {
    return this.authed('/v1/sync/snapshot', 'GET', latestSnapshotResponseSchema)
  }

  offerSnapshot(offer: SnapshotOffer) {
    return this.authed('/v1/sync/snapshot', 'POST', z.object({ kept: z.boolean() }), offer)
  }

  depositPairing(deposit: DepositPairing) {
    return this.authed('/v1/pairings', 'POST', depositPairingAnswerSchema, deposit)
  }

  pairingSecret() {
    return this.authed('/v1/pairing/secret', 'GET', pairingSecretSchema)
  }

  deletePairingSecret() {
    return this.authed('/v1/pairing/secret', 'DELETE', z.object({ deleted: z.boolean() }))
  }

  async devices(): Promise<DeviceView[]> {
    return (
      await this.authed('/v1/devices', 'GET', z.object({ devices: z.array(deviceViewSchema) }))
    ).devices
  }

  removeDevice(deviceId: string): Promise<DeviceView> {
    return this.authed(`/v1/devices/${encodeURIComponent(deviceId)}`, 'DELETE', deviceViewSchema)
  }

  /** The platform's template list, as its items (read by src-shared/templates). */
  async templates(): Promise<unknown[]> {
    const answer = await call(
      this.url('/v1/templates'),
      { method: 'GET', token: this.credentials.deviceToken },
      templateListAnswerSchema,
    )
    return answer.templates
  }

  /** Submits a template for review; the body is the platform's create request. */
  submitTemplate(body: unknown): Promise<TemplateSubmitAnswer> {
    return call(
      this.url('/v1/templates'),
      { method: 'POST', body: JSON.stringify(body), token: this.credentials.deviceToken },
      templateSubmitAnswerSchema,
    )
  }

  streamUrl(): string {
    const url = new URL('/v1/stream', this.credentials.relayUrl)
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    return url.href
  }
}
