/**
 * An approved template to a customer: the template must be approved, a marketing template never
 * goes to a customer who stopped promotions (or to a US number), every parameter must have a
 * value the platform accepts. What passes is priced, checked against the budget, and written,
 * queued and estimated in the ledger in one transaction (outbox/outbox.ts).
 */
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import type { SentTemplateContent } from '../../../src-shared/inbox/sent-template'
import {
  fillTemplateParameters,
  previewText,
  renderTemplate,
  templateSendBlocks,
  type ParameterProblem,
} from '../../../src-shared/templates'
import { estimateForQueue } from '../costs/estimate'
import { priceNextMessage } from '../costs/price-next-message'
import { templateMessage } from '../costs/template-category'
import { queueReply, type QueuedReply } from '../outbox/outbox'
import { findTemplate } from '../templates/template-store'
import type { OpenShop } from '../vault/vault'

function describeProblem(problem: ParameterProblem): string {
  const where = problem.slot.id
  switch (problem.code) {
    case 'missing':
      return `${where} has no value`
    case 'line_break':
      return `${where} has a line break, which WhatsApp refuses in a template value`
    case 'too_many_spaces':
      return `${where} has more than four spaces in a row`
    case 'too_long':
      return `${where} is ${problem.length} characters long; at most ${problem.limit}`
  }
}

export function sendTemplateMessage(
  shop: OpenShop,
  request: {
    conversationId: string
    templateId: string
    values: Readonly<Record<string, string>>
    overrideBudget?: boolean
  },
  now: number,
): QueuedReply {
  const template = findTemplate(shop, request.templateId)
  if (!template) throw new BridgeFailure('NOT_FOUND', 'That template is not in this shop.')
  const priced = priceNextMessage(
    shop,
    request.conversationId,
    templateMessage(template.category),
    now,
  )
  const blocks = templateSendBlocks(
    template,
    { optedOutOfMarketing: priced.optedOutAt !== null, country: priced.country },
    now,
  )
  for (const block of blocks) {
    switch (block.reason) {
      case 'not_approved':
        throw new BridgeFailure(
          'INVALID_INPUT',
          `"${template.name}" is not approved by WhatsApp (it is ${block.state}), so it cannot be sent.`,
        )
      case 'opted_out_of_marketing':
        throw new BridgeFailure(
          'INVALID_INPUT',
          'This customer asked to stop promotions, so a marketing template cannot be sent to them. Utility templates still can.',
        )
      case 'marketing_to_us_number':
        throw new BridgeFailure(
          'INVALID_INPUT',
          'WhatsApp does not deliver marketing templates to US numbers.',
        )
    }
  }
  const filled = fillTemplateParameters(template, request.values)
  if (!filled.ok) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `The template is not ready to send: ${filled.problems.map(describeProblem).join('; ')}.`,
    )
  }
  if (filled.parameters.header && 'mediaRef' in filled.parameters.header) {
    const ref = filled.parameters.header.mediaRef
    if (!/^https:\/\//.test(ref) && !/^[0-9]+$/.test(ref)) {
      throw new BridgeFailure(
        'INVALID_INPUT',
        'The header needs a photo, video or document that WhatsApp can fetch (an https link).',
      )
    }
  }
  if (priced.result.outcome === 'refused') {
    throw new BridgeFailure('INVALID_INPUT', 'WhatsApp would not deliver this template.')
  }
  const preview = renderTemplate(template, request.values)
  const content: SentTemplateContent = {
    type: 'template',
    templateId: template.id,
    name: template.name,
    language: template.language,
    category: template.category,
    headerText: preview.header.kind === 'text' ? previewText(preview.header.pieces) : null,
    text: previewText(preview.body) ?? '',
    footer: preview.footer,
    parameters: filled.parameters,
  }
  const estimate = estimateForQueue(
    shop,
    priced.result,
    priced.market,
    now,
    request.overrideBudget ?? false,
  )
  return queueReply(shop, {
    conversationId: request.conversationId,
    content,
    at: now,
    templateName: template.name,
    estimate,
  })
}
