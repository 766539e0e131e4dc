/**
 * Search across every message and customer, answered by core's in-memory index. Follows the
 * search box's text (the conversations store's `query`) after a short pause in typing, asks
 * again while core is still building its index and when new messages arrive, and drops an
 * answer that belongs to an older query or an earlier unlock. Shop data: emptied on lock.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { SearchConversation, SearchResult } from '../../src-shared/bridge/features/search'
import type { BridgeError } from '../../src-shared/bridge/errors'
import { useBridge } from '../bridge/inject'
import { useConversationsStore } from './conversations'
import type { LoadStatus } from './load-status'
import { useVaultStore } from './vault'

/** Typing pause before asking core; a search is cheap, the bridge round trip is the cost. */
export const searchPauseMs = 120
/** How often to ask again while core is still indexing. */
const indexingRetryMs = 1000

export const useMessageSearchStore = defineStore('messageSearch', () => {
  const bridge = useBridge()
  const vault = useVaultStore()
  const conversations = useConversationsStore()

  const results = shallowRef<SearchConversation[]>([])
  const moreConversations = ref(0)
  const indexing = ref<SearchResult['indexing'] | null>(null)
  /** The query the results answer (the box may already hold a newer one). */
  const answered = ref('')
  const status = ref<LoadStatus>('idle')
  const error = ref<BridgeError | null>(null)

  let timer: ReturnType<typeof setTimeout> | null = null
  let asked = 0
  let unsubscribe: (() => void) | null = null

  function schedule(delayMs: number): void {
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void run()
    }, delayMs)
  }

  async function run(): Promise<void> {
    const query = conversations.query.trim()
    if (query === '' || !vault.unlocked) {
      clear()
      return
    }
    const ticket = ++asked
    const session = vault.session
    if (answered.value !== query) status.value = 'loading'
    const result = await bridge.call('inbox.search', { query, limit: 50 })
    if (ticket !== asked || session !== vault.session || !vault.unlocked) return
    if (!result.ok) {
      error.value = result.error
      status.value = 'error'
      return
    }
    results.value = result.value.conversations
    moreConversations.value = result.value.moreConversations
    indexing.value = result.value.indexing
    answered.value = query
    error.value = null
    status.value = 'done'
    if (!result.value.indexing.done) schedule(indexingRetryMs)
  }

  function clear(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    asked++
    results.value = []
    moreConversations.value = 0
    indexing.value = null
    answered.value = ''
    error.value = null
    status.value = 'idle'
  }

  watch(
    () => conversations.query,
    (query) => (query.trim() === '' ? clear() : schedule(searchPauseMs)),
    { immediate: true },
  )

  unsubscribe ??= bridge.on('inbox.changed', () => {
    // New messages may match what is on screen.
    if (conversations.query.trim() !== '' && vault.unlocked) schedule(searchPauseMs)
  })

  /** Asks again now (after an error). */
  function retry(): void {
    schedule(0)
  }

  vault.registerShopData({ forget: clear })

  return {
    results,
    moreConversations,
    indexing,
    answered,
    status,
    error,
    retry,
    clear,
    stop: () => unsubscribe?.(),
  }
})
