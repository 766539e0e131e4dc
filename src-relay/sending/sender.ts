/**
 * Sends a shop's messages through the Cloud API, at most once per client id. The client id is
 * recorded before anything else, and each call is recorded (committed) before it is made, so a
 * second request with the same id, a crash or a restart can never cause a second acceptance.
 * The platform may be called again for the same id only after it refused the message outright
 * (130429 number too fast, 131056 customer too fast) or could not be reached at all; those are
 * paced and retried here, in each customer's order. An answer that never came leaves the send `unknown` until a status
 * webhook settles it. Message bodies live only in memory, never in the store.
 */
import { parseSendResponse } from '../../src-shared/whatsapp'
import type { SendBody } from '../api/device-api'
import type { StreamMessage } from '../../src-shared/relay/device-protocol'
import { createLogger } from '../logger'
import type { RelayStore, ShopRecord } from '../store/relay-store'
import type { GraphClient } from './graph-client'
import type { Pacer, Rate } from './pacer'
import { relayStoppedError, sendErrorOfPlatform, unreachableError } from './send-errors'
import { outcomeOf, type SendOutcome, type SendRecord, type SendTransition } from './send-state'

const log = createLogger('sender')

export interface SendingSettings {
  /** The number's throughput: 80 messages a second (20 for a number shared with the phone app). */
  numberRate: Rate
  /** One customer: a burst of 45, then one message every 6 seconds. */
  pairRate: Rate
  /** First wait after 130429 (doubles with each refusal). */
  rateLimitedHoldMs: number
  /** First wait after the platform could not be reached (doubles). */
  unreachableHoldMs: number
  /** Calls per client id before a refusal is reported as final. */
  maxAttempts: number
  graphTimeoutMs: number
}

export const defaultSendingSettings: SendingSettings = {
  numberRate: { burst: 80, intervalMs: 1000 / 80 },
  pairRate: { burst: 45, intervalMs: 6000 },
  rateLimitedHoldMs: 1000,
  unreachableHoldMs: 2000,
  maxAttempts: 8,
  graphTimeoutMs: 20_000,
}

interface Job {
  shop: ShopRecord
  clientId: string
  body: SendBody
  recipientKey: string
}

export interface Sender {
  send(shop: ShopRecord, clientId: string, message: SendBody): Promise<SendOutcome>
  /** Tells every device of the shop that a send changed. */
  announce(record: SendRecord): void
  /** After a stop: calls in flight may have gone out (unknown); queued ones did not (failed). */
  recover(): Promise<void>
  close(): Promise<void>
}

export interface SenderOptions {
  store: RelayStore
  graph: GraphClient
  pacer: Pacer
  settings: SendingSettings
  publish: (shopId: string, message: StreamMessage) => void
  now: () => number
}

/** The customer a body goes to, as pacing sees it: digits of a number, or the user id. */
export function recipientKey(body: SendBody): string {
  const to = body.to ?? body.recipient ?? ''
  return /^\+?[\d\s-]+$/.test(to) ? to.replace(/\D/g, '') : to
}

