/**
 * The platform link on the desktop: enrols with a relay, pulls what it holds by cursor (woken by
 * its stream, and on a timer in case the stream is down), opens each sealed item and writes it
 * into the vault, and drains the outbox. While the relay is away everything local keeps working;
 * the link says offline since when, and catches up when the relay is back.
 */
import { hostname } from 'node:os'
import WebSocket from 'ws'
import { streamMessageSchema } from '../../../src-shared/relay/device-protocol'
import type { LinkStatus } from '../../../src-shared/relay/link-status'
import {
  buildMediaMessage,
  buildTemplateMessage,
  buildTextMessage,
  type MessageContent,
} from '../../../src-shared/whatsapp'
import { isSentTemplate, type SentTemplateContent } from '../../../src-shared/inbox/sent-template'
import { templateSendOf } from '../../../src-shared/templates/send-values'
import { createLogger } from '../logger'
import { countWaiting, dueSends, postpone, recordOutcome } from '../outbox/outbox'
import { statement } from '../store/statements'
import { readSecret, writeSecret } from '../store/secrets'
import { readCustomer } from '../inbox/customers'
import { mediaBytes, mediaInfo } from '../quick-replies/media-store'
import type { Sodium } from '../vault/sodium'
import type { OpenShop, Vault } from '../vault/vault'
import { applyInboxEvents } from './apply-inbox-events'
import { applyTemplateEvent } from '../templates/template-sync'
import {
  enrolWithRelay,
  RelayClient,
  RelayRefused,
  RelayUnreachable,
  type RelayCredentials,
} from './relay-client'
import { NextRound } from './next-round'
import { openSealedItem, shopKeys } from './shop-keys'

const log = createLogger('link')
const credentialsSecret = 'relay.credentials'
const cursorKey = 'relay.inbox.cursor'

type LinkState = LinkStatus['state']

export interface LinkHooks {
  statusChanged(status: LinkStatus): void
  inboxChanged(conversationIds: string[]): void
  /** Template webhooks changed these templates (status, category). */
  templatesChanged?(templateIds: string[]): void
  /** The link started for the unlocked shop: the moment to pull what the platform holds. */
  started?(client: RelayClient): void
  /** Other devices' edits arrived; these conversations show something new. */
  shopSynced?(conversationIds: string[]): void
  /** Customers wrote these new messages (ids only: notifications read the text themselves). */
  customersWrote?(messages: { conversationId: string; messageId: string; sentAt: number }[]): void
}

/** The operation log's round with the relay (src-main/core/sync/sync-log.ts). */
export interface LinkOpLog {
  /** Says whether other devices' edits arrived, and which conversations they touched. */
  sync(
    client: RelayClient,
    shopOf: () => OpenShop,
  ): Promise<{ changed: boolean; conversationIds: string[] }>
}

export interface LinkOptions {
  pollMs?: number
  opLog?: LinkOpLog
  now?: () => number
  deviceName?: string
}

export class PlatformLink {
  private client: RelayClient | null = null
  private socket: WebSocket | null = null
  private readonly nextRound = new NextRound(() => void this.sync())
  private running = false
  private busy: Promise<void> | null = null
  private again = false
  private state: LinkState = 'notConfigured'
  private offlineSince: number | null = null
  private lastSyncedAt: number | null = null
  private refusal: string | null = null
  private reconnectDelayMs = 1_000

