/**
 * How fast the shop answers. A customer's first message after the shop last spoke starts the
 * clock; the shop's next reply stops it. Later messages of the same customer before that reply
 * do not restart it: the customer has been waiting since the first one. Replies typed in the
 * phone app (echoes) count, the customer saw them; a reply that failed does not.
 */

export interface ResponseMessage {
  direction: 'inbound' | 'outbound'
  /** Epoch ms the message was sent (the platform's timestamp for a customer's). */
  at: number
  /** Outbound only: the platform said it was not delivered. */
  failed?: boolean
}

export interface Response {
  /** When the customer's first unanswered message came. */
  askedAt: number
  /** When the shop's reply went out. */
  answeredAt: number
  ms: number
}

export interface ResponseTimes {
  /** Every answered wait, oldest first. */
  responses: Response[]
  /** The customer is waiting since then (no reply yet), else null. */
  waitingSince: number | null
}

function inOrder(messages: readonly ResponseMessage[]): ResponseMessage[] {
  // On equal times the customer's message first, so a reply in the same millisecond answers it.
  return [...messages].sort(
    (a, b) => a.at - b.at || (a.direction === b.direction ? 0 : a.direction === 'inbound' ? -1 : 1),
  )
}

export function responseTimes(messages: readonly ResponseMessage[]): ResponseTimes {
  const responses: Response[] = []
  let askedAt: number | null = null
  for (const message of inOrder(messages)) {
    if (message.direction === 'inbound') {
      askedAt ??= message.at
    } else if (!message.failed && askedAt !== null) {
      responses.push({ askedAt, answeredAt: message.at, ms: message.at - askedAt })
      askedAt = null
    }
  }
  return { responses, waitingSince: askedAt }
}

/** The conversation's most recent answered wait, the one the owner can still do something about. */
export function latestResponse(messages: readonly ResponseMessage[]): Response | null {
  return responseTimes(messages).responses.at(-1) ?? null
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2)
}

/**
 * The shop's median first-response time over replies sent in [from, to) (a day, for "today"),
 * from the messages of every conversation. A reply today to a message of yesterday counts today.
 */
export function medianResponseMs(
  conversations: Iterable<readonly ResponseMessage[]>,
  from: number,
  to: number,
): { medianMs: number | null; count: number } {
  const times: number[] = []
  for (const messages of conversations) {
    for (const response of responseTimes(messages).responses) {
      if (response.answeredAt >= from && response.answeredAt < to) times.push(response.ms)
    }
  }
  return { medianMs: median(times), count: times.length }
}
