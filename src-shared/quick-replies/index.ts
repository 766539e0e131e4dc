/** Quick replies: the owner's canned answers, their shortcuts, variables, list filter and files. */
export * from './quick-reply'
export * from './shortcut'
export * from './reply-context'
export * from './expand'
export * from './filter'
export * from './starter-set'
export * from './export-file'
export * from './attachment-rules'
