/**
 * The emulated Cloud API's behaviour: what it answers to a send, what becomes of each accepted
 * message (statuses with pricing, or a failure with the platform's error), and what customers
 * write. The HTTP server (graph-endpoint.ts) and the simulated customers (simulation.ts) sit on
 * top of it; the control API reaches into it.
 */
import type { OutgoingMessage } from '../../src-shared/pricing'
import type { SeededRandom } from '../../src-shared/sync/seeded-random'
import { createPacer } from '../sending/pacer'
import { isOptOut, type Persona } from './customers/personas'
import { drawShopper, type Language } from './customers/population'
import { viewOf, waIdOf, type CustomerView, type SimulatedCustomer } from './customer-book'
import { restoreCustomer, saveableCustomer, type SavedCustomer } from './customer-state-file'
import type { DelayRange, EmulatorConfig, EmulatorDelays } from './emulator-config'
import { asynchronousError, synchronousError } from './graph-errors'
import type { IdMaker } from './ids'
import type { MediaLibrary } from './media-library'
import { wireMessage, type AdSpec, type InboundSpec } from './inbound-spec'
import { statusPricing } from './status-pricing'
import type { TemplateCatalog } from './template-catalog'
import type { WebhookDelivery } from './webhook-delivery'
import {
  inboundChange,
  statusChange,
  unixSeconds,
  type BusinessNumber,
  type WirePricing,
  type WireStatus,
} from './wire-payloads'

export interface SentMessage {
  wamid: string
  /** `to` (or `recipient`) as the shop sent it. */
  to: string
  waId: string
  type: string
  /** `service`, `reaction`, or the template's category. */
  category: string
  templateName: string | null
  /** `biz_opaque_callback_data`: the relay's client id. */
  clientId: string | null
  acceptedAt: number
  /** The whole request body, for tests to look at. */
  body: Record<string, unknown>
  /** Statuses sent to the relay so far, in order. */
  statuses: WireStatus['status'][]
  pricing: WirePricing | null
  /** The error code its failed status carries, if it failed. */
  failedWith: number | null
}

export interface GraphAnswer {
  status: number
  body: unknown
  /** Close the connection without answering: the message was accepted but the answer is lost. */
  drop: boolean
}

export interface CustomerWrites {
  /** E.164 or wa_id; a new customer (from the seeded population) when absent. */
  from?: string
  name?: string
  country?: string
  language?: Language
  /** A text, or any kind of message. */
  message: string | InboundSpec
  /** The customer came from a click-to-WhatsApp ad. */
  referral?: boolean | AdSpec
  /** When the customer wrote (epoch ms); in the past for conversations that happened before. */
  at?: number
  persona?: Persona
}

export interface PlatformOptions {
  config: EmulatorConfig
  number: BusinessNumber
  delays: EmulatorDelays
  random: { content: SeededRandom; timing: SeededRandom; people: SeededRandom }
  ids: IdMaker
  templates: TemplateCatalog
  /** What image and document sends may name. */
  media: MediaLibrary
  delivery: WebhookDelivery
  readProbability: number
  numberRate: { burst: number; intervalMs: number }
  pairRate: { burst: number; intervalMs: number }
  now: () => number
  /** A shop message reached a customer (delivered, and read or not). */
  onReached: (customer: SimulatedCustomer, message: SentMessage, read: boolean) => void
}

const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7)

