/** What the readers of one webhook change hand back to the envelope parser (`webhook.ts`). */

/** The entry a change sits in: which business account, and when Meta says it happened. */
export interface EntryRoute {
  businessAccountId: string
  notifiedAt: number | null
}

/** A change that is one event (template and account webhooks): the event, or why it was skipped. */
export type ChangeRead<T> = { ok: true; event: T } | { ok: false; problem: string }

/** One item of a list (messages, statuses, echoes): the event, or null if skipped, and what was wrong. */
export interface ItemRead<T> {
  event: T | null
  problems: string[]
}
