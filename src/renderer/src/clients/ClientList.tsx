import type { Ref } from 'react'
import type { ClientSummary } from '@shared/domain'
import { Listbox } from '@renderer/platform/ui/Listbox'
import type { ListboxHandle } from '@renderer/platform/ui/Listbox'
import { WarningIcon } from '@renderer/platform/ui/icons'
import { ClientIndicators } from '@renderer/relationship'
import './clients.css'

interface ClientListProps {
  clients: readonly ClientSummary[]
  selectedId: string | null
  onSelect: (client: ClientSummary) => void
  ref?: Ref<ListboxHandle>
}

const entryCount = (count: number) => (count === 1 ? '1 entry' : `${count.toLocaleString('en')} entries`)

export function ClientList({ clients, selectedId, onSelect, ref }: ClientListProps) {
  return (
    <Listbox
      ref={ref}
      label="Clients"
      className="client-list"
      items={clients}
      getId={(client) => client.id}
      getLabel={(client) => client.name}
      selectedId={selectedId}
      onSelect={onSelect}
      renderOption={(client, { descriptionId }) => (
        <>
          <span className="client-name-row">
            <span className="client-name">{client.name}</span>
            {client.problem && (
              <span className="client-problem" title={`Rapport cannot read this client's details: ${client.problem}`}>
                <WarningIcon />
              </span>
            )}
          </span>
          <span className="client-meta" id={descriptionId}>
            {client.organisation && <span className="client-organisation">{client.organisation}</span>}
            <span className="client-count">{client.counting ? 'counting entries…' : entryCount(client.entryCount)}</span>
            <ClientIndicators client={client} />
            {client.problem && <span className="visually-hidden">Cannot read its details: {client.problem}</span>}
          </span>
        </>
      )}
    />
  )
}
