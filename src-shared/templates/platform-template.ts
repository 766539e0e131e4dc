/**
 * Templates in the platform's own words: the body of `POST /{waba-id}/message_templates` built
 * from Kedai's draft, and an item of `GET /{waba-id}/message_templates` read back into one. The
 * relay passes both through untouched; core and the emulator speak this shape.
 */
import { z } from 'zod'
import { parameterStyleOf } from './parameters'
import { variablesOf } from './placeholders'
import {
  templateCategories,
  templateQualities,
  type TemplateButton,
  type TemplateCategory,
  type TemplateDraft,
  type TemplateHeader,
  type TemplateQuality,
  type TemplateStatus,
} from './template'

export interface WireTemplateCreate {
  name: string
  language: string
  category: TemplateCategory
  parameter_format: 'POSITIONAL' | 'NAMED'
  components: Record<string, unknown>[]
}

function headerComponent(header: TemplateHeader): Record<string, unknown> | null {
  if (header.kind === 'none') return null
  if (header.kind === 'media') return { type: 'HEADER', format: header.media.toUpperCase() }
  const variables = variablesOf(header.text)
  return {
    type: 'HEADER',
    format: 'TEXT',
    text: header.text,
    ...(variables.length > 0 && header.example !== undefined
      ? { example: { header_text: [header.example] } }
      : {}),
  }
}

function buttonWire(button: TemplateButton): Record<string, unknown> {
  switch (button.type) {
    case 'QUICK_REPLY':
      return { type: 'QUICK_REPLY', text: button.text }
    case 'URL':
      return {
        type: 'URL',
        text: button.text,
        url: button.url,
        ...(button.example !== undefined ? { example: [button.example] } : {}),
      }
    case 'PHONE_NUMBER':
      return { type: 'PHONE_NUMBER', text: button.text, phone_number: button.phoneNumber }
    case 'COPY_CODE':
      return { type: 'COPY_CODE', example: button.example ?? '' }
  }
}

/** The platform's create request for this draft, examples included (review requires them). */
export function templateCreateBody(draft: TemplateDraft): WireTemplateCreate {
  const style = parameterStyleOf(draft)
  const bodyVariables = variablesOf(draft.body.text)
  const examples = bodyVariables.map((variable) => draft.body.examples[variable] ?? '')
  const body: Record<string, unknown> = { type: 'BODY', text: draft.body.text }
  if (bodyVariables.length > 0) {
    body['example'] =
      style === 'named'
        ? {
            body_text_named_params: bodyVariables.map((name, index) => ({
              param_name: name,
              example: examples[index],
            })),
          }
        : { body_text: [examples] }
  }
  const header = headerComponent(draft.header)
  const footer = draft.footer?.trim() ? { type: 'FOOTER', text: draft.footer } : null
  const buttons =
    draft.buttons.length > 0 ? { type: 'BUTTONS', buttons: draft.buttons.map(buttonWire) } : null
  return {
    name: draft.name,
    language: draft.language,
    category: draft.category,
    parameter_format: style === 'named' ? 'NAMED' : 'POSITIONAL',
    components: [header, body, footer, buttons].filter(
      (component): component is Record<string, unknown> => component !== null,
    ),
  }
}

const wireButton = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  url: z.string().optional(),
  phone_number: z.string().optional(),
  example: z.union([z.array(z.string()), z.string()]).optional(),
})

const wireComponent = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  example: z
    .looseObject({
      header_text: z.array(z.string()).optional(),
      body_text: z.array(z.array(z.string())).optional(),
      body_text_named_params: z
        .array(z.object({ param_name: z.string(), example: z.string() }))
        .optional(),
    })
    .optional(),
  buttons: z.array(wireButton).optional(),
})

/** One item of the platform's template list. */
export const wireTemplateSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string().min(1),
  language: z.string().min(1),
  status: z.string(),
  category: z.string(),
  components: z.array(wireComponent).default([]),
  quality_score: z.looseObject({ score: z.string() }).optional(),
  rejected_reason: z.string().optional(),
})
export type WireTemplate = z.input<typeof wireTemplateSchema>

