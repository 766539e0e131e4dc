/** Moving between conversations in the list's current order, from anywhere in the inbox. */
import { useConversationsStore } from '../../stores/conversations'
import { useOpenConversationStore } from '../../stores/open-conversation'

export function useConversationNavigation() {
  const conversations = useConversationsStore()
  const openConversation = useOpenConversationStore()

  /** Opens the next (1) or previous (-1) conversation shown; the first when none is open. */
  function openAdjacent(step: 1 | -1): void {
    const shown = conversations.shown
    if (shown.length === 0) return
    const index = shown.findIndex((item) => item.id === openConversation.conversationId)
    const next = index === -1 ? 0 : Math.min(shown.length - 1, Math.max(0, index + step))
    const target = shown[next]
    if (target) void openConversation.open(target.id)
  }

  return { openAdjacent }
}
