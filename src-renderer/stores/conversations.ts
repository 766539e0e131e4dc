/**
 * The conversation list: every conversation with its customer, kept in core's order (pinned
 * first, newest activity next), the owner's filter and search, the unread total for the window
 * title, and a one-message preview per conversation fetched only for rows on screen. What the
 * search box holds (`query`) also filters the list by name and number; the search across every
 * message is stores/message-search.ts. Shop data:
 * emptied whenever the vault is not unlocked, loaded again after an unlock.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowReactive, shallowRef } from 'vue'
import type { BridgeError } from '../../src-shared/bridge/errors'
import type { ConversationItem, MessageItem } from '../../src-shared/inbox/inbox-view'
import type { WindowMessage } from '../../src-shared/windows'
import { useBridge } from '../bridge/inject'
import {
  type ConversationFilter,
  conversationFilters,
  matchesFilter,
  matchesQuery,
  sortConversations,
} from '../composables/inbox/conversation-facts'
import { windowHistoryOf } from '../composables/inbox/message-body'
import { useClockStore } from './clock'
import type { LoadStatus } from './load-status'
import { useVaultStore } from './vault'

/** As many as the bridge gives in one call; the list renders only the rows on screen. */
export const conversationListLimit = 10_000

export const useConversationsStore = defineStore('conversations', () => {
  const bridge = useBridge()
  const vault = useVaultStore()
  const clock = useClockStore()

  const items = shallowRef<ConversationItem[]>([])
  const status = ref<LoadStatus>('idle')
  const loadError = ref<BridgeError | null>(null)
  const filter = ref<ConversationFilter>('all')
  /** Only customers wearing this label; null: any. Works with the other filters. */
  const labelFilter = ref<string | null>(null)
  const query = ref('')
  /** The newest message of each conversation whose row was on screen; null: it has none. */
  const previews = shallowReactive(new Map<string, MessageItem | null>())
  /** What the window rules know of conversations whose messages were opened (free entry point). */
  const histories = shallowReactive(new Map<string, WindowMessage[]>())

  const previewsLoading = new Set<string>()
  // Bumped when a conversation changes, so a preview asked for before the change is not kept.
  const previewGenerations = new Map<string, number>()
  let unsubscribe: (() => void) | null = null
  let listLoad: Promise<void> | null = null
  let listLoadWanted = false

  const sorted = computed(() => sortConversations(items.value))
  const byId = computed(() => new Map(items.value.map((item) => [item.id, item])))
  const shown = computed(() =>
    sorted.value.filter(
      (item) =>
        matchesFilter(item, filter.value, clock.now) &&
        (labelFilter.value === null || item.customer.labelIds.includes(labelFilter.value)) &&
        matchesQuery(item, query.value),
    ),
  )
  const counts = computed(() => {
    const result = Object.fromEntries(conversationFilters.map((name) => [name, 0])) as Record<
      ConversationFilter,
      number
    >
    for (const item of items.value) {
      for (const name of conversationFilters) {
        if (matchesFilter(item, name, clock.now)) result[name] += 1
      }
    }
    return result
  })
  const unreadTotal = computed(() =>
    items.value.reduce((total, item) => total + Math.max(0, item.unreadCount), 0),
  )

  const isStale = (session: number) => vault.session !== session || !vault.unlocked

  function subscribe(): void {
    unsubscribe ??= bridge.on('inbox.changed', ({ conversationIds }) => {
      if (!vault.unlocked || status.value === 'idle') return
      for (const id of conversationIds) {
        previewGenerations.set(id, (previewGenerations.get(id) ?? 0) + 1)
        previews.delete(id)
      }
      void reload()
    })
  }

  async function fetchList(): Promise<void> {
    const session = vault.session
    const result = await bridge.call('inbox.conversations', { limit: conversationListLimit })
    if (isStale(session)) return
    if (result.ok) {
      items.value = result.value
      loadError.value = null
      status.value = 'done'
    } else {
      loadError.value = result.error
      // A list already shown stays; the problem is said beside it.
      if (status.value !== 'done') status.value = 'error'
    }
  }

  /** Reads the list again; calls while one is on its way become one more read after it. */
  function reload(): Promise<void> {
    if (listLoad) {
      listLoadWanted = true
      return listLoad
    }
    listLoad = (async () => {
      do {
        listLoadWanted = false
        await fetchList()
      } while (listLoadWanted && vault.unlocked)
    })().finally(() => (listLoad = null))
    return listLoad
  }

  async function load(): Promise<void> {
    subscribe()
    if (status.value !== 'done') status.value = 'loading'
    await reload()
  }

  /** The first load, for a view that appears while the vault is already open. */
  function ensureLoaded(): void {
    if (status.value === 'idle' && vault.unlocked) void load()
  }

  async function loadPreview(conversationId: string): Promise<void> {
    const session = vault.session
    const generation = previewGenerations.get(conversationId) ?? 0
    previewsLoading.add(conversationId)
    const result = await bridge.call('inbox.messages', { conversationId, limit: 1 })
    previewsLoading.delete(conversationId)
    if (isStale(session) || (previewGenerations.get(conversationId) ?? 0) !== generation) return
    previews.set(conversationId, result.ok ? (result.value.at(-1) ?? null) : null)
  }

  /** Fetches the previews of these rows that are not known yet, once each. */
  function requestPreviews(conversationIds: readonly string[]): void {
    if (!vault.unlocked) return
    for (const id of conversationIds) {
      if (!previews.has(id) && !previewsLoading.has(id)) void loadPreview(id)
    }
  }

  /** The open conversation's messages were read: its preview and window history come free. */
  function noteMessages(conversationId: string, messages: readonly MessageItem[]): void {
    const newest = messages.at(-1)
    if (newest) previews.set(conversationId, newest)
    histories.set(conversationId, windowHistoryOf(messages))
  }

  function setFilter(next: ConversationFilter): void {
    filter.value = next
  }

  function setLabelFilter(next: string | null): void {
    labelFilter.value = next
  }

  function setQuery(next: string): void {
    query.value = next
  }

  /** Replaces one conversation in the list with a changed copy (the list is a shallow ref). */
  function patch(conversationId: string, change: Partial<ConversationItem>): void {
    items.value = items.value.map((item) =>
      item.id === conversationId ? { ...item, ...change } : item,
    )
  }

  /** The owner opened it: unread goes to 0 here at once, and core tells the platform. */
  async function markRead(conversationId: string): Promise<void> {
    if ((byId.value.get(conversationId)?.unreadCount ?? 0) === 0) return
    patch(conversationId, { unreadCount: 0 })
    const result = await bridge.call('inbox.markRead', { conversationId })
    if (!result.ok) await load()
  }

  async function setPinned(conversationId: string, pinned: boolean): Promise<void> {
    patch(conversationId, { pinnedAt: pinned ? Date.now() : null })
    const result = await bridge.call('inbox.setPinned', { conversationId, pinned })
    if (!result.ok) await load()
  }

  async function setArchived(conversationId: string, archived: boolean): Promise<void> {
    patch(conversationId, { archivedAt: archived ? Date.now() : null })
    const result = await bridge.call('inbox.setArchived', { conversationId, archived })
    if (!result.ok) await load()
  }

  function forget(): void {
    items.value = []
    status.value = 'idle'
    loadError.value = null
    query.value = ''
    labelFilter.value = null
    previews.clear()
    histories.clear()
    previewsLoading.clear()
    previewGenerations.clear()
  }

  vault.registerShopData({ forget, hydrate: load })

  return {
    items,
    status,
    loadError,
    filter,
    labelFilter,
    query,
    previews,
    histories,
    sorted,
    byId,
    shown,
    counts,
    unreadTotal,
    load,
    ensureLoaded,
    reload,
    requestPreviews,
    noteMessages,
    setFilter,
    setLabelFilter,
    setQuery,
    patch,
    markRead,
    setPinned,
    setArchived,
    forget,
  }
})
