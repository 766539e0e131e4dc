/**
 * A text with the words a search matched marked. Customer text stays text: the parts become
 * text nodes and `<mark>` elements made here, never HTML. Split by the same word rules core
 * searched with (src-shared/search), so what was found is what is marked.
 */
import { computed, defineComponent, h } from 'vue'
import {
  highlightParts,
  matchRanges,
  parseSearchQuery,
} from '../../../../src-shared/search/search-words'

export default defineComponent({
  name: 'HighlightedText',
  props: {
    text: { type: String, required: true },
    query: { type: String, required: true },
  },
  setup(props) {
    const parts = computed(() =>
      highlightParts(props.text, matchRanges(props.text, parseSearchQuery(props.query))),
    )
    return () =>
      h(
        'span',
        { dir: 'auto' },
        parts.value.map((part) =>
          part.match ? h('mark', { class: 'search-match' }, part.text) : part.text,
        ),
      )
  },
})
