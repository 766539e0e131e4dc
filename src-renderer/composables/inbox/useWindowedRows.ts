/**
 * A long list drawn a window at a time: rows of one fixed height, and only those in view (plus a
 * few either side) in the DOM, so 5,000 conversations scroll like 20. The caller renders
 * `range.start` to `range.end` inside a box `totalHeight` tall, moved down by `offset`.
 */
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export interface RowRange {
  start: number
  end: number
}

export function useWindowedRows(options: {
  count: Ref<number>
  rowHeight: number
  overscan?: number
}) {
  const { count, rowHeight } = options
  const overscan = options.overscan ?? 4
  const viewport = ref<HTMLElement | null>(null)
  const scrollTop = ref(0)
  const height = ref(0)
  let resizeObserver: ResizeObserver | null = null

  function measure(): void {
    const element = viewport.value
    if (!element) return
    scrollTop.value = element.scrollTop
    height.value = element.clientHeight
  }

  onMounted(() => {
    const element = viewport.value
    if (!element) return
    measure()
    element.addEventListener('scroll', measure, { passive: true })
    if (typeof ResizeObserver === 'function') {
      resizeObserver = new ResizeObserver(measure)
      resizeObserver.observe(element)
    }
  })

  onBeforeUnmount(() => {
    viewport.value?.removeEventListener('scroll', measure)
    resizeObserver?.disconnect()
  })

  const range = computed<RowRange>(() => {
    const first = Math.floor(scrollTop.value / rowHeight)
    const inView = Math.ceil(height.value / rowHeight) + 1
    return {
      start: Math.max(0, Math.min(count.value, first - overscan)),
      end: Math.max(0, Math.min(count.value, first + inView + overscan)),
    }
  })
  const totalHeight = computed(() => count.value * rowHeight)
  const offset = computed(() => range.value.start * rowHeight)

  /** Scrolls just enough for row `index` to be fully in view. */
  function scrollToIndex(index: number): void {
    const element = viewport.value
    if (!element) return
    const top = index * rowHeight
    if (top < element.scrollTop) element.scrollTop = top
    else if (top + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + rowHeight - element.clientHeight
    }
    measure()
  }

  /** Rows that fit in the viewport, for Page Up and Page Down. */
  const pageSize = computed(() => Math.max(1, Math.floor(height.value / rowHeight)))

  return { viewport, range, totalHeight, offset, scrollToIndex, pageSize, measure }
}
