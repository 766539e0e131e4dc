/**
 * A template message the shop sent, as the vault keeps it (sealed, like every message body):
 * what the customer saw, for the timeline, and the filled parameters, from which the outbox
 * builds the Cloud API body once it knows the recipient's address.
 */
import type { FilledTemplateParameters } from '../templates/parameters'
import type { TemplateCategory } from '../templates/template'

export interface SentTemplateContent {
  type: 'template'
  templateId: string
  name: string
  language: string
  /** The category in force when it was sent: the one billed. */
  category: TemplateCategory
  /** The header's and body's text as the customer reads them. */
  headerText: string | null
  text: string
  footer: string | null
  parameters: FilledTemplateParameters
}

export function isSentTemplate(body: unknown): body is SentTemplateContent {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { type?: unknown }).type === 'template' &&
    typeof (body as { text?: unknown }).text === 'string'
  )
}
