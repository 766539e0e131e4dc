/**
 * Webhook payloads as the Cloud API writes them (compare ../shared/fixtures/whatsapp): the
 * envelope, an inbound message change and a status change. Times are Unix seconds as strings.
 */

export interface BusinessNumber {
  businessAccountId: string
  phoneNumberId: string
  /** Digits, as `metadata.display_phone_number` has it. */
  displayPhoneNumber: string
}

export interface WebhookChange {
  field: string
  value: Record<string, unknown>
}

export interface WireError {
  code: number
  title: string
  message: string
  error_data: { details: string }
  href: string
}

export interface WirePricing {
  billable: boolean
  pricing_model: 'PMP' | 'CBP'
  type: 'regular' | 'free_customer_service' | 'free_entry_point'
  category: string
}

export interface WireStatus {
  id: string
  status: 'sent' | 'delivered' | 'read' | 'failed'
  timestamp: string
  recipient_id: string
  biz_opaque_callback_data?: string
  pricing?: WirePricing
  errors?: WireError[]
}

export function unixSeconds(ms: number): string {
  return String(Math.floor(ms / 1000))
}

export function webhookEnvelope(businessAccountId: string, changes: readonly WebhookChange[]) {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: businessAccountId, changes }],
  }
}

function metadata(number: BusinessNumber) {
  return {
    display_phone_number: number.displayPhoneNumber,
    phone_number_id: number.phoneNumberId,
  }
}

export function inboundChange(
  number: BusinessNumber,
  contact: { name: string; waId: string },
  message: Record<string, unknown>,
): WebhookChange {
  return {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: metadata(number),
      contacts: [{ profile: { name: contact.name }, wa_id: contact.waId }],
      messages: [message],
    },
  }
}

export function statusChange(number: BusinessNumber, status: WireStatus): WebhookChange {
  return {
    field: 'messages',
    value: { messaging_product: 'whatsapp', metadata: metadata(number), statuses: [status] },
  }
}
