/**
 * A message template: the platform's pre-approved message, the only thing a shop may send
 * outside the customer service window. The shape follows the platform's components (header,
 * body, footer, buttons) so a template read from the relay and one drafted in Kedai's editor are
 * the same object.
 */
import { z } from 'zod'
import { builtInVariables } from '../quick-replies/reply-context'

export const templateCategories = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const
export type TemplateCategory = (typeof templateCategories)[number]

export const templateQualities = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const
export type TemplateQuality = (typeof templateQualities)[number]

export const templateStatusSchema = z.discriminatedUnion('state', [
  /** Only in Kedai: not yet submitted. */
  z.object({ state: z.literal('draft') }),
  z.object({ state: z.literal('pending') }),
  z.object({ state: z.literal('approved') }),
  /** The platform's reason (e.g. `INVALID_FORMAT`) and its explanation when it gave one. */
  z.object({ state: z.literal('rejected'), reason: z.string() }),
  z.object({ state: z.literal('paused') }),
  z.object({ state: z.literal('disabled') }),
])
export type TemplateStatus = z.infer<typeof templateStatusSchema>
export type TemplateState = TemplateStatus['state']

export const headerMediaKinds = ['image', 'video', 'document'] as const
export type HeaderMediaKind = (typeof headerMediaKinds)[number]

export const templateHeaderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('text'),
    text: z.string(),
    /** The example value of the header's variable, when it has one. */
    example: z.string().optional(),
  }),
  z.object({
    kind: z.literal('media'),
    media: z.enum(headerMediaKinds),
    /** The media sent by default (a vault media ref); the send form can replace it. */
    mediaRef: z.string().min(1).optional(),
  }),
])
export type TemplateHeader = z.infer<typeof templateHeaderSchema>

export const templateButtonTypes = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE'] as const
export type TemplateButtonType = (typeof templateButtonTypes)[number]

export const templateButtonSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('QUICK_REPLY'), text: z.string() }),
  z.object({
    type: z.literal('URL'),
    text: z.string(),
    /** `https://shop.example/track/{{1}}`: at most one variable, at the very end. */
    url: z.string(),
    /** Example value of the URL's variable (the part appended to the URL). */
    example: z.string().optional(),
  }),
  z.object({ type: z.literal('PHONE_NUMBER'), text: z.string(), phoneNumber: z.string() }),
  /** WhatsApp writes this button's label itself; the code is given at send time. */
  z.object({ type: z.literal('COPY_CODE'), example: z.string().optional() }),
])
export type TemplateButton = z.infer<typeof templateButtonSchema>

/** What the editor edits: everything the platform reviews. */
export const templateDraftSchema = z.object({
  name: z.string(),
  /** The platform's language code, e.g. `id` or `en_US`. */
  language: z.string(),
  category: z.enum(templateCategories),
  header: templateHeaderSchema,
  body: z.object({
    /** Variables are positional `{{1}}` or named `{{order_id}}`, one style per template. */
    text: z.string(),
    /** Example value for each body variable, keyed by `1` or `order_id`. */
    examples: z.record(z.string(), z.string()),
  }),
  /** Empty or absent: no footer. */
  footer: z.string().optional(),
  buttons: z.array(templateButtonSchema),
  /**
   * Which known value fills a parameter when sending, by parameter slot id (`body.1`): lets a
   * positional `{{1}}` be pre-filled with the customer's first name. Named variables called like a
   * known value (`{{first_name}}`) need no entry.
   */
  fillFrom: z.record(z.string(), z.enum(builtInVariables)).optional(),
})
export type TemplateDraft = z.infer<typeof templateDraftSchema>

export const messageTemplateSchema = templateDraftSchema.extend({
  id: z.string().min(1),
  /** The platform's template id once submitted. */
  platformId: z.string().optional(),
  status: templateStatusSchema,
  quality: z.enum(templateQualities),
})
export type MessageTemplate = z.infer<typeof messageTemplateSchema>