export function createPlatform(options: PlatformOptions) {
  const { number, delivery, ids, now } = options
  const customers = new Map<string, SimulatedCustomer>()
  const sent: SentMessage[] = []
  const markedRead: string[] = []
  const forced: { code: number; asStatus: boolean }[] = []
  const notOnWhatsApp = new Set<string>()
  const limits = createPacer()
  const timers = new Set<NodeJS.Timeout>()
  const timerWaiters: (() => void)[] = []
  let dropAnswers = 0
  let sendCalls = 0
  let serviceCount = { month: '', count: 0 }
  let closed = false

  const draw = ([least, most]: DelayRange) =>
    options.random.timing.between(least, Math.max(least, most))

  function later(ms: number, work: () => void): void {
    if (closed) return
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!closed) work()
      if (timers.size === 0) for (const resolve of timerWaiters.splice(0)) resolve()
    }, ms)
    timers.add(timer)
  }

  function customer(
    waId: string,
    seed: Partial<Pick<SimulatedCustomer, 'name' | 'country' | 'language'>> = {},
  ): SimulatedCustomer {
    let known = customers.get(waId)
    if (!known) {
      known = {
        waId,
        name: seed.name ?? `+${waId}`,
        country: seed.country ?? null,
        language: seed.language ?? 'en',
        onWhatsApp: !waId.endsWith('0000') && !notOnWhatsApp.has(waId),
        optedOut: false,
        history: [],
        persona: null,
        product: null,
        saidFollowUps: 0,
        replyPending: false,
        random: options.random.content.fork(),
      }
      customers.set(waId, known)
    }
    return known
  }

  function outgoingOf(body: Record<string, unknown>): OutgoingMessage {
    if (body.type === 'reaction') return { kind: 'reaction' }
    if (body.type !== 'template') return { kind: 'service' }
    const template = body.template as { name?: unknown } | undefined
    const name = typeof template?.name === 'string' ? template.name : ''
    return { kind: 'template', category: options.templates.categoryOf(name) }
  }

  function emitStatus(
    message: SentMessage,
    status: WireStatus['status'],
    extra: Partial<WireStatus> = {},
  ): void {
    message.statuses.push(status)
    void delivery.deliver(
      statusChange(number, {
        id: message.wamid,
        status,
        timestamp: unixSeconds(now()),
        recipient_id: message.waId,
        ...(message.clientId ? { biz_opaque_callback_data: message.clientId } : {}),
        ...extra,
      }),
    )
  }

  /** Decides, at acceptance, what becomes of a message, and plays it out over time. */
  function playOut(
    message: SentMessage,
    outgoing: OutgoingMessage,
    mediaFailure: number | null,
  ): void {
    const at = message.acceptedAt
    const forcedStatus = forced[0]?.asStatus ? forced.shift()!.code : null
    const known = customers.get(message.waId)
    const reachable = known
      ? known.onWhatsApp
      : !message.waId.endsWith('0000') && !notOnWhatsApp.has(message.waId)
    let failure = forcedStatus ?? (reachable ? null : 131026) ?? mediaFailure
    let pricing: WirePricing | null = null
    if (failure === null) {
      if (serviceCount.month !== monthOf(at)) serviceCount = { month: monthOf(at), count: 0 }
      const priced = statusPricing({
        waId: message.waId,
        message: outgoing,
        history: known?.history ?? [],
        at,
        serviceAllowanceUsed: serviceCount.count,
        settings: options.config.pricingSettings,
      })
      if (!priced.deliverable) failure = priced.errorCode
      else if (outgoing.kind === 'template' && outgoing.category === 'marketing' && known?.optedOut)
        failure = 131050
      else {
        pricing = priced.pricing
        if (priced.countsAsService) serviceCount.count += 1
      }
    }
    message.pricing = pricing
    message.failedWith = failure
    // Only a message that reaches the customer counts as the business's answer (free entry point).
    if (failure === null) customer(message.waId).history.push({ direction: 'outbound', at })

    const sentAfter = draw(options.delays.sentMs)
    if (failure !== null) {
      const code = failure
      later(sentAfter, () => emitStatus(message, 'failed', { errors: [asynchronousError(code)] }))
      return
    }
    const price = pricing!
    const deliveredAfter = sentAfter + draw(options.delays.deliveredMs)
    const reads = options.random.timing.chance(options.readProbability)
    const readAfter = deliveredAfter + draw(options.delays.readMs)
    later(sentAfter, () => emitStatus(message, 'sent', { pricing: price }))
    later(deliveredAfter, () => {
      emitStatus(message, 'delivered', { pricing: price })
      if (!reads) options.onReached(customer(message.waId), message, false)
    })
    if (reads) {
      later(readAfter, () => {
        emitStatus(message, 'read', { pricing: price })
        options.onReached(customer(message.waId), message, true)
      })
    }
  }

  function refuse(code: number, details?: string): GraphAnswer {
    const error = synchronousError(code, ids.fbtraceId(), details)
    return { status: error.httpStatus, body: error.body, drop: false }
  }

  /**
   * Photos and documents: a malformed object or a long caption is refused at once (100); an id
   * the platform never issued is accepted and then fails with 131053, as the Cloud API does.
   * Otherwise they are free-form messages like text: the window rules and prices of `service`.
   */
  function checkMedia(
    request: Record<string, unknown>,
  ): { refused: GraphAnswer } | { failure: number | null } {
    if (request.type !== 'image' && request.type !== 'document') return { failure: null }
    const reference = options.media.reference(request[request.type])
    if (!reference.ok) return { refused: refuse(100, reference.details) }
    return { failure: reference.known ? null : 131053 }
  }

  return {
    /** `POST /{version}/{phone-number-id}/messages`, after the token and number were checked. */
    answerMessages(body: unknown): GraphAnswer {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse(100)
      const request = body as Record<string, unknown>
      if (request.messaging_product !== 'whatsapp') return refuse(100)
      if (request.status === 'read') {
        if (typeof request.message_id !== 'string' || request.message_id === '') return refuse(100)
        markedRead.push(request.message_id)
        return { status: 200, body: { success: true }, drop: false }
      }
      sendCalls += 1
      const to =
        typeof request.to === 'string'
          ? request.to
          : typeof request.recipient === 'string'
            ? request.recipient
            : null
      const waId = to === null ? null : waIdOf(to)
      if (to === null || waId === null || typeof request.type !== 'string') return refuse(100)
      if (forced[0] && !forced[0].asStatus) return refuse(forced.shift()!.code)
      const media = checkMedia(request)
      if ('refused' in media) return media.refused
      const at = now()
      if (!limits.tryTake('number', options.numberRate, at)) return refuse(130429)
      if (!limits.tryTake(`pair:${waId}`, options.pairRate, at)) return refuse(131056)

      const outgoing = outgoingOf(request)
      const template = request.template as { name?: unknown } | undefined
      const message: SentMessage = {
        wamid: ids.wamid(waId),
        to,
        waId,
        type: request.type,
        category: outgoing.kind === 'template' ? outgoing.category : outgoing.kind,
        templateName: typeof template?.name === 'string' ? template.name : null,
        clientId:
          typeof request.biz_opaque_callback_data === 'string'
            ? request.biz_opaque_callback_data
            : null,
        acceptedAt: at,
        body: request,
        statuses: [],
        pricing: null,
        failedWith: null,
      }
      sent.push(message)
      playOut(message, outgoing, media.failure)
      const drop = dropAnswers > 0
      if (drop) dropAnswers -= 1
      return {
        status: 200,
        drop,
        body: {
          messaging_product: 'whatsapp',
          contacts: [{ input: to, wa_id: waId }],
          messages: [
            {
              id: message.wamid,
              ...(request.type === 'template' ? { message_status: 'accepted' } : {}),
            },
          ],
        },
      }
    },

    /** A customer writes to the shop; resolves when the relay acknowledged the webhook. */
    async customerWrites(
      input: CustomerWrites,
    ): Promise<{ wamid: string; waId: string; delivered: boolean }> {
      let waId = input.from === undefined ? null : waIdOf(input.from)
      if (input.from !== undefined && waId === null)
        throw new Error('`from` must be a phone number')
      let seed: Partial<Pick<SimulatedCustomer, 'name' | 'country' | 'language'>> = {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.country === undefined ? {} : { country: input.country }),
        ...(input.language === undefined ? {} : { language: input.language }),
      }
      if (waId === null) {
        const shopper = drawShopper(options.random.people, new Set(customers.keys()), {
          country: input.country,
          language: input.language,
        })
        waId = shopper.waId
        seed = { name: shopper.name, country: shopper.country, language: shopper.language, ...seed }
      }
      const who = customer(waId, seed)
      if (input.persona) who.persona = input.persona
      const spec: InboundSpec =
        typeof input.message === 'string' ? { type: 'text', body: input.message } : input.message
      const at = input.at ?? now()
      const wamid = ids.wamid(waId)
      const referral = input.referral === true ? {} : input.referral || undefined
      who.history.push({ direction: 'inbound', at, referral: referral !== undefined })
      if (
        (spec.type === 'text' && isOptOut(spec.body)) ||
        (spec.type === 'templateButton' && isOptOut(spec.text))
      ) {
        who.optedOut = true
      }
      const change = inboundChange(
        number,
        { name: who.name, waId },
        wireMessage(spec, {
          from: waId,
          businessDisplayNumber: number.displayPhoneNumber,
          wamid,
          timestamp: unixSeconds(at),
          mediaId: ids.mediaId,
          ...(referral ? { referral } : {}),
        }),
      )
      const delivered = await delivery.deliver(change)
      return { wamid, waId, delivered }
    },

    customer,
    /** What a restart should remember (see customer-state-file.ts). */
    savedCustomers: (): SavedCustomer[] => [...customers.values()].map(saveableCustomer),
    restoreCustomers(saved: readonly SavedCustomer[]) {
      for (const entry of saved) {
        customers.set(entry.waId, restoreCustomer(entry, options.random.content.fork()))
      }
    },
    customers: (): CustomerView[] => [...customers.values()].map(viewOf),
    knownCustomers: () => customers,
    sentMessages: (): SentMessage[] =>
      sent.map((message) => ({ ...message, statuses: [...message.statuses] })),
    markedAsRead: () => [...markedRead],
    sendCalls: () => sendCalls,
    dropNextAnswer: (times = 1) => void (dropAnswers += times),
    fail(code: number, failure: { times?: number; asStatus?: boolean } = {}) {
      for (let time = 0; time < (failure.times ?? 1); time += 1) {
        forced.push({ code, asStatus: failure.asStatus ?? false })
      }
    },
    optOut: (waId: string) => void (customer(waId).optedOut = true),
    notOnWhatsApp(waId: string) {
      notOnWhatsApp.add(waId)
      const known = customers.get(waId)
      if (known) known.onWhatsApp = false
    },
    later,
    /** Resolves when every status already scheduled has been played out. */
    statusesPlayed(): Promise<void> {
      if (timers.size === 0) return Promise.resolve()
      return new Promise((resolve) => timerWaiters.push(resolve))
    },
    close() {
      closed = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const resolve of timerWaiters.splice(0)) resolve()
    },
  }
}

export type Platform = ReturnType<typeof createPlatform>
