/** English texts for searching messages and customers. */
export const searchEn = {
  results: 'Search results',
  searching: 'Searching…',
  indexing: 'Still reading your messages for search ({indexed} of {total}); results so far:',
  nothing: 'Nothing found for “{query}”.',
  failed: 'Search did not work just now. Try again.',
  customerMatch: 'Name or number matches',
  messageCount: 'no matching messages | 1 matching message | {count} matching messages',
  more: '{count} more conversations match; add a word to narrow it down.',
  openConversation: 'Open the conversation with {name}',
  openMessage: 'Show this message from {time}',
  you: 'You:',
  clear: 'Clear search',
}
