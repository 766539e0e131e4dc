/** Message templates: their shape, the platform's review rules, send parameters and preview. */
export * from './template'
export * from './limits'
export * from './placeholders'
export * from './check-template'
export * from './parameters'
export * from './preview'
export * from './recipient'
export * from './send-values'
