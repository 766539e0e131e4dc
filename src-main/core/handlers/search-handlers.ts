/** Core's handlers for `src-shared/bridge/features/search.ts`. */
import type { searchMethods } from '../../../src-shared/bridge/features/search'
import type { ShopSearch } from '../search/shop-search'
import type { HandlersFor } from './feature-context'

export function createSearchHandlers(search: ShopSearch): HandlersFor<typeof searchMethods> {
  return {
    'inbox.search': ({ query, limit, messagesPerConversation }) =>
      search.search(query, { limit, messagesPerConversation }),
  }
}
