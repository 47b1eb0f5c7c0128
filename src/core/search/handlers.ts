import type { HandlersFor } from '../../shared/api'
import type { searchContract } from '../../shared/contract/search'
import type { Vault } from '../vault/vault'
import { searchServiceOf } from './search-service'

/** Search: one index per vault, started in the background as soon as the handlers exist, so it is ready by the time someone searches. */
export function searchHandlers(vault: Vault): HandlersFor<typeof searchContract> {
  const search = searchServiceOf(vault)
  search.startSoon()
  return {
    'search:query': (input) => search.query(input),
    'search:status': async () => search.status()
  }
}
