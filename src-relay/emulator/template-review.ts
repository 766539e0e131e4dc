/**
 * The emulator's message templates: the shop's list as `GET /{waba-id}/message_templates`
 * answers it, submissions by `POST` to the same path, and a review a short while later by the
 * same rules Kedai's editor checks (src-shared/templates). The outcome arrives as the platform's
 * `message_template_status_update` webhook; a utility template whose text sells is then moved to
 * marketing with a `template_category_update`, as the platform does.
 */
import {
  checkTemplate,
  readWireTemplate,
  templateCreateBody,
  type TemplateCategory,
  type TemplateDraft,
} from '../../src-shared/templates'
import type { TemplateCategory as PricedCategory } from '../../src-shared/pricing'
import type { TemplateCatalog } from './template-catalog'
import type { WebhookChange } from './wire-payloads'

interface Held {
  id: string
  status: 'APPROVED' | 'PENDING' | 'REJECTED'
  category: TemplateCategory
  reason: string | null
  draft: TemplateDraft
}

export interface TemplateReviewOptions {
  catalog: TemplateCatalog
  deliver(change: WebhookChange): Promise<boolean>
  /** Submission to review outcome. */
  reviewMs: number
  now(): number
  /** Approved from the start (the demo shop's). */
  approved?: readonly TemplateDraft[]
}

export type CreateAnswer =
  | { ok: true; body: { id: string; status: string; category: TemplateCategory } }
  | { ok: false; message: string }

export interface TemplateReview {
  /** One page of the list, as the platform pages it. */
  page(after: string | undefined, limit: number): Record<string, unknown>
  create(body: unknown): CreateAnswer
  /** Resolves when every pending review was decided and its webhooks delivered. */
  settled(): Promise<void>
  close(): void
}

/** Words that make a "utility" text a sales message in the platform's eyes. */
const sellingWords = /promo|diskon|discount|sale|hemat|% off|gratis ongkir|voucher/i

/** The demo shop's three approved templates: an order update, a promotion, a login code. */
export const demoApprovedTemplates: readonly TemplateDraft[] = [
  {
    name: 'order_update',
    language: 'id',
    category: 'UTILITY',
    header: { kind: 'none' },
    body: {
      text: 'Halo {{1}}, pesanan {{2}} sudah kami kirim. Terima kasih sudah belanja!',
      examples: { '1': 'Siti', '2': 'INV-4471' },
    },
    footer: 'Balas pesan ini kalau ada pertanyaan',
    buttons: [],
    fillFrom: { 'body.1': 'first_name' },
  },
  {
    name: 'promo_bulan_ini',
    language: 'id',
    category: 'MARKETING',
    header: { kind: 'none' },
    body: {
      text: 'Halo {{first_name}}, bulan ini ada diskon {{discount}} untuk semua batik. Yuk mampir!',
      examples: { first_name: 'Siti', discount: '20%' },
    },
    footer: 'Balas STOP untuk berhenti',
    buttons: [{ type: 'QUICK_REPLY', text: 'Berhenti promosi' }],
  },
  {
    name: 'login_code',
    language: 'id',
    category: 'AUTHENTICATION',
    header: { kind: 'none' },
    body: {
      text: 'Kode verifikasi Anda {{1}}. Jangan berikan kode ini kepada siapa pun.',
      examples: { '1': '482913' },
    },
    buttons: [{ type: 'COPY_CODE', example: '482913' }],
  },
]

function wireOf(held: Held): Record<string, unknown> {
  return {
    ...templateCreateBody({ ...held.draft, category: held.category }),
    id: held.id,
    status: held.status,
    quality_score: { score: held.status === 'APPROVED' ? 'GREEN' : 'UNKNOWN' },
    ...(held.reason ? { rejected_reason: held.reason } : {}),
  }
}

export function createTemplateReview(options: TemplateReviewOptions): TemplateReview {
  const held = new Map<string, Held>()
  const timers = new Set<NodeJS.Timeout>()
  const inFlight = new Set<Promise<unknown>>()
  let nextId = 1_000_000_000_000_001
  const newId = () => String(nextId++)

  const remember = (draft: TemplateDraft, status: Held['status']): Held => {
    const template: Held = { id: newId(), status, category: draft.category, reason: null, draft }
    held.set(template.id, template)
    options.catalog.set(draft.name, draft.category.toLowerCase() as PricedCategory)
    return template
  }
  for (const draft of options.approved ?? []) remember(draft, 'APPROVED')

  function send(change: WebhookChange): void {
    const delivery = options.deliver(change)
    inFlight.add(delivery)
    void delivery.finally(() => inFlight.delete(delivery))
  }

  function identity(template: Held) {
    return {
      message_template_id: Number(template.id),
      message_template_name: template.draft.name,
      message_template_language: template.draft.language,
    }
  }

  function review(template: Held): void {
    const issues = checkTemplate(template.draft, {
      others: [...held.values()]
        .filter((other) => other.status !== 'REJECTED')
        .map((other) => ({ id: other.id, name: other.draft.name, language: other.draft.language })),
      selfId: template.id,
    })
    template.status = issues.length === 0 ? 'APPROVED' : 'REJECTED'
    template.reason = issues.length === 0 ? null : 'INVALID_FORMAT'
    send({
      field: 'message_template_status_update',
      value: {
        event: template.status,
        ...identity(template),
        reason: template.reason ?? 'NONE',
        message_template_category: template.category,
        ...(issues.length > 0
          ? {
              rejection_info: {
                reason: `The template breaks the rule ${issues.map((issue) => issue.code).join(', ')}.`,
                recommendation: 'Correct the template and submit it again.',
              },
            }
          : {}),
      },
    })
    if (
      template.status === 'APPROVED' &&
      template.category === 'UTILITY' &&
      sellingWords.test(template.draft.body.text)
    ) {
      template.category = 'MARKETING'
      options.catalog.set(template.draft.name, 'marketing')
      send({
        field: 'template_category_update',
        value: {
          ...identity(template),
          previous_category: 'UTILITY',
          new_category: 'MARKETING',
        },
      })
    }
  }

  return {
    page(after, limit) {
      const all = [...held.values()].sort((a, b) => a.id.localeCompare(b.id))
      const start = after ? all.findIndex((template) => template.id === after) + 1 : 0
      const slice = all.slice(start, start + limit)
      const last = slice.at(-1)
      const more = start + limit < all.length
      return {
        data: slice.map(wireOf),
        paging: {
          cursors: { before: slice[0]?.id ?? '', after: last?.id ?? '' },
          ...(more && last ? { next: `message_templates?after=${last.id}` } : {}),
        },
      }
    },
    create(body) {
      const read = readWireTemplate({ ...(body as object), id: '0', status: 'PENDING' })
      if (!read) return { ok: false, message: 'Invalid parameter: the template could not be read.' }
      const { content } = read
      const clash = [...held.values()].find(
        (other) => other.draft.name === content.name && other.draft.language === content.language,
      )
      if (clash && clash.status !== 'REJECTED') {
        return {
          ok: false,
          message: `Content in this language already exists for ${content.name}.`,
        }
      }
      if (clash) held.delete(clash.id)
      const template = remember(content, 'PENDING')
      const timer = setTimeout(() => {
        timers.delete(timer)
        review(template)
      }, options.reviewMs)
      timers.add(timer)
      return {
        ok: true,
        body: { id: template.id, status: 'PENDING', category: template.category },
      }
    },
    async settled() {
      while (timers.size > 0 || inFlight.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        await Promise.all([...inFlight])
      }
    },
    close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
