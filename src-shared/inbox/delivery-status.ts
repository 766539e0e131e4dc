/**
 * A sent message's delivery status only moves forward: queued, then (if the relay's answer was
 * lost) unknown, sent, delivered, read (or played, for voice notes). `failed` is final, and a
 * status that arrives late or twice never moves a message back.
 */
export const outboundStatuses = [
  'queued',
  'unknown',
  'sent',
  'delivered',
  'read',
  'played',
  'failed',
] as const
export type OutboundStatus = (typeof outboundStatuses)[number]

const rank: Record<OutboundStatus, number> = {
  queued: 0,
  unknown: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  played: 5,
  failed: 6,
}

export function isOutboundStatus(value: string): value is OutboundStatus {
  return Object.hasOwn(rank, value)
}

/** The status after `next` arrives for a message that is `current`. */
export function advanceStatus(current: OutboundStatus, next: OutboundStatus): OutboundStatus {
  if (current === 'failed') return 'failed'
  // A message the customer has read cannot fail any more; a late failure report is stale.
  if (next === 'failed') return rank[current] >= rank.delivered ? current : 'failed'
  return rank[next] > rank[current] ? next : current
}
