/** Reads one customer message (`value.messages[]` of a `messages` change). */
import { z } from 'zod'
import type { ItemRead } from './change-reading'
import { identifyCustomer, type Customer } from './customer'
import { readMessageContent } from './message-content'
import { readErrorList } from './platform-error'
import type {
  AdReferral,
  InboundMessageEvent,
  PhoneNumberRoute,
  ReferredProduct,
} from './webhook-events'
import { describeIssue, epochSecondsAsMillis, isRecord, textOrNull } from './wire-values'

const wireMessage = z.object({
  id: z.string().min(1),
  timestamp: epochSecondsAsMillis,
  type: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  from_parent_user_id: z.string().optional(),
})

const wireContext = z.object({
  id: z.string().optional(),
  from: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z
    .object({ catalog_id: z.string(), product_retailer_id: z.string() })
    .optional(),
})

const wireReferral = z.object({
  source_type: z.string(),
  source_id: z.string().optional(),
  source_url: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  media_type: z.string().optional(),
  image_url: z.string().optional(),
  video_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  ctwa_clid: z.string().optional(),
  welcome_message: z.object({ text: z.string().optional() }).optional(),
})

export interface MessageContext {
  replyTo: { wamid: string; from: string | null } | null
  referredProduct: ReferredProduct | null
  forwarded: boolean
  frequentlyForwarded: boolean
}

/** Reads `context`: what the message answers, and whether it was forwarded. */
export function readContext(
  raw: unknown,
  base: string,
): { context: MessageContext; problems: string[] } {
  const none: MessageContext = {
    replyTo: null,
    referredProduct: null,
    forwarded: false,
    frequentlyForwarded: false,
  }
  if (raw === undefined) return { context: none, problems: [] }
  const read = wireContext.safeParse(raw)
  if (!read.success) return { context: none, problems: [describeIssue(base, read.error)] }
  const wire = read.data
  const referredProduct = wire.referred_product
    ? {
        catalogId: wire.referred_product.catalog_id,
        productRetailerId: wire.referred_product.product_retailer_id,
      }
    : null
  return {
    context: {
      // A product inquiry's context id is made up by the platform (it decodes to
      // "product_inquiry"), not a message anyone sent, so it is no reply.
      replyTo: wire.id && !referredProduct ? { wamid: wire.id, from: textOrNull(wire.from) } : null,
      referredProduct,
      forwarded: wire.forwarded ?? false,
      frequentlyForwarded: wire.frequently_forwarded ?? false,
    },
    problems: [],
  }
}

function readReferral(
  raw: unknown,
  base: string,
): { referral: AdReferral | null; problems: string[] } {
  if (raw === undefined) return { referral: null, problems: [] }
  const read = wireReferral.safeParse(raw)
  if (!read.success) return { referral: null, problems: [describeIssue(base, read.error)] }
  const wire = read.data
  return {
    referral: {
      sourceType: wire.source_type,
      sourceId: textOrNull(wire.source_id),
      sourceUrl: textOrNull(wire.source_url),
      headline: textOrNull(wire.headline),
      body: textOrNull(wire.body),
      mediaType: textOrNull(wire.media_type),
      mediaUrl: textOrNull(wire.image_url ?? wire.video_url),
      thumbnailUrl: textOrNull(wire.thumbnail_url),
      ctwaClid: textOrNull(wire.ctwa_clid),
      welcomeMessage: textOrNull(wire.welcome_message?.text),
    },
    problems: [],
  }
}

export function readInboundMessage(
  raw: unknown,
  base: string,
  route: PhoneNumberRoute,
  contacts: readonly Customer[],
): ItemRead<InboundMessageEvent> {
  const read = wireMessage.safeParse(raw)
  if (!read.success || !isRecord(raw)) {
    const problem = read.success ? `${base}: not an object` : describeIssue(base, read.error)
    return { event: null, problems: [problem] }
  }
  const wire = read.data
  const customer = identifyCustomer(
    {
      waId: textOrNull(wire.from),
      userId: textOrNull(wire.from_user_id),
      parentUserId: textOrNull(wire.from_parent_user_id),
    },
    contacts,
  )
  if (!customer) {
    return { event: null, problems: [`${base}: no sender (neither from nor from_user_id)`] }
  }
  const content = readMessageContent(raw, wire.type, base)
  const context = readContext(raw.context, `${base}.context`)
  const referral = readReferral(raw.referral, `${base}.referral`)
  const errors = readErrorList(raw.errors, `${base}.errors`)
  return {
    event: {
      kind: 'message',
      ...route,
      wamid: wire.id,
      sentAt: wire.timestamp,
      customer,
      content: content.content,
      replyTo: context.context.replyTo,
      referredProduct: context.context.referredProduct,
      referral: referral.referral,
      forwarded: context.context.forwarded,
      frequentlyForwarded: context.context.frequentlyForwarded,
      errors: errors.errors,
    },
    problems: [
      ...(content.problem ? [content.problem] : []),
      ...context.problems,
      ...referral.problems,
      ...errors.problems,
    ],
  }
}
