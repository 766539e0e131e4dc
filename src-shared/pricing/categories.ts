/** What the business sends, and the categories Meta bills it under. */

/** A template's category as approved (or as Meta re-categorised it: the one in force is billed). */
export const templateCategories = [
  'marketing',
  'utility',
  'authentication',
  'authentication-international',
] as const
export type TemplateCategory = (typeof templateCategories)[number]

/**
 * A message the business sends. `service` is any free-form message (text, media, location,
 * interactive buttons or lists...): all are priced alike. Reactions are apart because from
 * October 2026 they stay free while other service messages are charged.
 */
export type OutgoingMessage =
  { kind: 'service' } | { kind: 'reaction' } | { kind: 'template'; category: TemplateCategory }

export const billingCategories = [...templateCategories, 'service'] as const
export type BillingCategory = (typeof billingCategories)[number]

/** Conversation-based pricing's 24 hour conversations (authentication-international included in authentication). */
export type ConversationCategory = 'marketing' | 'utility' | 'authentication' | 'service'

export function categoryOfMessage(message: OutgoingMessage): BillingCategory {
  return message.kind === 'template' ? message.category : 'service'
}
