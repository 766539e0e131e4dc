/** The owner's own name for a customer: local to the shop, never sent, sealed at rest. */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { maximumCustomerNameLength } from '../../../src-shared/inbox/customer-notes'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'
import { renameCustomer } from './customers'

/** An empty name (or null) goes back to the customer's WhatsApp profile name. */
export function setCustomerName(
  shop: OpenShop,
  customerId: string,
  name: string | null,
  at: number,
): void {
  const kept = name?.trim().replace(/\s+/g, ' ') ?? ''
  if ([...kept].length > maximumCustomerNameLength) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `A name can be at most ${maximumCustomerNameLength} characters. The old name is kept.`,
    )
  }
  if (!statement(shop.db, 'SELECT 1 FROM customers WHERE id = ?').get(customerId)) {
    throw new BridgeFailure('NOT_FOUND', 'That customer is not in this shop.')
  }
  renameCustomer(shop, customerId, kept === '' ? null : kept, at)
}
