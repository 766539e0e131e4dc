/**
 * Posts webhooks to the relay as the platform does: signed with the app secret over the exact
 * bytes sent, several changes to one POST when they queue up, and delivered again (with a
 * growing pause) until the relay answers 200, so a relay that was down catches up by itself.
 */
import { Agent, request } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { createLogger } from '../logger'
import { signBody } from '../webhook/signature'
import { webhookEnvelope, type WebhookChange } from './wire-payloads'

const log = createLogger('emulator-webhooks')

export interface WebhookDelivery {
  setUrl(url: string): void
  /** Resolves true once the relay acknowledged it, false if the emulator closed first. */
  deliver(change: WebhookChange): Promise<boolean>
  /** How many changes the relay has acknowledged so far (what `deliverAgain` picks from). */
  delivered(): number
  /**
   * Delivers acknowledged changes again, in the order given (indexes into what was delivered),
   * as the platform does after a timeout it misread: duplicates, and older after newer.
   */
  deliverAgain(indexes: readonly number[]): Promise<boolean>
  /** Resolves when nothing is waiting to be delivered. */
  idle(): Promise<void>
  pending(): number
  close(): void
}

export interface WebhookDeliveryOptions {
  businessAccountId: string
  appSecret: string
  url?: string
  /** Most changes in one POST (the platform sends up to 1,000). */
  maxChangesPerPost?: number
  firstRetryMs?: number
  maxRetryMs?: number
}

interface Waiting {
  change: WebhookChange
  done(delivered: boolean): void
}

function post(url: string, body: Buffer, signature: string, agent: Agent): Promise<number> {
  const target = new URL(url)
  const send = target.protocol === 'https:' ? httpsRequest : request
  return new Promise((resolve, reject) => {
    const call = send(
      target,
      {
        method: 'POST',
        ...(target.protocol === 'https:' ? {} : { agent }),
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          'x-hub-signature-256': signature,
          'user-agent': 'facebookexternalua',
        },
        timeout: 10_000,
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.on('error', reject)
      },
    )
    call.on('timeout', () => call.destroy(new Error('timeout')))
    call.on('error', reject)
    call.end(body)
  })
}

export function createWebhookDelivery(options: WebhookDeliveryOptions): WebhookDelivery {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const queue: Waiting[] = []
  const history: WebhookChange[] = []
  const idleWaiters: (() => void)[] = []
  let url = options.url
  let pumping = false
  let closed = false
  let retryTimer: NodeJS.Timeout | undefined
  let wake: (() => void) | undefined
  const firstRetryMs = options.firstRetryMs ?? 200
  const maxRetryMs = options.maxRetryMs ?? 5000
  const maxChanges = options.maxChangesPerPost ?? 50

  function settleIdle(): void {
    if (queue.length > 0 || pumping) return
    for (const resolve of idleWaiters.splice(0)) resolve()
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      wake = resolve
      retryTimer = setTimeout(resolve, ms)
    })
  }

  async function pump(): Promise<void> {
    if (pumping) return
    pumping = true
    let failures = 0
    try {
      while (queue.length > 0 && !closed) {
        if (!url) {
          await pause(100)
          continue
        }
        const batch = queue.slice(0, maxChanges)
        const body = Buffer.from(
          JSON.stringify(
            webhookEnvelope(
              options.businessAccountId,
              batch.map((item) => item.change),
            ),
          ),
          'utf8',
        )
        let status = 0
        try {
          status = await post(url, body, signBody(body, options.appSecret), agent)
        } catch (cause) {
          if (failures === 0) log.warn('the relay could not be reached; retrying', cause)
        }
        if (status >= 200 && status < 300) {
          failures = 0
          queue.splice(0, batch.length)
          for (const item of batch) {
            history.push(item.change)
            item.done(true)
          }
          continue
        }
        failures += 1
        if (status !== 0 && failures === 1) log.warn(`the relay answered ${status}; retrying`)
        await pause(Math.min(firstRetryMs * 2 ** (failures - 1), maxRetryMs))
      }
    } finally {
      pumping = false
      settleIdle()
    }
  }

  function enqueue(change: WebhookChange): Promise<boolean> {
    if (closed) return Promise.resolve(false)
    return new Promise<boolean>((resolve) => {
      queue.push({ change, done: resolve })
      void pump()
    })
  }

  return {
    setUrl(next) {
      url = next
      wake?.()
    },
    deliver: enqueue,
    delivered: () => history.length,
    async deliverAgain(indexes) {
      const again = indexes.flatMap((index) => (history[index] ? [history[index]] : []))
      const results = await Promise.all(again.map((change) => enqueue(change)))
      return results.every(Boolean)
    },
    idle() {
      if (queue.length === 0 && !pumping) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    pending: () => queue.length,
    close() {
      closed = true
      clearTimeout(retryTimer)
      wake?.()
      for (const item of queue.splice(0)) item.done(false)
      agent.destroy()
      settleIdle()
    },
  }
}
