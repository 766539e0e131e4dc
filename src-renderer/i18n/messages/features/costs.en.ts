/** English texts for the cost meter and the costs screen. */
export const costsEn = {
  title: 'Costs',
  empty: 'No costs yet',
  emptyHint: 'What each message costs, and what you spent this month, appear here once you send.',
}
