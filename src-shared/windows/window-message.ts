/**
 * The little the window rules need to know about each message of a conversation. Build it from
 * stored messages: customer messages (and calls) are inbound; anything the business sent is
 * outbound; replies typed in the WhatsApp Business phone app (`smb_message_echoes`) are marked
 * `echo`, because they never touch the Cloud API's windows.
 */
export interface WindowMessage {
  direction: 'inbound' | 'outbound'
  /** Epoch ms the platform gives for the message (its `timestamp`), not when we received it. */
  at: number
  /** Inbound only: the message carried a `referral` (click-to-WhatsApp ad or Facebook Page button). */
  referral?: boolean
  /** Sent from the phone app on a coexistence number: ignored by every window rule. */
  echo?: boolean
}

export const hourMs = 60 * 60 * 1000
/** The customer service window, and the time a business has to answer an ad's customer. */
export const serviceWindowMs = 24 * hourMs
/** How long a free entry point window lasts once the business has answered. */
export const freeEntryPointMs = 72 * hourMs

/**
 * The messages that count at `now`, oldest first. Webhooks arrive out of order and may be
 * replayed, so history is taken in any order; messages stamped after `now` have not happened yet.
 * On equal timestamps the customer's message goes first, so a reply in the same millisecond
 * counts as an answer.
 */
export function countedMessages(history: readonly WindowMessage[], now: number): WindowMessage[] {
  return history
    .filter((message) => !message.echo && message.at <= now)
    .sort(
      (a, b) =>
        a.at - b.at || (a.direction === b.direction ? 0 : a.direction === 'inbound' ? -1 : 1),
    )
}
