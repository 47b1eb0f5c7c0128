/** Full-text search of the vault. */
export { SearchCommand } from './SearchCommand'
export { searchView } from './views'
