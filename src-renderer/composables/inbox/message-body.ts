/**
 * A message's body as the inbox shows it. Core stores the platform's content as JSON (see
 * src-shared/whatsapp/message-content.ts); here it is read defensively, field by field, so a
 * body of an unexpected shape shows as "cannot be shown" instead of breaking the conversation.
 */
import type { MessageItem } from '../../../src-shared/inbox/inbox-view'
import type { WindowMessage } from '../../../src-shared/windows'
import type {
  InboundMedia,
  MessageContent,
  OrderItem,
  SharedContact,
} from '../../../src-shared/whatsapp'

export interface AdReferralShown {
  headline: string | null
  sourceUrl: string | null
}

type Fields = Record<string, unknown>

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

function media(value: unknown): InboundMedia {
  const fields = isFields(value) ? value : {}
  return {
    id: text(fields.id) ?? '',
    mimeType: text(fields.mimeType),
    sha256: text(fields.sha256),
    // Never loaded: no remote image reaches the page.
    url: null,
  }
}

function orderItems(value: unknown): OrderItem[] | null {
  if (!Array.isArray(value)) return null
  const items: OrderItem[] = []
  for (const item of value as unknown[]) {
    if (!isFields(item)) return null
    const quantity = finite(item.quantity)
    const itemPriceMicros = finite(item.itemPriceMicros)
    if (quantity === null || itemPriceMicros === null) return null
    items.push({
      productRetailerId: text(item.productRetailerId) ?? '',
      quantity,
      itemPriceMicros,
      currency: text(item.currency) ?? '',
    })
  }
  return items
}

function contacts(value: unknown): SharedContact[] | null {
  if (!Array.isArray(value)) return null
  return (value as unknown[]).filter(isFields).map((card) => ({
    formattedName: text(card.formattedName) ?? '',
    phones: (Array.isArray(card.phones) ? (card.phones as unknown[]) : [])
      .filter(isFields)
      .map((phone) => ({
        phone: text(phone.phone),
        waId: text(phone.waId),
        type: text(phone.type),
      })),
    emails: (Array.isArray(card.emails) ? (card.emails as unknown[]) : [])
      .filter(isFields)
      .map((email) => ({ email: text(email.email) ?? '', type: text(email.type) })),
    organization: text(card.organization),
  }))
}

function read(body: Fields): MessageContent | null {
  switch (body.type) {
    case 'text': {
      const value = text(body.body)
      return value === null ? null : { type: 'text', body: value }
    }
    case 'image':
    case 'video':
      return { type: body.type, media: media(body.media), caption: text(body.caption) }
    case 'document':
      return {
        type: 'document',
        media: media(body.media),
        caption: text(body.caption),
        filename: text(body.filename),
      }
    case 'audio':
      return { type: 'audio', media: media(body.media), voice: body.voice === true }
    case 'sticker':
      return { type: 'sticker', media: media(body.media), animated: body.animated === true }
    case 'buttonReply': {
      const title = text(body.title)
      return title === null ? null : { type: 'buttonReply', buttonId: '', title }
    }
    case 'listReply': {
      const title = text(body.title)
      return title === null
        ? null
        : { type: 'listReply', rowId: '', title, description: text(body.description) }
    }
    case 'templateButton': {
      const value = text(body.text)
      return value === null ? null : { type: 'templateButton', text: value, payload: null }
    }
    case 'location': {
      const latitude = finite(body.latitude)
      const longitude = finite(body.longitude)
      if (latitude === null || longitude === null) return null
      return {
        type: 'location',
        latitude,
        longitude,
        name: text(body.name),
        address: text(body.address),
        url: null,
      }
    }
    case 'contacts': {
      const cards = contacts(body.contacts)
      return cards === null ? null : { type: 'contacts', contacts: cards }
    }
    case 'order': {
      const items = orderItems(body.items)
      return items === null
        ? null
        : { type: 'order', catalogId: text(body.catalogId) ?? '', note: text(body.note), items }
    }
    case 'reaction':
      return { type: 'reaction', reactedTo: text(body.reactedTo) ?? '', emoji: text(body.emoji) }
    case 'system':
      return {
        type: 'system',
        systemType: text(body.systemType) ?? 'unknown',
        body: text(body.body),
        newWaId: text(body.newWaId),
        newUserId: text(body.newUserId),
      }
    case 'unsupported':
      return { type: 'unsupported', originalType: text(body.originalType) ?? 'unsupported' }
    default:
      return null
  }
}

/** What the message says; anything unreadable is `unsupported`, keeping the kind it was stored as. */
export function contentOf(message: Pick<MessageItem, 'body' | 'kind'>): MessageContent {
  const content = isFields(message.body) ? read(message.body) : null
  return content ?? { type: 'unsupported', originalType: message.kind }
}

/** The ad or Facebook Page button a customer came from, when the message carries it. */
export function referralOf(message: Pick<MessageItem, 'body' | 'fromAd'>): AdReferralShown | null {
  const referral = isFields(message.body) ? message.body.referral : undefined
  if (isFields(referral)) {
    return { headline: text(referral.headline), sourceUrl: text(referral.sourceUrl) }
  }
  return message.fromAd ? { headline: null, sourceUrl: null } : null
}

/** The loaded messages as the window rules read them. */
export function windowHistoryOf(messages: readonly MessageItem[]): WindowMessage[] {
  return messages.map((message) => ({
    direction: message.direction,
    at: message.sentAt,
    referral: message.direction === 'inbound' && referralOf(message) !== null,
    echo: message.echo,
  }))
}
