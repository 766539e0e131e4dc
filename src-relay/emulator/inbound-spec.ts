/**
 * What a simulated customer writes, in the emulator's words, and how it looks on the wire: the
 * `messages[]` item of a webhook, as in the inbound fixtures.
 */

export interface AdSpec {
  sourceId?: string
  sourceUrl?: string
  headline?: string
  body?: string
}

export type InboundSpec =
  | {
      type: 'text'
      body: string
      referredProduct?: { catalogId: string; productRetailerId: string }
    }
  | { type: 'image'; caption?: string; mediaId?: string; mimeType?: string }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | {
      type: 'order'
      catalogId: string
      note?: string
      items: { productRetailerId: string; quantity: number; itemPrice: number; currency: string }[]
    }
  /** A tap on a reply button of an interactive message the shop sent. */
  | { type: 'buttonReply'; replyTo: string; id: string; title: string }
  /** A tap on a template's quick-reply button. */
  | { type: 'templateButton'; replyTo: string; text: string; payload?: string }

export interface WireMessageContext {
  from: string
  /** The shop's number as `context.from` of a button tap names it. */
  businessDisplayNumber: string
  wamid: string
  timestamp: string
  /** For media ids when the spec has none. */
  mediaId(): string
  referral?: AdSpec
}

export function wireMessage(
  spec: InboundSpec,
  context: WireMessageContext,
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    from: context.from,
    id: context.wamid,
    timestamp: context.timestamp,
  }
  if (context.referral) {
    base.referral = {
      source_url: context.referral.sourceUrl ?? 'https://fb.me/kedaiDemoAd',
      source_id: context.referral.sourceId ?? '120226305854810726',
      source_type: 'ad',
      headline: context.referral.headline ?? 'Chat with us',
      body: context.referral.body ?? 'Batik tulis, diskon 20% minggu ini',
      media_type: 'image',
      image_url: 'https://scontent.xx.fbcdn.net/v/t45.1-demo',
      ctwa_clid: `demo-${context.wamid.slice(-12)}`,
    }
  }
  switch (spec.type) {
    case 'text':
      return {
        ...base,
        ...(spec.referredProduct
          ? {
              context: {
                referred_product: {
                  catalog_id: spec.referredProduct.catalogId,
                  product_retailer_id: spec.referredProduct.productRetailerId,
                },
              },
            }
          : {}),
        type: 'text',
        text: { body: spec.body },
      }
    case 'image':
      return {
        ...base,
        type: 'image',
        image: {
          ...(spec.caption === undefined ? {} : { caption: spec.caption }),
          mime_type: spec.mimeType ?? 'image/jpeg',
          sha256: 'bWVkaWEtc2hhMjU2LWRlbW8=',
          id: spec.mediaId ?? context.mediaId(),
        },
      }
    case 'location':
      return {
        ...base,
        type: 'location',
        location: {
          latitude: spec.latitude,
          longitude: spec.longitude,
          ...(spec.name === undefined ? {} : { name: spec.name }),
          ...(spec.address === undefined ? {} : { address: spec.address }),
        },
      }
    case 'order':
      return {
        ...base,
        type: 'order',
        order: {
          catalog_id: spec.catalogId,
          ...(spec.note === undefined ? {} : { text: spec.note }),
          product_items: spec.items.map((item) => ({
            product_retailer_id: item.productRetailerId,
            quantity: item.quantity,
            item_price: item.itemPrice,
            currency: item.currency,
          })),
        },
      }
    case 'buttonReply':
      return {
        ...base,
        context: { from: context.businessDisplayNumber, id: spec.replyTo },
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: spec.id, title: spec.title } },
      }
    case 'templateButton':
      return {
        ...base,
        context: { from: context.businessDisplayNumber, id: spec.replyTo },
        type: 'button',
        button: { text: spec.text, payload: spec.payload ?? spec.text },
      }
    default: {
      const unexpected: never = spec
      throw new Error(`unknown inbound message ${JSON.stringify(unexpected)}`)
    }
  }
}
