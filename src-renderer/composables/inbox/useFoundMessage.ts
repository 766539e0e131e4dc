/**
 * Brings the message a search result points at into view once it is rendered, moves focus to it
 * and marks it for a few seconds. Runs after the timeline's own "scroll to newest" on open, so
 * the found message wins.
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { MessageItem } from '../../../src-shared/inbox/inbox-view'

/** How long the found message stays marked. */
const markMs = 4000

export function useFoundMessage(options: {
  focus: Ref<{ messageId: string; request: number } | null>
  messages: Ref<readonly MessageItem[]>
  elementOf: (messageId: string) => HTMLElement | null
}) {
  const foundId = ref<string | null>(null)
  let handled = 0
  let unmark: ReturnType<typeof setTimeout> | null = null

  function show(messageId: string): void {
    // After the frame: the timeline's scroll to the newest (on open) has then run.
    requestAnimationFrame(() => {
      const element = options.elementOf(messageId)
      if (!element) return
      element.scrollIntoView({ block: 'center' })
      element.focus({ preventScroll: true })
      foundId.value = messageId
      if (unmark !== null) clearTimeout(unmark)
      unmark = setTimeout(() => (foundId.value = null), markMs)
    })
  }

  watch(
    [options.focus, options.messages],
    ([focus]) => {
      if (!focus || focus.request === handled) return
      if (!options.messages.value.some((message) => message.id === focus.messageId)) return
      handled = focus.request
      show(focus.messageId)
    },
    // Immediate: the timeline may appear with the found message already loaded.
    { flush: 'post', immediate: true },
  )

  onBeforeUnmount(() => {
    if (unmark !== null) clearTimeout(unmark)
  })

  return { foundId }
}
