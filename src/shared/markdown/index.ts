export * from './to-markdown'
