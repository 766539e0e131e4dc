/** The pure heart of sync: clocks, operations, their merge, compaction and the relay protocol. */
export * from './canonical-json'
export * from './hlc'
export * from './merge'
export * from './operation'
export * from './protocol'
export * from './seeded-random'
export * from './snapshot'
export * from './sync-result'
