/**
 * The owner's own name for a customer: never sent to the customer, sealed at rest, and the same
 * on every device of the shop (recorded as an operation of the sync log on the customer, whose
 * materialiser writes the sealed name).
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { maximumCustomerNameLength } from '../../../src-shared/inbox/customer-notes'
import type { SyncLog } from '../sync/sync-log'
import type { OpenShop } from '../vault/vault'
import { customerSyncIdFor } from './customers'

/** An empty name (or null) goes back to the customer's WhatsApp profile name. */
export function setCustomerName(
  shop: OpenShop,
  sync: SyncLog,
  customerId: string,
  name: string | null,
): void {
  const kept = name?.trim().replace(/\s+/g, ' ') ?? ''
  if ([...kept].length > maximumCustomerNameLength) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `A name can be at most ${maximumCustomerNameLength} characters. The old name is kept.`,
    )
  }
  shop.db.transaction(() => {
    const syncId = customerSyncIdFor(shop, sync, customerId)
    sync.record(shop, [{ entity: 'customer', id: syncId, field: 'name', value: kept }])
  })()
}
