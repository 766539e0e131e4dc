/**
 * `POST /webhook`: the platform's deliveries. In order: the body is read as raw bytes (refused
 * over the size limit), its signature checked over exactly those bytes (refused and forgotten
 * when wrong), parsed, routed to shops by phone number id, deduplicated per event, and each
 * shop's fresh events sealed to its public key and committed in a synchronous transaction,
 * together with the POSTs that arrived in the same turn (one item per shop for all of them:
 * see intake-writer.ts).
 * Only then is the 200 sent: a millisecond or two later than answering blind, but a relay that
 * dies right after its answer loses nothing, and one that dies before it gets the same delivery
 * again, which deduplication makes harmless. Pushing hints to devices and settling sends from
 * statuses happen after the answer.
 *
 * The plaintext exists only in this function's memory: nothing unsealed is stored or logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseWebhookText, type StatusEvent, type WebhookEvent } from '../../src-shared/whatsapp'
import type { StreamMessage } from '../../src-shared/relay/device-protocol'
import type { ShopSealer } from '../crypto/seal'
import { readBody } from '../http/read-body'
import { closeAfter, sendError, sendText } from '../http/respond'
import { createLogger } from '../logger'
import { settleSends } from '../sending/settle'
import type { SendRecord } from '../sending/send-state'
import type { RelayStore, ShopRecord } from '../store/relay-store'
import { eventKeyDigest } from './event-key'
import { createIntakeWriter, type ShopIntake } from './intake-writer'
import type { ShopDirectory } from './shop-directory'
import { checkSignature } from './signature'

const log = createLogger('webhook')

export interface WebhookIntakeOptions {
  store: RelayStore
  directory: ShopDirectory
  sealer: ShopSealer
  appSecret: string
  maxBodyBytes: number
  publish(shopId: string, message: StreamMessage): void
  announceSend(record: SendRecord): void
  now(): number
}

export interface WebhookIntake {
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>
  /** Resolves when the work that follows the answers given so far is done. */
  idle(): Promise<void>
}

interface ShopEvents {
  shop: ShopRecord
  events: WebhookEvent[]
}

const encoder = new TextEncoder()

export function createWebhookIntake(options: WebhookIntakeOptions): WebhookIntake {
  const { store, directory, sealer } = options
  const writer = createIntakeWriter(store, () => options.now())
  const after = new Set<Promise<void>>()

  function group(events: readonly WebhookEvent[]): { byShop: ShopEvents[]; unrouted: number } {
    const byShop = new Map<string, ShopEvents>()
    let unrouted = 0
    for (const event of events) {
      const shops = directory.shopsFor(event)
      if (shops.length === 0) unrouted += 1
      for (const shop of shops) {
        let entry = byShop.get(shop.id)
        if (!entry) byShop.set(shop.id, (entry = { shop, events: [] }))
        entry.events.push(event)
      }
    }
    return { byShop: [...byShop.values()], unrouted }
  }

  function intakeOf({ shop, events }: ShopEvents): ShopIntake {
    return {
      shopId: shop.id,
      keyDigests: events.map((event) => eventKeyDigest(shop.id, event)),
      events,
      sealEvents: (fresh) => sealer.seal(shop.publicKey, encoder.encode(JSON.stringify(fresh))),
    }
  }

  async function afterAnswer(
    results: { shopId: string; seq: number | null }[],
    byShop: ShopEvents[],
  ): Promise<void> {
    for (const result of results) {
      if (result.seq !== null) options.publish(result.shopId, { type: 'inbox', seq: result.seq })
    }
    for (const { shop, events } of byShop) {
      const statuses = events.filter((event): event is StatusEvent => event.kind === 'status')
      if (statuses.length === 0) continue
      const changed = await settleSends(store, shop.id, statuses, options.now())
      for (const record of changed) options.announceSend(record)
    }
  }

  return {
    async handle(request, response) {
      const read = await readBody(request, options.maxBodyBytes)
      if (!read.ok) {
        if (read.reason === 'tooLarge') {
          closeAfter(response)
          sendError(
            response,
            413,
            'PAYLOAD_TOO_LARGE',
            `A webhook body may have at most ${options.maxBodyBytes} bytes.`,
          )
        }
        return
      }
      const signature = checkSignature(
        read.bytes,
        request.headers['x-hub-signature-256'],
        options.appSecret,
      )
      if (!signature.ok) {
        log.warn(`refused a webhook: signature ${signature.reason}`)
        if (signature.reason === 'missing') {
          sendError(response, 401, 'UNAUTHORIZED', 'X-Hub-Signature-256 is required.')
        } else {
          sendError(response, 403, 'INVALID_SIGNATURE', 'The signature does not match the body.')
        }
        return
      }
      const parsed = parseWebhookText(read.bytes.toString('utf8'))
      if (!parsed.ok) {
        log.warn(`refused a signed webhook: ${parsed.reason}`)
        sendError(
          response,
          400,
          'INVALID_WEBHOOK',
          `The body is not a WhatsApp webhook (${parsed.reason}).`,
        )
        return
      }
      if (parsed.problems.length > 0) {
        log.warn(`a webhook had ${parsed.problems.length} unreadable item(s); the rest was kept`)
      }
      try {
        await directory.learn(parsed.events)
        const { byShop, unrouted } = group(parsed.events)
        if (unrouted > 0) log.info(`${unrouted} event(s) for no shop on this relay were dropped`)
        const results = await writer.write(byShop.map(intakeOf))
        sendText(response, 200, 'EVENT_RECEIVED')
        const work = afterAnswer(results, byShop).catch((cause: unknown) =>
          log.error('could not finish after a webhook', cause),
        )
        after.add(work)
        void work.finally(() => after.delete(work))
      } catch (cause) {
        // Not acknowledged: the platform delivers it again later, and duplicates are harmless.
        log.error('could not store a webhook', cause)
        sendError(response, 500, 'INTERNAL', 'The webhook could not be stored; deliver it again.')
      }
    },
    async idle() {
      await Promise.allSettled([...after])
    },
  }
}