export interface PlatformTemplateRead {
  platformId: string
  status: TemplateStatus
  quality: TemplateQuality
  content: TemplateDraft
}

/** The platform's status word as Kedai's status; states Kedai does not track read as paused. */
export function templateStatusFromWire(word: string, reason?: string | null): TemplateStatus {
  switch (word.toUpperCase()) {
    case 'APPROVED':
    case 'REINSTATED':
    case 'UNLOCKED':
      return { state: 'approved' }
    case 'PENDING':
    case 'IN_APPEAL':
      return { state: 'pending' }
    case 'REJECTED':
      return { state: 'rejected', reason: reason && reason !== 'NONE' ? reason : 'REJECTED' }
    case 'DISABLED':
    case 'DELETED':
    case 'PENDING_DELETION':
      return { state: 'disabled' }
    default:
      return { state: 'paused' }
  }
}

export function templateCategoryFromWire(word: string): TemplateCategory | null {
  const upper = word.toUpperCase()
  return (templateCategories as readonly string[]).includes(upper)
    ? (upper as TemplateCategory)
    : null
}

function headerFromWire(component: z.infer<typeof wireComponent> | undefined): TemplateHeader {
  if (!component) return { kind: 'none' }
  const format = (component.format ?? 'TEXT').toUpperCase()
  if (format === 'TEXT') {
    const example = component.example?.header_text?.[0]
    return {
      kind: 'text',
      text: component.text ?? '',
      ...(example !== undefined ? { example } : {}),
    }
  }
  const media = format.toLowerCase()
  return media === 'image' || media === 'video' || media === 'document'
    ? { kind: 'media', media }
    : { kind: 'none' }
}

function buttonFromWire(button: z.infer<typeof wireButton>): TemplateButton | null {
  const example = Array.isArray(button.example) ? button.example[0] : button.example
  switch (button.type.toUpperCase()) {
    case 'QUICK_REPLY':
      return { type: 'QUICK_REPLY', text: button.text ?? '' }
    case 'URL':
      return {
        type: 'URL',
        text: button.text ?? '',
        url: button.url ?? '',
        ...(example !== undefined ? { example } : {}),
      }
    case 'PHONE_NUMBER':
      return {
        type: 'PHONE_NUMBER',
        text: button.text ?? '',
        phoneNumber: button.phone_number ?? '',
      }
    case 'COPY_CODE':
      return { type: 'COPY_CODE', ...(example !== undefined ? { example } : {}) }
    default:
      return null
  }
}

/** An item of the platform's list as Kedai's template; null when it is not one Kedai can use. */
export function readWireTemplate(item: unknown): PlatformTemplateRead | null {
  const read = wireTemplateSchema.safeParse(item)
  if (!read.success) return null
  const wire = read.data
  const category = templateCategoryFromWire(wire.category)
  if (!category) return null
  const find = (type: string) => wire.components.find((c) => c.type.toUpperCase() === type)
  const body = find('BODY')
  const bodyText = body?.text ?? ''
  const variables = variablesOf(bodyText)
  const examples: Record<string, string> = {}
  const named = body?.example?.body_text_named_params
  if (named) for (const param of named) examples[param.param_name] = param.example
  const positional = body?.example?.body_text?.[0]
  if (positional) {
    variables.forEach((variable, index) => {
      const value = positional[index]
      if (value !== undefined) examples[variable] = value
    })
  }
  const quality = (wire.quality_score?.score ?? 'UNKNOWN').toUpperCase()
  const footer = find('FOOTER')?.text
  return {
    platformId: wire.id,
    status: templateStatusFromWire(wire.status, wire.rejected_reason),
    quality: (templateQualities as readonly string[]).includes(quality)
      ? (quality as TemplateQuality)
      : 'UNKNOWN',
    content: {
      name: wire.name,
      language: wire.language,
      category,
      header: headerFromWire(find('HEADER')),
      body: { text: bodyText, examples },
      ...(footer ? { footer } : {}),
      buttons: (find('BUTTONS')?.buttons ?? []).flatMap((b) => buttonFromWire(b) ?? []),
    },
  }
}
