/** What an emulator is started with; everything but the secrets and the number has a default. */
import type { PricingSettings, TemplateCategory } from '../../src-shared/pricing'
import type { TemplateDraft } from '../../src-shared/templates'
import type { Rate } from '../sending/pacer'

/** [least, most] milliseconds; each wait is drawn between them. */
export type DelayRange = readonly [number, number]

export interface EmulatorDelays {
  /** Acceptance to the `sent` status (or the `failed` one). */
  sentMs: DelayRange
  /** `sent` to `delivered`. */
  deliveredMs: DelayRange
  /** `delivered` to `read`. */
  readMs: DelayRange
  /** The shop's message reaching a customer to the customer's answer. */
  replyMs: DelayRange
}

export interface EmulatorConfig {
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** The relay's `/webhook`; can also be set later (`setWebhookUrl`). */
  webhookUrl?: string
  appSecret: string
  accessToken: string
  phoneNumberId: string
  displayPhoneNumber?: string
  businessAccountId?: string
  /** Same seed, same customers saying the same things. */
  seed?: number
  /** Mean time between new customers once `startCustomers()` runs. */
  paceMs?: number
  delays?: Partial<EmulatorDelays>
  /** Share of delivered messages customers read. */
  readProbability?: number
  /** The number's throughput (130429 beyond it) and one customer's (131056 beyond it). */
  numberRate?: Rate
  pairRate?: Rate
  templates?: Readonly<Record<string, TemplateCategory>>
  /** Templates the shop has approved from the start; the demo shop's three when absent. */
  approvedTemplates?: readonly TemplateDraft[]
  /** A submitted template's review takes this long (the platform's takes up to a day). */
  templateReviewMs?: number
  pricingSettings?: PricingSettings
  /** Where to remember customers between runs (no texts); nothing is kept when absent. */
  stateFile?: string
  now?: () => number
}

export const defaultEmulatorDelays: EmulatorDelays = {
  sentMs: [150, 600],
  deliveredMs: [300, 1500],
  readMs: [1500, 8000],
  replyMs: [4000, 20_000],
}

export const emulatorDefaults = {
  displayPhoneNumber: '6281100000001',
  businessAccountId: '100000000000001',
  seed: 62,
  paceMs: 60_000,
  readProbability: 0.85,
  numberRate: { burst: 80, intervalMs: 1000 / 80 },
  pairRate: { burst: 45, intervalMs: 6000 },
  templateReviewMs: 3000,
} as const
