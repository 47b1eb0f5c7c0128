import type { HandlersFor } from '../../shared/api'
import type { searchContract } from '../../shared/contract/search'
import type { SearchService } from './search-service'

/** Search: the open vault's index, started in the background as soon as the handlers exist, so it is ready by the time someone searches. */
export function searchHandlers(search: SearchService): HandlersFor<typeof searchContract> {
  search.startSoon()
  return {
    'search:query': (input) => search.query(input),
    'search:status': async () => search.status()
  }
}
