/** Conversations and messages as core reports them, and a small fake core for the inbox. */
import type { ConversationItem, MessageItem } from '../../src-shared/inbox/inbox-view'
import type { MessageContent } from '../../src-shared/whatsapp'
import { createFakeBridge, type FakeHandlers } from './fake-bridge'
import { vaultStatus } from './vault-statuses'

export const hourMs = 3_600_000
/** A fixed "now" for every inbox test: Tuesday 6 May 2025, 10:00 in the test's time zone. */
export const testNow = new Date(2025, 4, 6, 10, 0, 0).getTime()

let ids = 0

export function conversation(
  overrides: Partial<Omit<ConversationItem, 'customer'>> & {
    customer?: Partial<ConversationItem['customer']>
  } = {},
): ConversationItem {
  const id = overrides.id ?? `conv-${++ids}`
  const { customer, ...rest } = overrides
  return {
    id,
    lastMessageAt: testNow - hourMs,
    lastInboundAt: testNow - hourMs,
    unreadCount: 0,
    pinnedAt: null,
    archivedAt: null,
    ...rest,
    customer: {
      id: `customer-${id}`,
      name: `Customer ${id}`,
      profileName: `Customer ${id}`,
      phone: '+6281234567890',
      country: 'ID',
      market: 'indonesia',
      optedOutAt: null,
      firstSeenAt: testNow - 30 * 24 * hourMs,
      labelIds: [],
      ...customer,
    },
  }
}

export function message(
  conversationId: string,
  body: MessageContent | Record<string, unknown>,
  overrides: Partial<MessageItem> = {},
): MessageItem {
  const n = ++ids
  const direction = overrides.direction ?? 'inbound'
  return {
    id: `msg-${n}`,
    conversationId,
    direction,
    kind: typeof body.type === 'string' ? body.type : 'text',
    body,
    status: direction === 'inbound' ? 'received' : 'read',
    sentAt: testNow - hourMs,
    wamid: `wamid.${n}`,
    clientId: null,
    errorCode: null,
    replyToWamid: null,
    fromAd: false,
    echo: false,
    ...overrides,
  }
}

export const text = (body: string): MessageContent => ({ type: 'text', body })

/**
 * A fake core holding conversations and their messages: answers the inbox methods like core
 * (newest messages, oldest first; sendText queues a message and refuses outside the window).
 */
export function fakeInboxCore(
  start: { conversations: ConversationItem[]; messages?: MessageItem[] },
  more: FakeHandlers = {},
) {
  const state = {
    conversations: [...start.conversations],
    messages: [...(start.messages ?? [])],
    vault: vaultStatus('unlocked'),
  }
  let queued = 0
  const bridge = createFakeBridge({
    'vault.status': () => state.vault,
    'vault.lock': () => (state.vault = vaultStatus('locked')),
    'vault.activity': () => ({ done: true }),
    // A shop with no approved templates yet.
    'templates.list': () => [],
    'inbox.conversations': ({ limit }) => state.conversations.slice(0, limit ?? 200),
    'inbox.messages': ({ conversationId, limit }) =>
      state.messages
        .filter((item) => item.conversationId === conversationId)
        .sort((a, b) => a.sentAt - b.sentAt)
        .slice(-(limit ?? 50)),
    'inbox.sendText': ({ conversationId, text: body, replyToWamid }) => {
      const found = state.conversations.find((item) => item.id === conversationId)
      if (!found) return { code: 'NOT_FOUND', message: 'That conversation is not in this shop.' }
      if (found.lastInboundAt === null || Date.now() - found.lastInboundAt >= 24 * hourMs) {
        return { code: 'WINDOW_CLOSED', message: 'The window is closed.' }
      }
      const stored = message(
        conversationId,
        { type: 'text', body },
        {
          id: `queued-${++queued}`,
          direction: 'outbound',
          status: 'queued',
          sentAt: Date.now(),
          wamid: null,
          clientId: `client-${queued}`,
          replyToWamid: replyToWamid ?? null,
        },
      )
      state.messages.push(stored)
      return { messageId: stored.id, clientId: stored.clientId ?? '' }
    },
    ...more,
  })
  return { bridge, state }
}
