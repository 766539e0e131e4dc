// Plays a conversation through the window rules and the pricing function, the way core will:
// windows are computed from history at each send, the send joins history, and under
// conversation-based pricing each quote's opened conversation is remembered.
import { type MarketId } from '../../../src-shared/markets'
import {
  type OpenedConversation,
  type OutgoingMessage,
  type PriceMessageInput,
  type PriceResult,
  priceMessage,
} from '../../../src-shared/pricing'
import { type WindowMessage, freeEntryPointAt, serviceWindowAt } from '../../../src-shared/windows'

export const hour = 60 * 60 * 1000
export const minute = 60 * 1000

export type Step =
  { at: number; customer: true; referral?: boolean } | { at: number; send: OutgoingMessage }

export type ReplayOptions = Pick<
  PriceMessageInput,
  'settings' | 'serviceAllowanceUsed' | 'rateCard'
> & { recipient?: { market: MarketId; country?: string | null } }

export function replay(steps: readonly Step[], options: ReplayOptions = {}): PriceResult[] {
  const history: WindowMessage[] = []
  const conversations: OpenedConversation[] = []
  const results: PriceResult[] = []
  for (const step of steps) {
    if ('customer' in step) {
      history.push({ direction: 'inbound', at: step.at, referral: step.referral ?? false })
      continue
    }
    const result = priceMessage({
      message: step.send,
      recipient: options.recipient ?? { market: 'indonesia', country: 'ID' },
      sentAt: step.at,
      serviceWindowOpen: serviceWindowAt(history, step.at).open,
      freeEntryPoint: freeEntryPointAt(history, step.at).nextMessageFree,
      settings: options.settings,
      serviceAllowanceUsed: options.serviceAllowanceUsed,
      rateCard: options.rateCard,
      conversations,
    })
    results.push(result)
    if (result.outcome === 'quote') {
      history.push({ direction: 'outbound', at: step.at })
      if (result.opensConversation) {
        conversations.push({ category: result.opensConversation, openedAt: step.at })
      }
    }
  }
  return results
}

export function summary(results: readonly PriceResult[]) {
  return results.map((result) =>
    result.outcome === 'refused'
      ? { refused: result.reason }
      : { charged: result.charged, reason: result.reason, usdMicros: result.usdMicros },
  )
}

export function paidTotal(results: readonly PriceResult[]): { paid: number; usdMicros: number } {
  let paid = 0
  let usdMicros = 0
  for (const result of results) {
    if (result.outcome === 'quote' && result.charged) {
      paid += 1
      usdMicros += result.usdMicros ?? 0
    }
  }
  return { paid, usdMicros }
}

/** Meta's own example: marketing template, customer replies, text reply, utility an hour
 * later, the service window closes, utility template at hour 30. */
export function metaWorkedExample(start: number): Step[] {
  return [
    { at: start, send: { kind: 'template', category: 'marketing' } },
    { at: start + 5 * minute, customer: true },
    { at: start + 10 * minute, send: { kind: 'service' } },
    { at: start + hour + 10 * minute, send: { kind: 'template', category: 'utility' } },
    { at: start + 30 * hour, send: { kind: 'template', category: 'utility' } },
  ]
}
