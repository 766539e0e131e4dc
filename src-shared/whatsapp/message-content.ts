/**
 * What a WhatsApp message says, by type: the part that differs between a text, a photo, a button
 * tap or an order. Used for customers' messages and for the owner's replies echoed from the phone
 * app. A type Kedai does not know (or a known one it cannot read) becomes `unsupported`, keeping
 * the platform's type name, so the inbox still shows that something arrived.
 */
import { z } from 'zod'
import { coordinate, describeIssue, textOrNull } from './wire-values'

export interface InboundMedia {
  /** The media id; the file itself is fetched from the Graph API with it. */
  id: string
  mimeType: string | null
  sha256: string | null
  /** A short-lived download address some webhook versions include; it needs the access token. */
  url: string | null
}

export interface SharedContact {
  formattedName: string
  phones: { phone: string | null; waId: string | null; type: string | null }[]
  emails: { email: string; type: string | null }[]
  organization: string | null
}

export interface OrderItem {
  productRetailerId: string
  quantity: number
  /**
   * The unit price in millionths of `currency` (`item_price` × 1,000,000). The platform sends a
   * decimal number; integer micros keep it exact without knowing each currency's minor unit.
   */
  itemPriceMicros: number
  currency: string
}

export type MessageContent =
  | { type: 'text'; body: string }
  | { type: 'image'; media: InboundMedia; caption: string | null }
  | { type: 'video'; media: InboundMedia; caption: string | null }
  | { type: 'audio'; media: InboundMedia; voice: boolean }
  | { type: 'document'; media: InboundMedia; caption: string | null; filename: string | null }
  | { type: 'sticker'; media: InboundMedia; animated: boolean }
  /** A tap on a reply button of an interactive message the shop sent. */
  | { type: 'buttonReply'; buttonId: string; title: string }
  /** A row picked from a list message the shop sent. */
  | { type: 'listReply'; rowId: string; title: string; description: string | null }
  /** A tap on a quick-reply button of a template (the wire's `button` type), e.g. "Stop promotions". */
  | { type: 'templateButton'; text: string; payload: string | null }
  | {
      type: 'location'
      latitude: number
      longitude: number
      name: string | null
      address: string | null
      url: string | null
    }
  | { type: 'contacts'; contacts: SharedContact[] }
  /** A cart sent from the shop's catalog. */
  | { type: 'order'; catalogId: string; note: string | null; items: OrderItem[] }
  /** `emoji` null means the customer took the reaction back. */
  | { type: 'reaction'; reactedTo: string; emoji: string | null }
  /** The platform speaking, e.g. the customer changed their number. */
  | {
      type: 'system'
      systemType: string
      body: string | null
      newWaId: string | null
      newUserId: string | null
    }
  | { type: 'unsupported'; originalType: string }

export type MessageContentType = MessageContent['type']

const media = z.object({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  url: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
})
type WireMedia = z.infer<typeof media>

function inboundMedia(wire: WireMedia): InboundMedia {
  return {
    id: wire.id,
    mimeType: textOrNull(wire.mime_type),
    sha256: textOrNull(wire.sha256),
    url: textOrNull(wire.url),
  }
}

const sharedContact = z.object({
  name: z.object({ formatted_name: z.string() }),
  phones: z
    .array(
      z.object({
        phone: z.string().optional(),
        wa_id: z.string().optional(),
        type: z.string().optional(),
      }),
    )
    .optional(),
  emails: z.array(z.object({ email: z.string(), type: z.string().optional() })).optional(),
  org: z.object({ company: z.string().optional() }).optional(),
})

const orderItem = z.object({
  product_retailer_id: z.string().min(1),
  quantity: z.number().int().nonnegative(),
  item_price: z.number().nonnegative(),
  currency: z.string().min(1),
})

