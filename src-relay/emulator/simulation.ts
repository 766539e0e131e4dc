/**
 * Simulated customers: new ones start conversations at a steady pace (seeded, so reproducible),
 * a first batch can arrive at once (some windows open, one closed, one from an ad, one who asked
 * to stop promotions), and each
 * answers the shop's messages by its persona's script: the next line of its story, or a tap on
 * one of the reply buttons the shop sent.
 */
import type { SeededRandom } from '../../src-shared/sync/seeded-random'
import { createLogger } from '../logger'
import { products } from './customers/catalog'
import { drawPersona, personaNamed, type Persona, type PersonaName } from './customers/personas'
import { drawShopper, type Language } from './customers/population'
import { viewOf, type CustomerView, type SimulatedCustomer } from './customer-book'
import type { DelayRange, EmulatorDelays } from './emulator-config'
import type { InboundSpec } from './inbound-spec'
import type { Platform, SentMessage } from './platform'

const log = createLogger('emulator-customers')
const minuteMs = 60_000
const hourMs = 60 * minuteMs

export interface SimulationOptions {
  platform: Platform
  random: SeededRandom
  delays: EmulatorDelays
  paceMs: number
  now: () => number
}

export interface Simulation {
  /**
   * Six conversations at once: three windows open, one closed (30 h ago), one from an ad, and one
   * who answered with STOP (so the opt-out badge is there to see from the start).
   */
  firstBatch(): Promise<CustomerView[]>
  /** A new customer now, of the given persona or a drawn one. */
  newCustomer(
    persona?: PersonaName,
    options?: { country?: string; language?: Language; agoMs?: number },
  ): Promise<CustomerView>
  start(): void
  stop(): void
  onReached(customer: SimulatedCustomer, message: SentMessage, read: boolean): void
  close(): void
}

interface ButtonsBody {
  interactive?: {
    type?: string
    action?: { buttons?: { reply?: { id?: string; title?: string } }[] }
  }
}

export function createSimulation(options: SimulationOptions): Simulation {
  const { platform, random, now } = options
  const timers = new Set<NodeJS.Timeout>()
  let paceTimer: NodeJS.Timeout | undefined
  let running = false
  let closed = false

  const draw = ([least, most]: DelayRange) => random.between(least, Math.max(least, most))

  function later(ms: number, work: () => Promise<unknown>): void {
    if (closed) return
    const timer = setTimeout(() => {
      timers.delete(timer)
      work().catch((cause: unknown) => log.warn('a simulated customer could not write', cause))
    }, ms)
    timers.add(timer)
  }

  async function newCustomer(
    name?: PersonaName,
    choice: { country?: string; language?: Language; agoMs?: number } = {},
  ): Promise<CustomerView> {
    const persona: Persona = name ? personaNamed(name) : drawPersona(random)
    const taken = new Set(platform.knownCustomers().keys())
    const shopper = drawShopper(random, taken, {
      country: choice.country,
      language: choice.language,
    })
    const customer = platform.customer(shopper.waId, shopper)
    customer.persona = persona
    customer.product = random.pick(products)
    const opening = persona.opening({
      random: customer.random,
      language: customer.language,
      product: customer.product,
    })
    await platform.customerWrites({
      from: shopper.waId,
      message: opening,
      referral: persona.fromAd ?? false,
      at: now() - (choice.agoMs ?? 0),
      persona,
    })
    return viewOf(customer)
  }

  function replyTo(customer: SimulatedCustomer, message: SentMessage): InboundSpec | null {
    const persona = customer.persona
    if (!persona || !customer.product) return null
    const buttons = (message.body as ButtonsBody).interactive?.action?.buttons ?? []
    if (message.type === 'interactive' && buttons.length > 0) {
      const button = customer.random.pick(buttons).reply
      if (button?.id && button.title) {
        return { type: 'buttonReply', replyTo: message.wamid, id: button.id, title: button.title }
      }
    }
    const line = persona.followUps[customer.saidFollowUps]
    if (!line) return null
    customer.saidFollowUps += 1
    return line({ random: customer.random, language: customer.language, product: customer.product })
  }

  function schedulePace(): void {
    if (!running) return
    const wait = Math.round(options.paceMs * (0.5 + random.next()))
    paceTimer = setTimeout(() => {
      if (!running) return
      newCustomer()
        .catch((cause: unknown) => log.warn('a new customer could not write', cause))
        .finally(schedulePace)
    }, wait)
  }

  return {
    async firstBatch() {
      const batch: [PersonaName, { country?: string; language?: Language; agoMs: number }][] = [
        ['catalogQuestion', { country: 'ID', language: 'id', agoMs: 12 * minuteMs }],
        ['photoQuestion', { country: 'IN', language: 'en', agoMs: 2 * hourMs }],
        ['order', { country: 'ID', language: 'id', agoMs: 40 * minuteMs }],
        ['lateReturn', { country: 'ID', language: 'id', agoMs: 30 * hourMs }],
        ['adArrival', { country: 'MX', language: 'en', agoMs: 5 * minuteMs }],
        // A customer who stopped promotions: marketing templates must be refused for them.
        ['stopper', { country: 'ID', language: 'id', agoMs: 20 * minuteMs }],
      ]
      const views: CustomerView[] = []
      for (const [persona, choice] of batch) views.push(await newCustomer(persona, choice))
      return views
    },
    newCustomer,
    start() {
      if (running || closed) return
      running = true
      schedulePace()
    },
    stop() {
      running = false
      clearTimeout(paceTimer)
    },
    onReached(customer, message, read) {
      if (customer.replyPending || message.category === 'reaction') return
      // Customers who did not open the message answer now and then anyway.
      if (!read && !customer.random.chance(0.3)) return
      const reply = replyTo(customer, message)
      if (!reply) return
      customer.replyPending = true
      later(draw(options.delays.replyMs), async () => {
        customer.replyPending = false
        await platform.customerWrites({ from: customer.waId, message: reply })
      })
    },
    close() {
      closed = true
      running = false
      clearTimeout(paceTimer)
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
