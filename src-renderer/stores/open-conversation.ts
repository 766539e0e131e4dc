/**
 * The conversation the owner has open: its newest messages (older ones a page at a time), and
 * the replies being sent. A reply shows at once as queued; core's answer only ties it to the
 * stored message, or takes it back with the reason. Shop data: emptied whenever the vault is not
 * unlocked.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { BridgeError } from '../../src-shared/bridge/errors'
import type { MessageItem } from '../../src-shared/inbox/inbox-view'
import type { QuickReplyAttachment } from '../../src-shared/quick-replies'
import { useBridge } from '../bridge/inject'
import { windowHistoryOf } from '../composables/inbox/message-body'
import { useConversationsStore } from './conversations'
import type { LoadStatus } from './load-status'
import { useVaultStore } from './vault'

/** Enough to fill a tall window; opening stays fast on a 2,000-message conversation. */
export const messagePageSize = 50
const messageLimit = 10_000

/** A reply on its way to core. */
interface OutgoingReply {
  localId: string
  conversationId: string
  text: string
  replyToWamid: string | null
  /** A quick reply's photo or document; the text is then its caption. */
  attachment: QuickReplyAttachment | null
  at: number
  /** Set once core stored it; the reply then shows as core has it. */
  messageId: string | null
}

let localIds = 0

/** The body a queued reply shows with, shaped as core stores it (see message-body.ts). */
function queuedBody(reply: OutgoingReply): { kind: string; body: unknown } {
  const attachment = reply.attachment
  if (!attachment) return { kind: 'text', body: { type: 'text', body: reply.text } }
  // The file stays in the vault: the placeholder names it, nothing is loaded into the page.
  const media = { id: '', mimeType: null, sha256: null, url: null }
  const caption = reply.text.trim() === '' ? null : reply.text
  return attachment.kind === 'image'
    ? { kind: 'image', body: { type: 'image', media, caption } }
    : {
        kind: 'document',
        body: { type: 'document', media, caption, filename: attachment.fileName ?? null },
      }
}

function asQueuedMessage(reply: OutgoingReply): MessageItem {
  return {
    id: reply.localId,
    conversationId: reply.conversationId,
    direction: 'outbound',
    ...queuedBody(reply),
    status: 'queued',
    sentAt: reply.at,
    wamid: null,
    clientId: null,
    errorCode: null,
    replyToWamid: reply.replyToWamid,
    fromAd: false,
    echo: false,
  }
}

