/**
 * Whether a template may go to this customer at all, for the composer's picker to grey it out
 * and say why. Pure facts from the template and the customer; price is the meter's business.
 */
import { type MessageTemplate, type TemplateState } from './template'

export interface TemplateRecipient {
  /** The customer said stop to promotions (a "Stop promotions" tap, STOP/BERHENTI, error 131050). */
  optedOutOfMarketing: boolean
  /** ISO 3166 country of the customer's number, when known (e.g. `US`, `ID`). */
  country?: string | null
}

export type TemplateSendBlock =
  | { reason: 'not_approved'; state: TemplateState }
  | { reason: 'opted_out_of_marketing' }
  | { reason: 'marketing_to_us_number' }

/**
 * Since 1 April 2025 the platform does not deliver marketing templates to US numbers; the day is
 * taken as starting at 00:00 UTC, the earliest reading, so Kedai never charges for a refusal.
 */
export const marketingToUsEndedAt = Date.UTC(2025, 3, 1)

/** The first of the customer's reasons, or null: the brief answer for one-line hints. */
export function marketingBlock(
  template: Pick<MessageTemplate, 'category'>,
  recipient: TemplateRecipient,
): { reason: 'opted_out_of_marketing' } | null {
  return template.category === 'MARKETING' && recipient.optedOutOfMarketing
    ? { reason: 'opted_out_of_marketing' }
    : null
}

/**
 * Every reason this template cannot be sent to this customer at `at` (epoch ms); empty when it
 * can. Utility and authentication templates still reach a customer who stopped promotions.
 */
export function templateSendBlocks(
  template: Pick<MessageTemplate, 'category' | 'status'>,
  recipient: TemplateRecipient,
  at: number,
): TemplateSendBlock[] {
  const blocks: TemplateSendBlock[] = []
  if (template.status.state !== 'approved') {
    blocks.push({ reason: 'not_approved', state: template.status.state })
  }
  const marketing = marketingBlock(template, recipient)
  if (marketing) blocks.push(marketing)
  if (
    template.category === 'MARKETING' &&
    recipient.country?.toUpperCase() === 'US' &&
    at >= marketingToUsEndedAt
  ) {
    blocks.push({ reason: 'marketing_to_us_number' })
  }
  return blocks
}
