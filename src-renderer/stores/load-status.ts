/** Where a store stands with what it loads from core; views show each state honestly. */
export type LoadStatus = 'idle' | 'loading' | 'done' | 'error'
