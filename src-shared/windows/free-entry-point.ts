/**
 * The free entry point window: a customer who arrives from a click-to-WhatsApp ad or a Facebook
 * Page button (the message carries `referral`) and is answered within 24 hours gets 72 hours,
 * from that answer, in which every message the business sends is free. Answered later, there is
 * no free window. It is independent of the service window: free-form messages still need an open
 * service window; templates do not.
 */
import {
  type WindowMessage,
  countedMessages,
  freeEntryPointMs,
  serviceWindowMs,
} from './window-message'

export interface FreeEntryPoint {
  /** A 72 hour free window is running at `now`. */
  open: boolean
  /** Start (the business's answer) of the running window, or of the last one once it closed. */
  opensAt?: number
  closesAt?: number
  /** 0 when closed. */
  msLeft: number
  /**
   * An ad's customer is waiting for a first answer: a message sent before this time opens a free
   * window (and is itself free). Absent when nobody is waiting or the 24 hours have passed.
   */
  answerBefore?: number
  /** The next message the business sends is free: a window is open or that message opens one. */
  nextMessageFree: boolean
}

export function freeEntryPointAt(history: readonly WindowMessage[], now: number): FreeEntryPoint {
  let window: { opensAt: number; closesAt: number } | undefined
  let waitingSince: number | undefined
  for (const message of countedMessages(history, now)) {
    if (message.direction === 'inbound') {
      // A new ad click while a free window runs neither extends it nor starts another.
      const windowRunning = window !== undefined && message.at < window.closesAt
      if (message.referral && !windowRunning) waitingSince = message.at
      continue
    }
    if (waitingSince === undefined) continue
    // The first answer decides: within 24 hours it opens the window, later it forfeits it.
    if (message.at < waitingSince + serviceWindowMs) {
      window = { opensAt: message.at, closesAt: message.at + freeEntryPointMs }
    }
    waitingSince = undefined
  }
  const open = window !== undefined && now < window.closesAt
  const answerBefore =
    waitingSince !== undefined && now < waitingSince + serviceWindowMs
      ? waitingSince + serviceWindowMs
      : undefined
  return {
    open,
    ...(window ?? {}),
    msLeft: open && window ? window.closesAt - now : 0,
    ...(answerBefore === undefined ? {} : { answerBefore }),
    nextMessageFree: open || answerBefore !== undefined,
  }
}
