import type { HandlersFor } from '../../shared/api'
import type { clientsContract } from '../../shared/contract/clients'
import type { ClientSummary } from '../../shared/domain'
import type { Vault } from '../vault/vault'
import { layout } from '../fs/layout'
import { summaryFields } from '../relationship/insights'
import type { Clock, Viewpoint } from '../relationship/viewpoint'
import { systemClock, viewpointOf } from '../relationship/viewpoint'
import type { ClientRecord } from './client-store'

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

export function clientHandlers(vault: Vault, clock: Clock = systemClock): HandlersFor<typeof clientsContract> {
  const view = (): Viewpoint => viewpointOf(vault, clock)
  return {
    'clients:list': async () => {
      const at = view()
      return vault.clients
        .list()
        .map((record) => clientSummary(vault, record, at))
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }))
    },
    'clients:create': async ({ name }) => {
      vault.assertWritable()
      const at = view()
      return clientSummary(vault, await vault.clients.create(name, at.now), at)
    },
    'clients:rename': async ({ id, name }) => {
      vault.assertWritable()
      const { record, from, to } = await vault.clients.rename(id, name)
      vault.entries.moveFolder(from, to)
      return clientSummary(vault, record, view())
    },
    'clients:trash': async ({ id }) => {
      vault.assertWritable()
      await vault.clients.trash(id)
      vault.entries.forgetClient(id)
    }
  }
}
