/**
 * Which shop an event belongs to, kept in memory: messaging events by the phone number id they
 * came through, account-wide events (templates, quality, account updates) by business account.
 * A shop's business account is learnt from its first messaging webhook when the operator did
 * not configure it, so account events can be routed from then on.
 */
import type { WebhookEvent } from '../../src-shared/whatsapp'
import type { RelayStore, ShopRecord } from '../store/relay-store'

export interface ShopDirectory {
  reload(): Promise<void>
  byPhoneNumberId(phoneNumberId: string): ShopRecord | undefined
  /** The shops an event goes to: none when nobody on this relay owns it. */
  shopsFor(event: WebhookEvent): ShopRecord[]
  /** Records business accounts seen beside known phone numbers; true when one was learnt. */
  learn(events: readonly WebhookEvent[]): Promise<boolean>
  all(): ShopRecord[]
}

export function createShopDirectory(store: RelayStore): ShopDirectory {
  let shops: ShopRecord[] = []
  let byPhone = new Map<string, ShopRecord>()

  const directory: ShopDirectory = {
    async reload() {
      shops = await store.shops()
      byPhone = new Map(shops.map((shop) => [shop.phoneNumberId, shop]))
    },
    byPhoneNumberId: (phoneNumberId) => byPhone.get(phoneNumberId),
    shopsFor(event) {
      switch (event.kind) {
        case 'message':
        case 'status':
        case 'messageEcho':
        case 'platformError': {
          const shop = byPhone.get(event.phoneNumberId)
          return shop ? [shop] : []
        }
        case 'templateStatus':
        case 'templateCategory':
        case 'phoneNumberQuality':
        case 'accountUpdate':
          return shops.filter((shop) => shop.businessAccountId === event.businessAccountId)
        case 'unhandledChange':
          // Fields Kedai does not read carry nothing the desktop could use.
          return []
        default: {
          const unexpected: never = event
          throw new Error(`unknown event ${JSON.stringify(unexpected)}`)
        }
      }
    },
    async learn(events) {
      let learnt = false
      for (const event of events) {
        if (!('phoneNumberId' in event)) continue
        const shop = byPhone.get(event.phoneNumberId)
        if (shop && shop.businessAccountId === null) {
          await store.setBusinessAccount(shop.id, event.businessAccountId)
          shop.businessAccountId = event.businessAccountId
          learnt = true
        }
      }
      return learnt
    },
    all: () => shops,
  }
  return directory
}
