import type { SearchFilters } from '@shared/contract/search'

/**
 * The last search, kept while the app runs: opening a result leaves the
 * search view, and coming back (Ctrl/Cmd+Shift+F) should find the same
 * question and results, not an empty box.
 */
export const searchMemory: { query: string; filters: SearchFilters } = { query: '', filters: {} }
