/**
 * The customers the emulated platform knows: who they are, whether they are on WhatsApp, whether
 * they stopped promotions, and the conversation's history as the window rules need it.
 */
import type { SeededRandom } from '../../src-shared/sync/seeded-random'
import type { WindowMessage } from '../../src-shared/windows'
import type { Persona } from './customers/personas'
import type { Language } from './customers/population'
import type { Product } from './customers/catalog'

export interface SimulatedCustomer {
  waId: string
  name: string
  country: string | null
  language: Language
  onWhatsApp: boolean
  optedOut: boolean
  history: WindowMessage[]
  /** What the customer came for; null for customers the tests drive by hand. */
  persona: Persona | null
  product: Product | null
  /** How many of the persona's follow-ups were said. */
  saidFollowUps: number
  replyPending: boolean
  random: SeededRandom
}

/** What the control API shows of a customer. */
export interface CustomerView {
  waId: string
  name: string
  country: string | null
  language: Language
  persona: string | null
  optedOut: boolean
  onWhatsApp: boolean
  lastInboundAt: number | null
}

export function viewOf(customer: SimulatedCustomer): CustomerView {
  const inbound = customer.history.filter((message) => message.direction === 'inbound')
  return {
    waId: customer.waId,
    name: customer.name,
    country: customer.country,
    language: customer.language,
    persona: customer.persona?.name ?? null,
    optedOut: customer.optedOut,
    onWhatsApp: customer.onWhatsApp,
    lastInboundAt: inbound.length ? Math.max(...inbound.map((message) => message.at)) : null,
  }
}

/** Digits of a number written as E.164 or `wa_id`; null when it is not one. */
export function waIdOf(to: string): string | null {
  const trimmed = to.trim()
  return /^\+?[\d\s\-().]{7,20}$/.test(trimmed) ? trimmed.replace(/\D/g, '') : null
}