/** Each known type: the key its body sits under, and how to read that body. */
const readers: Record<string, { key: string; body: z.ZodType<MessageContent> }> = {
  text: {
    key: 'text',
    body: z.object({ body: z.string() }).transform((wire) => ({ type: 'text', body: wire.body })),
  },
  image: {
    key: 'image',
    body: media.transform((wire) => ({
      type: 'image',
      media: inboundMedia(wire),
      caption: textOrNull(wire.caption),
    })),
  },
  video: {
    key: 'video',
    body: media.transform((wire) => ({
      type: 'video',
      media: inboundMedia(wire),
      caption: textOrNull(wire.caption),
    })),
  },
  audio: {
    key: 'audio',
    body: media.transform((wire) => ({
      type: 'audio',
      media: inboundMedia(wire),
      voice: wire.voice ?? false,
    })),
  },
  document: {
    key: 'document',
    body: media.transform((wire) => ({
      type: 'document',
      media: inboundMedia(wire),
      caption: textOrNull(wire.caption),
      filename: textOrNull(wire.filename),
    })),
  },
  sticker: {
    key: 'sticker',
    body: media.transform((wire) => ({
      type: 'sticker',
      media: inboundMedia(wire),
      animated: wire.animated ?? false,
    })),
  },
  button: {
    key: 'button',
    body: z.object({ text: z.string(), payload: z.string().optional() }).transform((wire) => ({
      type: 'templateButton',
      text: wire.text,
      payload: textOrNull(wire.payload),
    })),
  },
  location: {
    key: 'location',
    body: z
      .object({
        latitude: coordinate,
        longitude: coordinate,
        name: z.string().optional(),
        address: z.string().optional(),
        url: z.string().optional(),
      })
      .transform((wire) => ({
        type: 'location',
        latitude: wire.latitude,
        longitude: wire.longitude,
        name: textOrNull(wire.name),
        address: textOrNull(wire.address),
        url: textOrNull(wire.url),
      })),
  },
  contacts: {
    key: 'contacts',
    body: z.array(sharedContact).transform((wire) => ({
      type: 'contacts',
      contacts: wire.map((card) => ({
        formattedName: card.name.formatted_name,
        phones: (card.phones ?? []).map((phone) => ({
          phone: textOrNull(phone.phone),
          waId: textOrNull(phone.wa_id),
          type: textOrNull(phone.type),
        })),
        emails: (card.emails ?? []).map((email) => ({
          email: email.email,
          type: textOrNull(email.type),
        })),
        organization: textOrNull(card.org?.company),
      })),
    })),
  },
  order: {
    key: 'order',
    body: z
      .object({
        catalog_id: z.string().min(1),
        text: z.string().optional(),
        product_items: z.array(orderItem),
      })
      .transform((wire) => ({
        type: 'order',
        catalogId: wire.catalog_id,
        note: textOrNull(wire.text),
        items: wire.product_items.map((item) => ({
          productRetailerId: item.product_retailer_id,
          quantity: item.quantity,
          itemPriceMicros: Math.round(item.item_price * 1_000_000),
          currency: item.currency,
        })),
      })),
  },
  reaction: {
    key: 'reaction',
    body: z
      .object({ message_id: z.string().min(1), emoji: z.string().optional() })
      .transform((wire) => ({
        type: 'reaction',
        reactedTo: wire.message_id,
        emoji: textOrNull(wire.emoji),
      })),
  },
  system: {
    key: 'system',
    body: z
      .object({
        type: z.string().optional(),
        body: z.string().optional(),
        wa_id: z.string().optional(),
        // `new_wa_id` is the pre-v12 name of `wa_id`, still found in old captures.
        new_wa_id: z.union([z.string(), z.number().transform((id) => String(id))]).optional(),
        user_id: z.string().optional(),
      })
      .transform((wire) => ({
        type: 'system',
        systemType: wire.type ?? 'unknown',
        body: textOrNull(wire.body),
        newWaId: textOrNull(wire.wa_id ?? wire.new_wa_id),
        newUserId: textOrNull(wire.user_id),
      })),
  },
}

const interactiveReaders: Record<string, z.ZodType<MessageContent>> = {
  button_reply: z
    .object({ id: z.string(), title: z.string() })
    .transform((wire) => ({ type: 'buttonReply', buttonId: wire.id, title: wire.title })),
  list_reply: z
    .object({ id: z.string(), title: z.string(), description: z.string().optional() })
    .transform((wire) => ({
      type: 'listReply',
      rowId: wire.id,
      title: wire.title,
      description: textOrNull(wire.description),
    })),
}

const interactiveEnvelope = z.object({ type: z.string().min(1) })
const unsupportedEnvelope = z.object({ type: z.string().min(1) })

export interface ContentRead {
  content: MessageContent
  /** Set when a known type could not be read and was kept as unsupported instead. */
  problem: string | null
}

function unsupported(originalType: string, problem: string | null = null): ContentRead {
  return { content: { type: 'unsupported', originalType }, problem }
}

/**
 * Reads the typed part of a message object (`message[type]`). Never fails: what cannot be read
 * is kept as `unsupported` with the reason in `problem`.
 */
export function readMessageContent(
  message: Record<string, unknown>,
  type: string,
  base: string,
): ContentRead {
  if (type === 'interactive') {
    const envelope = interactiveEnvelope.safeParse(message.interactive)
    if (!envelope.success) {
      return unsupported('interactive', describeIssue(`${base}.interactive`, envelope.error))
    }
    const subtype = envelope.data.type
    const reader = interactiveReaders[subtype]
    if (!reader) return unsupported(`interactive.${subtype}`)
    const body = (message.interactive as Record<string, unknown>)[subtype]
    const read = reader.safeParse(body)
    return read.success
      ? { content: read.data, problem: null }
      : unsupported(
          `interactive.${subtype}`,
          describeIssue(`${base}.interactive.${subtype}`, read.error),
        )
  }
  if (type === 'unsupported') {
    // Newer webhook versions say which type it was (e.g. `edit`, `poll`); older ones do not.
    const inner = unsupportedEnvelope.safeParse(message.unsupported)
    return unsupported(inner.success ? inner.data.type : 'unsupported')
  }
  const reader = Object.hasOwn(readers, type) ? readers[type] : undefined
  if (!reader) return unsupported(type)
  const read = reader.body.safeParse(message[reader.key])
  return read.success
    ? { content: read.data, problem: null }
    : unsupported(type, describeIssue(`${base}.${reader.key}`, read.error))
}
