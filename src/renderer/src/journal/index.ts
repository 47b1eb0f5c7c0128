/** A client's journal: the list of its entries and the commands on them. */
export { EntriesPane } from './EntriesPane'
export type { EntriesPaneHandle } from './EntriesPane'
export { EntryCommands } from './EntryCommands'
export { entryTitle } from './EntryList'
