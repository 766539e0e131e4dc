/**
 * What a webhook POST becomes: a flat list of events in the order they came, each carrying the
 * business account (and, for messaging events, the phone number) it arrived through. Times are
 * epoch milliseconds.
 */
import type { Customer } from './customer'
import type { MessageContent } from './message-content'
import type { PlatformError } from './platform-error'
import type { LegacyConversation, Pricing, PricingCategory } from './pricing'

/** The WhatsApp Business Account and phone number an event came through. */
export interface PhoneNumberRoute {
  businessAccountId: string
  phoneNumberId: string
  displayPhoneNumber: string | null
}

/** What a click-to-WhatsApp ad or Page button said; its presence opens a free entry point. */
export interface AdReferral {
  /** `ad` or `post`. */
  sourceType: string
  sourceId: string | null
  sourceUrl: string | null
  headline: string | null
  body: string | null
  mediaType: string | null
  /** `image_url` or `video_url`, whichever the ad had. */
  mediaUrl: string | null
  thumbnailUrl: string | null
  /** Click id, what the ad's owner uses to attribute the conversation. */
  ctwaClid: string | null
  welcomeMessage: string | null
}

export interface ReferredProduct {
  catalogId: string
  productRetailerId: string
}

/** A customer's message. */
export interface InboundMessageEvent extends PhoneNumberRoute {
  kind: 'message'
  wamid: string
  sentAt: number
  customer: Customer
  content: MessageContent
  /** The message this one answers: a quoted reply, or the message whose button was tapped. */
  replyTo: { wamid: string; from: string | null } | null
  /** The catalog product the customer asked about ("Is this still available?"). */
  referredProduct: ReferredProduct | null
  referral: AdReferral | null
  forwarded: boolean
  frequentlyForwarded: boolean
  /** Why the platform could not pass the message on (131051 for unsupported types). */
  errors: PlatformError[]
}

export const deliveryStatuses = ['sent', 'delivered', 'read', 'played', 'failed'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

/** What happened to a message the shop sent. */
export interface StatusEvent extends PhoneNumberRoute {
  kind: 'status'
  wamid: string
  status: DeliveryStatus
  statusAt: number
  recipient: Customer
  pricing: Pricing | null
  conversation: LegacyConversation | null
  errors: PlatformError[]
  /** What the relay put in `biz_opaque_callback_data` when sending: the message's client id. */
  bizOpaqueCallbackData: string | null
}

/**
 * A message the owner typed in the WhatsApp Business phone app on a number shared with the
 * Cloud API ("coexistence"). It is free and does not open or extend any window.
 */
export interface MessageEchoEvent extends PhoneNumberRoute {
  kind: 'messageEcho'
  wamid: string
  sentAt: number
  customer: Customer
  content: MessageContent
  replyTo: { wamid: string; from: string | null } | null
}

/** An error about the number or the app rather than one message (`value.errors[]`). */
export interface PlatformErrorEvent extends PhoneNumberRoute {
  kind: 'platformError'
  error: PlatformError
}

export const templateStatuses = [
  'APPROVED',
  'PENDING',
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'FLAGGED',
  'IN_APPEAL',
  'REINSTATED',
  'PENDING_DELETION',
  'DELETED',
  'ARCHIVED',
  'UNARCHIVED',
  'LOCKED',
  'UNLOCKED',
  'LIMIT_EXCEEDED',
] as const
export type TemplateStatus = (typeof templateStatuses)[number] | 'UNKNOWN'

/** A template's category, in the lower-case words the rest of Kedai uses. */
export type TemplateCategory = 'marketing' | 'utility' | 'authentication' | 'unknown'

/** Meta reviewed, paused, disabled... one of the shop's templates. */
export interface TemplateStatusEvent {
  kind: 'templateStatus'
  businessAccountId: string
  notifiedAt: number | null
  templateId: string
  templateName: string
  language: string
  status: TemplateStatus
  /** Meta's reason word, e.g. `INVALID_FORMAT`; null for `NONE`. */
  reason: string | null
  category: TemplateCategory | null
  rejection: { reason: string; recommendation: string | null } | null
  /** Title and description Meta adds when it locks or unlocks a template. */
  otherInfo: { title: string | null; description: string | null } | null
}

/**
 * Meta re-categorised a template (typically utility to marketing, which costs more). It warns a
 * day ahead (`impending`, with `effectiveAt`) and confirms when done (`completed`).
 */
export interface TemplateCategoryEvent {
  kind: 'templateCategory'
  businessAccountId: string
  notifiedAt: number | null
  templateId: string
  templateName: string
  language: string
  stage: 'impending' | 'completed'
  fromCategory: TemplateCategory | null
  toCategory: TemplateCategory
  effectiveAt: number | null
}

/** The number's messaging limit or throughput changed, or it was flagged for low quality. */
export interface PhoneNumberQualityEvent {
  kind: 'phoneNumberQuality'
  businessAccountId: string
  notifiedAt: number | null
  displayPhoneNumber: string
  /** e.g. `UPGRADE`, `DOWNGRADE`, `FLAGGED`, `UNFLAGGED`, `THROUGHPUT_UPGRADE`. */
  event: string
  /** Meta's tier word, e.g. `TIER_250`, `TIER_UNLIMITED`. */
  currentLimit: string | null
  oldLimit: string | null
  /** Unique customers reachable outside the window per rolling 24 h, read from `currentLimit`. */
  customersPerDay: number | 'unlimited' | null
}

/** Something about the business account: a volume pricing tier, a policy violation... */
export interface AccountUpdateEvent {
  kind: 'accountUpdate'
  businessAccountId: string
  notifiedAt: number | null
  /** e.g. `VOLUME_BASED_PRICING_TIER_UPDATE`, `ACCOUNT_VIOLATION`, `DISABLED_UPDATE`. */
  event: string
  volumeTier: {
    pricingCategory: PricingCategory
    /** A range of messages per month, e.g. `25000001:50000000`. */
    tier: string
    /** `YYYY-MM`. */
    effectiveMonth: string | null
    region: string | null
    updatedAt: number | null
  } | null
  violationType: string | null
}

/** A webhook field Kedai does not read (calls, history, ...); kept so the relay can count them. */
export interface UnhandledChangeEvent {
  kind: 'unhandledChange'
  businessAccountId: string
  field: string
}

export type WebhookEvent =
  | InboundMessageEvent
  | StatusEvent
  | MessageEchoEvent
  | PlatformErrorEvent
  | TemplateStatusEvent
  | TemplateCategoryEvent
  | PhoneNumberQualityEvent
  | AccountUpdateEvent
  | UnhandledChangeEvent

export type WebhookEventKind = WebhookEvent['kind']
