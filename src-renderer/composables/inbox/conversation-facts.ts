/**
 * What the conversation list knows about each conversation from its summary alone: its order,
 * whether the customer waits for an answer, the service window, and the filters. Pure, so the
 * store and its tests share it.
 */
import type { ConversationItem } from '../../../src-shared/inbox/inbox-view'
import { describePhoneNumber } from '../../../src-shared/markets'
import {
  type ServiceWindow,
  type WindowMessage,
  serviceWindowAt,
} from '../../../src-shared/windows'

export const conversationFilters = ['all', 'unread', 'waiting', 'windowOpen', 'archived'] as const
export type ConversationFilter = (typeof conversationFilters)[number]

/** Pinned first (the latest pin on top), then the newest activity: core's order, kept after local changes. */
export function sortConversations(items: readonly ConversationItem[]): ConversationItem[] {
  return [...items].sort(
    (a, b) =>
      Number(a.pinnedAt === null) - Number(b.pinnedAt === null) ||
      (b.pinnedAt ?? 0) - (a.pinnedAt ?? 0) ||
      b.lastMessageAt - a.lastMessageAt ||
      (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  )
}

/** When the customer's unanswered message came in; null when the shop had the last word. */
export function waitingSince(item: ConversationItem): number | null {
  return item.lastInboundAt !== null && item.lastInboundAt >= item.lastMessageAt
    ? item.lastInboundAt
    : null
}

/** The customer's last message is all the service window needs. */
export function summaryHistory(item: ConversationItem): WindowMessage[] {
  return item.lastInboundAt === null ? [] : [{ direction: 'inbound', at: item.lastInboundAt }]
}

export function listServiceWindow(item: ConversationItem, now: number): ServiceWindow {
  return serviceWindowAt(summaryHistory(item), now)
}

export function matchesFilter(
  item: ConversationItem,
  filter: ConversationFilter,
  now: number,
): boolean {
  // Archived conversations stay out of the way until a customer writes again (core un-archives).
  if (filter === 'archived') return item.archivedAt !== null
  if (item.archivedAt !== null) return false
  switch (filter) {
    case 'all':
      return true
    case 'unread':
      return item.unreadCount > 0
    case 'waiting':
      return waitingSince(item) !== null
    case 'windowOpen':
      return listServiceWindow(item, now).open
    default: {
      const unknown: never = filter
      throw new Error(`Unknown filter ${String(unknown)}`)
    }
  }
}

function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
}

/** The search box, for now: the loaded list by the customer's names or number. */
export function matchesQuery(item: ConversationItem, query: string): boolean {
  const wanted = folded(query.trim())
  if (wanted === '') return true
  const { name, profileName, phone } = item.customer
  if ([name, profileName].some((text) => text !== null && folded(text).includes(wanted))) {
    return true
  }
  // A number typed the national way ("0812...") matches its international form ("+62 812...").
  const digits = wanted.replace(/\D/g, '').replace(/^0+/, '')
  return digits.length >= 3 && phone !== null && phone.replace(/\D/g, '').includes(digits)
}

/** How the customer is called in the inbox: the owner's name, their profile name, or their number. */
export function customerDisplayName(customer: ConversationItem['customer']): string | null {
  if (customer.name) return customer.name
  if (customer.profileName) return customer.profileName
  if (customer.phone) return describePhoneNumber(customer.phone)?.international ?? customer.phone
  return null
}
