import type { HandlersFor } from '../../shared/api'
import type { clientsContract } from '../../shared/contract/clients'
import type { Vault } from '../vault/vault'
import { clientSummary } from '../relationship/client-summary'
import type { Clock, Viewpoint } from '../relationship/viewpoint'
import { systemClock, viewpointOf } from '../relationship/viewpoint'

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
