import type { ClientSummary } from '../../shared/domain'
import type { ClientRecord } from '../clients/client-store'
import { layout } from '../fs/layout'
import type { Vault } from '../vault/vault'
import { summaryFields } from './insights'
import type { Viewpoint } from './viewpoint'
import { viewpointOf } from './viewpoint'

/** What the client list shows for one client; `at` is the moment and settings the relationship fields are judged by (taken once for a whole list). */
export function clientSummary(vault: Vault, record: ClientRecord, at: Viewpoint = viewpointOf(vault)): ClientSummary {
  const { count, last } = vault.entries.countFor(record.id)
  const result: ClientSummary = {
    id: record.id,
    name: record.data?.name ?? record.slug,
    entryCount: count,
    // Until a vault opened in the background has read its entries, a count of 0 would be a guess.
    ...(vault.readingEntries ? { counting: true as const } : {}),
    path: `${layout.clientsDir}/${record.slug}`
  }
  if (record.data?.organisation) result.organisation = record.data.organisation
  if (record.data?.stage) result.stage = record.data.stage.current
  if (last) result.lastEntryAt = last
  if (record.problem) result.problem = record.problem
  if (record.data) Object.assign(result, summaryFields(record.data, at))
  return result
}