export function createSender(options: SenderOptions): Sender {
  const { store, graph, pacer, settings, now } = options
  const waiting = new Map<string, { job: Job; timer: NodeJS.Timeout }>()
  const inFlight = new Set<Promise<unknown>>()
  let closing = false

  const numberKey = (job: Job) => `number:${job.shop.phoneNumberId}`
  const pairKey = (job: Job) => `pair:${job.shop.phoneNumberId}:${job.recipientKey}`
  const jobKey = (job: Job) => `${job.shop.id}:${job.clientId}`

  function announce(record: SendRecord): void {
    options.publish(record.shopId, {
      type: 'send',
      clientId: record.clientId,
      outcome: outcomeOf(record),
    })
  }

  async function move(job: Job, transition: SendTransition): Promise<SendRecord | null> {
    const record = await store.transitionSend(job.shop.id, job.clientId, transition, now())
    // `retrying` looks like `pending` from outside, as `queued` and `calling` do: nothing to say.
    if (record && transition.to !== 'retrying' && transition.to !== 'calling') announce(record)
    return record
  }

  async function current(job: Job): Promise<SendOutcome> {
    const record = await store.sendByClientId(job.shop.id, job.clientId)
    return record ? outcomeOf(record) : { clientId: job.clientId, state: 'pending' }
  }

  /**
   * Each customer's messages go out one after another in the order they came: the next waits
   * for the answer to the one before, and one refused as too fast keeps its place in the line.
   */
  const lines = new Map<string, Job[]>()

  function joinLine(job: Job): Promise<SendOutcome> {
    const line = lines.get(pairKey(job))
    if (line) {
      line.push(job)
      return Promise.resolve({ clientId: job.clientId, state: 'pending' })
    }
    lines.set(pairKey(job), [job])
    return schedule(job)
  }

  /** The head of its line has its answer (sent, failed or unknown): the next one may go. */
  function leaveLine(job: Job): void {
    const line = lines.get(pairKey(job))
    if (line?.[0] !== job) return
    line.shift()
    const next = line[0]
    if (!next) lines.delete(pairKey(job))
    else schedule(next).catch(() => undefined)
  }

  async function attemptInLine(job: Job): Promise<SendOutcome> {
    try {
      const outcome = await attempt(job)
      // Pending after an attempt means refused and retried: it stays at the head.
      if (outcome.state !== 'pending') leaveLine(job)
      return outcome
    } catch (cause) {
      leaveLine(job)
      throw cause
    }
  }

  function schedule(job: Job): Promise<SendOutcome> {
    const wait = pacer.reserve(
      [
        { key: numberKey(job), rate: settings.numberRate },
        { key: pairKey(job), rate: settings.pairRate },
      ],
      now(),
    )
    if (wait <= 0) return track(attemptInLine(job))
    const timer = setTimeout(() => {
      waiting.delete(jobKey(job))
      // Failures are logged by track; the device learns the outcome from the stream.
      track(attemptInLine(job)).catch(() => undefined)
    }, wait)
    waiting.set(jobKey(job), { job, timer })
    return Promise.resolve({ clientId: job.clientId, state: 'pending' })
  }

  function track<T>(work: Promise<T>): Promise<T> {
    const guarded = work.catch((cause: unknown) => {
      log.error('a send attempt failed inside the relay', cause)
      throw cause
    })
    inFlight.add(guarded)
    void guarded.catch(() => undefined).finally(() => inFlight.delete(guarded))
    return guarded
  }

  function retryLater(job: Job, holdKey: string, holdRate: Rate, holdMs: number): void {
    pacer.holdOff(holdKey, holdRate, now() + holdMs)
    if (!closing) schedule(job).catch(() => undefined)
  }

  async function attempt(job: Job): Promise<SendOutcome> {
    if (closing) {
      await move(job, { to: 'failed', error: relayStoppedError })
      return current(job)
    }
    const calling = await store.transitionSend(job.shop.id, job.clientId, { to: 'calling' }, now())
    if (!calling) return current(job)
    const answer = await graph.postMessages(job.shop.phoneNumberId, job.body)
    const attempts = calling.attempts
    const backoff = (firstMs: number) => Math.min(firstMs * 2 ** (attempts - 1), 60_000)

    if (answer.kind === 'noAnswer') {
      log.warn(`send ${job.clientId}: no answer from the platform (${answer.message}); unknown`)
      await move(job, { to: 'unknown' })
      return current(job)
    }
    if (answer.kind === 'notSent') {
      const error = unreachableError(answer.message)
      if (attempts >= settings.maxAttempts) {
        await move(job, { to: 'failed', error })
        return current(job)
      }
      await move(job, { to: 'retrying', error })
      retryLater(job, numberKey(job), settings.numberRate, backoff(settings.unreachableHoldMs))
      return current(job)
    }

    const read = parseSendResponse(answer.body)
    switch (read.kind) {
      case 'accepted':
        await move(job, { to: 'sent', wamid: read.wamid })
        return current(job)
      case 'notUnderstood':
        // Something answered, but not the platform's words: it may have been sent.
        log.warn(`send ${job.clientId}: HTTP ${answer.status} not understood; unknown`)
        await move(job, { to: 'unknown' })
        return current(job)
      case 'refused': {
        const error = sendErrorOfPlatform(read.error)
        const retryable =
          read.error.reason === 'rateLimited' || read.error.reason === 'pairRateLimited'
        if (!retryable || attempts >= settings.maxAttempts) {
          log.info(`send ${job.clientId}: refused with ${read.error.code}, final`)
          await move(job, { to: 'failed', error })
          return current(job)
        }
        log.info(`send ${job.clientId}: refused with ${read.error.code}, paced and retried`)
        await move(job, { to: 'retrying', error })
        if (read.error.reason === 'pairRateLimited') {
          retryLater(job, pairKey(job), settings.pairRate, backoff(settings.pairRate.intervalMs))
        } else {
          retryLater(job, numberKey(job), settings.numberRate, backoff(settings.rateLimitedHoldMs))
        }
        return current(job)
      }
      default: {
        const unexpected: never = read
        throw new Error(`unknown answer ${JSON.stringify(unexpected)}`)
      }
    }
  }

  return {
    async send(shop, clientId, message) {
      const begun = await store.beginSend(shop.id, clientId, now())
      if (!begun.created) return outcomeOf(begun.record)
      if (closing) {
        await store.transitionSend(
          shop.id,
          clientId,
          { to: 'failed', error: relayStoppedError },
          now(),
        )
        return current({ shop, clientId, body: message, recipientKey: '' })
      }
      const body: SendBody = { ...message, biz_opaque_callback_data: clientId }
      return joinLine({ shop, clientId, body, recipientKey: recipientKey(body) })
    },
    announce,
    async recover() {
      const at = now()
      for (const record of await store.sendsIn(['calling'])) {
        await store.transitionSend(record.shopId, record.clientId, { to: 'unknown' }, at)
      }
      for (const record of await store.sendsIn(['queued', 'retrying'])) {
        await store.transitionSend(
          record.shopId,
          record.clientId,
          { to: 'failed', error: relayStoppedError },
          at,
        )
      }
    },
    async close() {
      closing = true
      const left = [...waiting.values()]
      waiting.clear()
      // Behind the head of each line: never scheduled, so neither waiting nor in flight.
      const behind = [...lines.values()].flatMap((line) => line.slice(1))
      lines.clear()
      for (const { job, timer } of left) {
        clearTimeout(timer)
        await move(job, { to: 'failed', error: relayStoppedError })
      }
      for (const job of behind) await move(job, { to: 'failed', error: relayStoppedError })
      await Promise.allSettled([...inFlight])
    },
  }
}
