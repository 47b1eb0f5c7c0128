import type { SearchFilters } from '../../shared/contract/search'
import type { Vault } from '../vault/vault'
import type { DocInfo } from './documents'

/**
 * The documents a search's filters let through. Dates compare by day
 * (`from` and `to` included); a client's stage is its stage now, read from
 * the vault, so a change of stage needs no re-indexing.
 */
export function filterOf(filters: SearchFilters | undefined, vault: Vault): (doc: DocInfo) => boolean {
  return acceptedBy(filterSpecOf(filters, vault))
}

/** A search's filters with what they need from the vault worked out (the clients at a stage): plain data, sent to the index's thread. */
export type FilterSpec = Omit<SearchFilters, 'stage'> & { clientIds?: string[] }

export function filterSpecOf(filters: SearchFilters | undefined, vault: Vault): FilterSpec {
  if (!filters) return {}
  const { stage, ...rest } = filters
  return stage ? { ...rest, clientIds: vault.clients.list().flatMap((c) => (c.data?.stage?.current === stage ? [c.id] : [])) } : rest
}

export function acceptedBy(spec: FilterSpec): (doc: DocInfo) => boolean {
  const { clientId, template, from, to, kinds } = spec
  const tag = spec.tag?.toLowerCase()
  const atStage = spec.clientIds ? new Set(spec.clientIds) : null
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