export const useOpenConversationStore = defineStore('openConversation', () => {
  const bridge = useBridge()
  const vault = useVaultStore()
  const conversations = useConversationsStore()

  const conversationId = ref<string | null>(null)
  const messages = shallowRef<MessageItem[]>([])
  const status = ref<LoadStatus>('idle')
  const loadError = ref<BridgeError | null>(null)
  const limit = ref(messagePageSize)
  const loadingOlder = ref(false)
  const outgoing = ref<OutgoingReply[]>([])
  /** Counts the owner's sends, so the conversation can scroll to the newest when one goes out. */
  const sends = ref(0)
  /** A message to bring into view and mark (a search result); `request` counts the asks. */
  const focus = ref<{ messageId: string; request: number } | null>(null)

  let unsubscribe: (() => void) | null = null
  let load: Promise<void> | null = null
  let loadWanted = false

  /** A full page came back: there may be older messages. */
  const hasOlder = computed(
    () => messages.value.length >= limit.value && limit.value < messageLimit,
  )
  const shown = computed<MessageItem[]>(() => {
    const stored = new Set(messages.value.map((message) => message.id))
    const waiting = outgoing.value.filter(
      (reply) =>
        reply.conversationId === conversationId.value &&
        (reply.messageId === null || !stored.has(reply.messageId)),
    )
    return [...messages.value, ...waiting.map(asQueuedMessage)]
  })
  const history = computed(() => windowHistoryOf(messages.value))

  const isStale = (session: number, id: string) =>
    vault.session !== session || !vault.unlocked || conversationId.value !== id

  function subscribe(): void {
    unsubscribe ??= bridge.on('inbox.changed', ({ conversationIds }) => {
      const id = conversationId.value
      if (id !== null && vault.unlocked && conversationIds.includes(id)) void reload()
    })
  }

  async function fetchMessages(): Promise<void> {
    const id = conversationId.value
    if (id === null) return
    const session = vault.session
    const result = await bridge.call('inbox.messages', { conversationId: id, limit: limit.value })
    if (isStale(session, id)) return
    if (result.ok) {
      messages.value = result.value
      loadError.value = null
      status.value = 'done'
      conversations.noteMessages(id, result.value)
      const stored = new Set(result.value.map((message) => message.id))
      outgoing.value = outgoing.value.filter(
        (reply) => reply.messageId === null || !stored.has(reply.messageId),
      )
    } else {
      loadError.value = result.error
      if (status.value !== 'done') status.value = 'error'
    }
  }

  /** Reads the messages again; calls while one is on its way become one more read after it. */
  function reload(): Promise<void> {
    if (load) {
      loadWanted = true
      return load
    }
    load = (async () => {
      do {
        loadWanted = false
        await fetchMessages()
      } while (loadWanted && vault.unlocked)
    })().finally(() => (load = null))
    return load
  }

  async function open(id: string): Promise<void> {
    subscribe()
    focus.value = null
    if (conversationId.value === id && status.value !== 'error') return
    conversationId.value = id
    messages.value = []
    limit.value = messagePageSize
    loadError.value = null
    status.value = 'loading'
    void conversations.markRead(id)
    await reload()
  }

  /**
   * Opens a conversation at one of its messages (a search result): loads back far enough to
   * include it (`fromNewest` is its place counted from the newest) and asks the view to show it.
   */
  async function openAt(id: string, messageId: string, fromNewest: number): Promise<void> {
    const wanted = Math.min(
      messageLimit,
      Math.max(messagePageSize, Math.ceil(fromNewest / messagePageSize) * messagePageSize),
    )
    focus.value = { messageId, request: (focus.value?.request ?? 0) + 1 }
    if (conversationId.value === id && status.value === 'done' && limit.value >= wanted) return
    subscribe()
    if (conversationId.value !== id) {
      conversationId.value = id
      messages.value = []
      status.value = 'loading'
      limit.value = wanted
      void conversations.markRead(id)
    } else limit.value = Math.max(limit.value, wanted)
    loadError.value = null
    await reload()
  }

  function close(): void {
    conversationId.value = null
    messages.value = []
    status.value = 'idle'
    loadError.value = null
  }

  async function loadOlder(): Promise<void> {
    if (!hasOlder.value || loadingOlder.value) return
    loadingOlder.value = true
    limit.value = Math.min(messageLimit, limit.value + messagePageSize)
    try {
      await reload()
    } finally {
      loadingOlder.value = false
    }
  }

  /**
   * Shows the reply at once as queued and hands it to core. Resolves to core's refusal (the
   * reply is then taken back), or null once it is stored and queued.
   */
  async function sendText(
    toConversation: string,
    text: string,
    replyToWamid: string | null,
    /** The owner said to send although a budget is used up (core logs it in the ledger). */
    overrideBudget = false,
    /** A quick reply's file; the text goes as its caption and may then be empty. */
    attachment: QuickReplyAttachment | null = null,
  ): Promise<BridgeError | null> {
    subscribe()
    const session = vault.session
    const reply: OutgoingReply = {
      localId: `local-${++localIds}`,
      conversationId: toConversation,
      text,
      replyToWamid,
      attachment,
      at: Date.now(),
      messageId: null,
    }
    outgoing.value = [...outgoing.value, reply]
    sends.value += 1
    const result = await bridge.call('inbox.sendText', {
      conversationId: toConversation,
      text,
      ...(replyToWamid === null ? {} : { replyToWamid }),
      ...(overrideBudget ? { overrideBudget: true } : {}),
      ...(attachment ? { attachment } : {}),
    })
    if (vault.session !== session) return null
    if (!result.ok) {
      outgoing.value = outgoing.value.filter((waiting) => waiting.localId !== reply.localId)
      return result.error
    }
    outgoing.value = outgoing.value.map((waiting) =>
      waiting.localId === reply.localId
        ? { ...waiting, messageId: result.value.messageId }
        : waiting,
    )
    if (conversationId.value === toConversation) await reload()
    return null
  }

  function forget(): void {
    conversationId.value = null
    messages.value = []
    status.value = 'idle'
    loadError.value = null
    limit.value = messagePageSize
    outgoing.value = []
    focus.value = null
  }

  vault.registerShopData({ forget })

  return {
    conversationId,
    messages,
    status,
    loadError,
    loadingOlder,
    hasOlder,
    shown,
    history,
    sends,
    focus,
    open,
    openAt,
    close,
    reload,
    loadOlder,
    sendText,
    forget,
  }
})
