/**
 * The customer service window: each customer message opens it, or resets it, for 24 hours;
 * the business's own messages never open or extend it. Inside it anything may be sent; outside
 * only approved templates.
 */
import { type WindowMessage, countedMessages, serviceWindowMs } from './window-message'

export interface ServiceWindow {
  open: boolean
  /**
   * When the current (or, once closed, the last) window began: the first customer message with
   * no gap of 24 hours or more before the next. Absent when the customer never wrote.
   */
  opensAt?: number
  /** 24 hours after the last customer message; in the past once closed. */
  closesAt?: number
  /** 0 when closed. */
  msLeft: number
}

/** The window as it stands at `now`. It closes exactly 24 hours after the last customer message. */
export function serviceWindowAt(history: readonly WindowMessage[], now: number): ServiceWindow {
  let opensAt: number | undefined
  let closesAt: number | undefined
  for (const message of countedMessages(history, now)) {
    if (message.direction !== 'inbound') continue
    if (closesAt === undefined || message.at >= closesAt) opensAt = message.at
    closesAt = message.at + serviceWindowMs
  }
  if (closesAt === undefined) return { open: false, msLeft: 0 }
  const open = now < closesAt
  return { open, opensAt, closesAt, msLeft: open ? closesAt - now : 0 }
}
