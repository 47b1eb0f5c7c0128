import type { SearchFilters } from '../../shared/contract/search'
import type { Vault } from '../vault/vault'
import type { DocInfo } from './documents'

/**
 * The documents a search's filters let through. Dates compare by day
 * (`from` and `to` included); a client's stage is its stage now, read from
 * the vault, so a change of stage needs no re-indexing.
 */
export function filterOf(filters: SearchFilters | undefined, vault: Vault): (doc: DocInfo) => boolean {
  if (!filters) return () => true
  const { clientId, template, from, to, kinds } = filters
  const tag = filters.tag?.toLowerCase()
  const atStage = filters.stage ? new Set(vault.clients.list().flatMap((c) => (c.data?.stage?.current === filters.stage ? [c.id] : []))) : null
  return (doc) => {
    if (kinds && !kinds.includes(doc.kind)) return false
    if (clientId !== undefined && doc.clientId !== clientId) return false
    if (template !== undefined && doc.template !== template) return false
    if (tag !== undefined && !doc.tags.includes(tag)) return false
    if (atStage && (doc.clientId === null || !atStage.has(doc.clientId))) return false
    if (from !== undefined || to !== undefined) {
      const day = doc.date?.slice(0, 10)
      if (!day || (from !== undefined && day < from) || (to !== undefined && day > to)) return false
    }
    return true
  }
}
