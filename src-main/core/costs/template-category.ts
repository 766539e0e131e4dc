/** A stored template's category (the platform's word, in force now) as the pricing rules name it. */
import type { OutgoingMessage } from '../../../src-shared/pricing'
import type { TemplateCategory } from '../../../src-shared/templates'

const billedAs = {
  MARKETING: 'marketing',
  UTILITY: 'utility',
  AUTHENTICATION: 'authentication',
} as const satisfies Record<TemplateCategory, string>

export function templateMessage(category: TemplateCategory): OutgoingMessage {
  return { kind: 'template', category: billedAs[category] }
}
