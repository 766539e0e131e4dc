/**
 * Where the conversation is scrolled: at the newest message on open and while the owner reads
 * the newest; where it was when older messages are added above or new ones arrive while the
 * owner reads back; at the newest again when the owner sends.
 */
import { nextTick, onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import type { MessageItem } from '../../../src-shared/inbox/inbox-view'

/** Within this of the bottom counts as reading the newest. */
const nearBottomPx = 48
/** Within this of the top asks for older messages. */
const nearTopPx = 64

export function useTimelineScroll(options: {
  scroller: Ref<HTMLElement | null>
  messages: Ref<readonly MessageItem[]>
  conversationId: Ref<string | null>
  sends: Ref<number>
  loadOlder: () => void
}) {
  const { scroller, messages } = options
  let followNewest = true

  const isNearBottom = (element: HTMLElement) =>
    element.scrollHeight - element.scrollTop - element.clientHeight <= nearBottomPx

  function scrollToNewest(): void {
    followNewest = true
    void nextTick(() => {
      const element = scroller.value
      if (element) element.scrollTop = element.scrollHeight
    })
  }

  function onScroll(): void {
    const element = scroller.value
    if (!element) return
    followNewest = isNearBottom(element)
    if (element.scrollTop <= nearTopPx && element.scrollHeight > element.clientHeight) {
      options.loadOlder()
    }
  }

  watch(options.conversationId, scrollToNewest)
  watch(options.sends, scrollToNewest)

  watch(
    messages,
    (next, previous) => {
      const element = scroller.value
      if (!element) return
      // Older messages came in above the same newest one: keep what the owner was reading in place.
      const olderAdded =
        previous.length > 0 &&
        next.length > previous.length &&
        next[0]?.id !== previous[0]?.id &&
        next.at(-1)?.id === previous.at(-1)?.id
      // Reading a size makes the browser lay the page out at once, before Vue has drawn the new
      // messages: read only what this change needs (opening a long conversation paid for two).
      const follow = !olderAdded && (followNewest || isNearBottom(element))
      const heightBefore = olderAdded ? element.scrollHeight : 0
      const topBefore = olderAdded ? element.scrollTop : 0
      void nextTick(() => {
        if (olderAdded) element.scrollTop = topBefore + (element.scrollHeight - heightBefore)
        else if (follow) element.scrollTop = element.scrollHeight
      })
    },
    { flush: 'pre' },
  )

  onMounted(() => {
    scroller.value?.addEventListener('scroll', onScroll, { passive: true })
    scrollToNewest()
  })
  onBeforeUnmount(() => scroller.value?.removeEventListener('scroll', onScroll))

  return { scrollToNewest }
}
