/** The window (and browser tab) title, with the inbox's unread count in front: "(3) Kedai". */
import { watchEffect } from 'vue'
import { useConversationsStore } from '../../stores/conversations'

export const appTitle = 'Kedai'

export function windowTitle(unread: number): string {
  return unread > 0 ? `(${unread}) ${appTitle}` : appTitle
}

export function useWindowTitle(): void {
  const conversations = useConversationsStore()
  watchEffect(() => {
    document.title = windowTitle(conversations.unreadTotal)
  })
}