  constructor(
    private readonly vault: Vault,
    private readonly sodium: Sodium,
    private readonly hooks: LinkHooks,
    private readonly options: LinkOptions = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  private shop(): OpenShop {
    return this.vault.shop()
  }

  credentials(): RelayCredentials | null {
    const stored = readSecret(this.shop(), credentialsSecret)
    return stored ? (JSON.parse(stored) as RelayCredentials) : null
  }

  /** Joins the shop to a relay with the one-time code its operator gave. */
  async enrol(
    relayUrl: string,
    code: string,
    origin: { demo?: boolean } = {},
  ): Promise<LinkStatus> {
    const keys = shopKeys(this.shop(), this.sodium)
    const answer = await enrolWithRelay(relayUrl, {
      code,
      shopPublicKey: Buffer.from(keys.publicKey).toString('base64'),
      deviceName: this.options.deviceName ?? hostname(),
    })
    const credentials: RelayCredentials = { relayUrl, ...answer, demo: origin.demo ?? false }
    writeSecret(this.shop(), credentialsSecret, JSON.stringify(credentials))
    statement(this.shop().db, 'DELETE FROM sync_state WHERE key = ?').run(cursorKey)
    this.stop()
    this.start()
    return this.status()
  }

  /** Joins with credentials a pairing gave (the device is already enrolled by the relay). */
  adoptCredentials(credentials: RelayCredentials): LinkStatus {
    writeSecret(this.shop(), credentialsSecret, JSON.stringify(credentials))
    statement(this.shop().db, 'DELETE FROM sync_state WHERE key = ?').run(cursorKey)
    this.stop()
    this.start()
    return this.status()
  }

  /** A relay client while the shop is unlocked and joined, for calls the link itself does not make. */
  relay(): RelayClient | null {
    const credentials = this.vault.unlocked ? this.credentials() : null
    return credentials ? new RelayClient(credentials) : null
  }

  /**
   * Demo mode's relay listens on a new port each launch but keeps its data, so the shop's
   * enrolment stays valid: only the address changes.
   */
  moveRelay(relayUrl: string): void {
    const credentials = this.credentials()
    if (!credentials || credentials.relayUrl === relayUrl) return
    writeSecret(this.shop(), credentialsSecret, JSON.stringify({ ...credentials, relayUrl }))
    this.stop()
  }

  /**
   * Tells the platform the owner read up to this message (blue ticks for the customer). Best
   * effort: offline, the receipt is skipped; the owner's own read state is already saved.
   */
  async markRead(wamid: string): Promise<void> {
    if (!this.client) return
    try {
      await this.client.markRead(wamid)
    } catch (cause) {
      log.warn('the read receipt did not reach the platform', cause)
    }
  }

  status(): LinkStatus {
    let waiting = 0
    let relayUrl: string | null = null
    if (this.vault.unlocked) {
      waiting = countWaiting(this.shop())
      relayUrl = this.credentials()?.relayUrl ?? null
    }
    return {
      state: this.state,
      relayUrl,
      offlineSince: this.offlineSince,
      lastSyncedAt: this.lastSyncedAt,
      waiting,
      refusal: this.refusal,
    }
  }

  private setState(state: LinkState, refusal: string | null = null): void {
    if (state === 'offline' && this.offlineSince === null) this.offlineSince = this.now()
    if (state === 'online') this.offlineSince = null
    const changed = state !== this.state || refusal !== this.refusal
    this.state = state
    this.refusal = refusal
    if (changed) this.hooks.statusChanged(this.status())
  }

  /** Tells the renderer the link's status as it is now (replies waiting, last synced). */
  announce(): void {
    this.hooks.statusChanged(this.status())
  }

  /** Starts working for the unlocked shop; a no-op until a relay is configured. */
  start(): void {
    if (this.running || !this.vault.unlocked) return
    const credentials = this.credentials()
    if (!credentials) {
      this.setState('notConfigured')
      return
    }
    this.running = true
    this.client = new RelayClient(credentials)
    this.setState('connecting')
    this.openStream()
    this.syncSoon(0)
    this.hooks.started?.(this.client)
  }

  /** Stops all network work (on lock, and on close); what is queued stays queued. */
  stop(): void {
    this.running = false
    this.nextRound.cancel()
    this.socket?.removeAllListeners()
    // Terminating a stream still connecting emits an error; unheard, it would end the process.
    this.socket?.on('error', () => undefined)
    this.socket?.terminate()
    this.socket = null
    this.client = null
  }

  /** Waits for the sync in progress, if any (tests and shutdown). */
  async settled(): Promise<void> {
    while (this.busy) await this.busy
  }

  private openStream(): void {
    if (!this.running || !this.client) return
    const socket = new WebSocket(this.client.streamUrl(), {
      headers: { authorization: `Bearer ${this.client.credentials.deviceToken}` },
      handshakeTimeout: 10_000,
    })
    this.socket = socket
    socket.on('open', () => {
      this.reconnectDelayMs = 1_000
      this.syncSoon(0)
    })
    socket.on('message', (data: WebSocket.RawData) => {
      let parsed: unknown
      try {
        parsed = JSON.parse(
          Buffer.isBuffer(data)
            ? data.toString('utf8')
            : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'),
        )
      } catch {
        return
      }
      const message = streamMessageSchema.safeParse(parsed)
      if (message.success) this.syncSoon(0)
    })
    socket.on('error', () => undefined)
    socket.on('close', () => {
      if (!this.running || this.socket !== socket) return
      this.socket = null
      const delay = this.reconnectDelayMs
      this.reconnectDelayMs = Math.min(30_000, this.reconnectDelayMs * 2)
      setTimeout(() => this.openStream(), delay).unref?.()
    })
  }

  /**
   * Asks for a sync within `delayMs` (never later than one already asked for); several asks
   * while one runs make one more run, not many.
   */
  syncSoon(delayMs = 0): void {
    if (this.running) this.nextRound.within(delayMs)
  }

  async sync(): Promise<void> {
    if (this.busy) {
      this.again = true
      return this.busy
    }
    this.busy = this.syncOnce().finally(() => {
      this.busy = null
      if (this.again && this.running) {
        this.again = false
        this.syncSoon(0)
      }
    })
    return this.busy
  }

  private async syncOnce(): Promise<void> {
    const client = this.client
    if (!client || !this.running || !this.vault.unlocked) return
    try {
      await this.pull(client)
      await this.drain(client)
      this.setState('online')
      // The shop's edits from other devices; a failure here reads as offline like the rest.
      if (this.options.opLog) {
        const round = await this.options.opLog.sync(client, () => this.shop())
        if (round.changed) this.hooks.shopSynced?.(round.conversationIds)
      }
      this.lastSyncedAt = this.now()
      // Announced after every round, not only on a change of state: the indicator shows when
      // the shop last synced and how many replies still wait, which move while staying online.
      this.setState('online')
      this.announce()
      this.syncSoon(this.options.pollMs ?? 15_000)
    } catch (cause) {
      if (cause instanceof RelayRefused && (cause.status === 401 || cause.status === 403)) {
        log.warn(`the relay refused this device (${cause.code})`)
        this.setState('refused', cause.message)
        this.stop()
        return
      }
      if (!(cause instanceof RelayUnreachable) && !(cause instanceof RelayRefused)) {
        // Locked mid-sync, or a bug: say so, keep what is queued, try again later.
        log.warn('sync stopped', cause)
      }
      this.setState('offline')
      this.syncSoon(Math.min(30_000, 2_000 + (this.now() - (this.offlineSince ?? this.now())) / 4))
    }
  }

  private async pull(client: RelayClient): Promise<void> {
    const shop = this.shop()
    let after = Number(
      (
        statement(shop.db, 'SELECT value FROM sync_state WHERE key = ?').get(cursorKey) as
          { value: string } | undefined
      )?.value ?? 0,
    )
    for (;;) {
      const page = await client.inbox(after, 200)
      if (!this.vault.unlocked) return
      // One transaction per item (a webhook may carry a thousand messages): a joining device
      // shows its first conversations while the rest still arrive, and calls are answered in
      // between. Opening, writing and moving the cursor happen together: a crash repeats an
      // item, never skips one.
      for (const item of page.items) {
        if (!this.vault.unlocked) return
        this.applyItem(item, item.seq)
        await new Promise((resolve) => setImmediate(resolve))
      }
      if (page.items.at(-1)?.seq !== page.next) {
        this.writeCursor(page.next)
      }
      after = page.next
      if (!page.hasMore) return
    }
  }

  private writeCursor(cursor: number): void {
    statement(
      this.shop().db,
      `INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(cursorKey, String(cursor))
  }

  private applyItem(item: { seq: number; sealed: string }, cursor: number): void {
    const current = this.shop()
    const keys = shopKeys(current, this.sodium)
    const changed = new Set<string>()
    const templateIds = new Set<string>()
    const wrote: { conversationId: string; messageId: string; sentAt: number }[] = []
    current.db.transaction(() => {
      const text = openSealedItem(this.sodium, keys, item.sealed)
      let events: unknown = null
      try {
        events = text === null ? null : JSON.parse(text)
      } catch {
        events = null
      }
      if (Array.isArray(events)) {
        const applied = applyInboxEvents(current, events)
        for (const id of applied.conversationIds) changed.add(id)
        wrote.push(...applied.customerMessages)
        for (const event of events) {
          const id = applyTemplateEvent(current, event, this.now())
          if (id) templateIds.add(id)
        }
      } else {
        log.warn(`relay item ${item.seq} did not open for this shop; skipped`)
      }
      this.writeCursor(cursor)
    })()
    if (changed.size > 0) this.hooks.inboxChanged([...changed])
    if (templateIds.size > 0) this.hooks.templatesChanged?.([...templateIds])
    if (wrote.length > 0) this.hooks.customersWrote?.(wrote)
  }

  private async drain(client: RelayClient): Promise<void> {
    for (const send of dueSends(this.shop(), this.now())) {
      if (!this.vault.unlocked) return
      const notSent = (message: string) => ({
        clientId: send.clientId,
        state: 'failed' as const,
        error: { code: 'NOT_SENT' as const, reason: 'notSent', message },
      })
      // Built only when the relay is to be handed the message: a photo is uploaded then.
      const handOver = async () => {
        let body: unknown
        try {
          body = await this.sendBody(client, send.messageId, send.clientId)
        } catch (cause) {
          if (cause instanceof RelayUnreachable) throw cause
          return notSent(cause instanceof Error ? cause.message : String(cause))
        }
        return client.send(send.clientId, body)
      }
      let outcome
      try {
        outcome =
          send.state === 'queued' ? await handOver() : await client.sendOutcome(send.clientId)
      } catch (cause) {
        if (cause instanceof RelayRefused && cause.status === 404 && send.state !== 'queued') {
          // The relay never recorded it (our first try was lost on the way): hand it over now.
          outcome = await handOver()
        } else if (cause instanceof RelayRefused && cause.status === 400) {
          outcome = notSent(cause.message)
        } else {
          postpone(this.shop(), send.clientId, this.now())
          throw cause
        }
      }
      const conversationId = recordOutcome(this.shop(), outcome, this.now())
      if (conversationId) this.hooks.inboxChanged([conversationId])
    }
  }

  /**
   * The platform's send body for a queued reply. A photo or document is uploaded first (through
   * the relay) and the body names the platform's media id; a refusal of the file fails the reply
   * with the platform's reason, an unreachable relay leaves it queued.
   */
  private async sendBody(
    client: RelayClient,
    messageId: string,
    clientId: string,
  ): Promise<unknown> {
    const shop = this.shop()
    const row = statement(
      shop.db,
      `SELECT m.body_sealed, m.reply_to_wamid, m.conversation_id, c.customer_id
       FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = ?`,
    ).get(messageId) as {
      body_sealed: Buffer
      reply_to_wamid: string | null
      conversation_id: string
      customer_id: string
    }
    const json = shop.open('messages', 'body', messageId, row.body_sealed, {
      conversationId: row.conversation_id,
      messageId,
    })
    const customer = readCustomer(shop, row.customer_id)
    const to = customer?.waId ? `+${customer.waId}` : customer?.userId
    const content = json ? (JSON.parse(json) as MessageContent | SentTemplateContent) : null
    if (to && content && isSentTemplate(content)) {
      // Media headers carry an https link or an uploaded media id (checked when queued).
      const send = templateSendOf(
        content.parameters,
        { to, bizOpaqueCallbackData: clientId },
        (ref) => (/^[0-9]+$/.test(ref) ? { source: { id: ref } } : { source: { link: ref } }),
      )
      const template = buildTemplateMessage(send)
      if (!template.ok) throw new Error(template.message)
      return template.body
    }
    if (to && content && (content.type === 'image' || content.type === 'document')) {
      const file = mediaInfo(shop, content.media.id)
      const bytes = file ? mediaBytes(shop, file.id) : null
      if (!file || !bytes) throw new Error('The attached file is no longer on this computer.')
      let mediaId: string
      try {
        mediaId = await client.uploadMedia({ ...file, bytes })
      } catch (cause) {
        if (cause instanceof RelayRefused) {
          throw new Error(`The platform did not take the file: ${cause.message}`)
        }
        throw cause
      }
      const built = buildMediaMessage({
        to,
        kind: content.type,
        mediaId,
        ...(content.caption ? { caption: content.caption } : {}),
        ...(content.type === 'document' && content.filename ? { fileName: content.filename } : {}),
        ...(row.reply_to_wamid ? { replyTo: row.reply_to_wamid } : {}),
        bizOpaqueCallbackData: clientId,
      })
      if (!built.ok) throw new Error(built.message)
      return built.body
    }
    if (!to || !content || content.type !== 'text') {
      throw new RelayRefused(
        400,
        'INVALID_INPUT',
        'This message cannot be sent (its text or recipient is unreadable).',
      )
    }
    const built = buildTextMessage({
      to,
      body: content.body,
      ...(row.reply_to_wamid ? { replyTo: row.reply_to_wamid } : {}),
      bizOpaqueCallbackData: clientId,
    })
    if (!built.ok) throw new Error(built.message)
    return built.body
  }
}
