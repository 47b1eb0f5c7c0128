import { useImperativeHandle, useMemo, useRef, useState } from 'react'
import type { ReactNode, Ref } from 'react'
import type { ClientSummary } from '@shared/domain'
import { withShortcut } from '@renderer/platform/commands/shortcuts'
import type { ListboxHandle } from '@renderer/platform/ui/Listbox'
import { PlusIcon, SearchIcon } from '@renderer/platform/ui/icons'
import { ClientList } from './ClientList'
import { arrangeClients, ClientListOptions } from '@renderer/relationship'
import type { ClientShow, ClientSort } from '@renderer/relationship'
import { filterClients } from './filter-clients'
import './clients.css'

export interface ClientsSidebarHandle {
  focus(): void
}

interface ClientsSidebarProps {
  clients: readonly ClientSummary[]
  selectedId: string | null
  onSelect: (client: ClientSummary) => void
  onNewClient: () => void
  canCreate: boolean
  vaultName: string
  vaultRoot: string
  /** Shown above the client list: the app-wide views. */
  top?: ReactNode
  ref?: Ref<ClientsSidebarHandle>
}

export function ClientsSidebar(props: ClientsSidebarProps) {
  const { clients, selectedId, onSelect, onNewClient, canCreate, vaultName, vaultRoot, top, ref } = props
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<ClientSort>('name')
  const [show, setShow] = useState<ClientShow>('all')
  const visible = useMemo(() => arrangeClients(filterClients(clients, query), sort, show), [clients, query, sort, show])
  const listRef = useRef<ListboxHandle>(null)
  const filterRef = useRef<HTMLInputElement>(null)

  useImperativeHandle(ref, () => ({
    focus: () => {
      if (!listRef.current?.focus()) filterRef.current?.focus()
    }
  }))

  return (
    <nav aria-label="Clients" className="sidebar">
      {top}
      <div className="pane-header sidebar-header">
        <h2 className="pane-title">Clients</h2>
        <button
          type="button"
          className="button icon-button"
          aria-label="New client"
          title={withShortcut('New client', 'client.new')}
          onClick={onNewClient}
          disabled={!canCreate}
        >
          <PlusIcon />
        </button>
      </div>
      <div className="filter">
        <SearchIcon />
        <input
          ref={filterRef}
          type="search"
          className="filter-input"
          aria-label="Filter clients"
          placeholder="Filter clients"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault()
              listRef.current?.focus()
            } else if (event.key === 'Escape' && query) {
              event.preventDefault()
              setQuery('')
            }
          }}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      {clients.length > 1 && <ClientListOptions sort={sort} show={show} onSort={setSort} onShow={setShow} />}
      <div className="sidebar-list">
        <ClientList ref={listRef} clients={visible} selectedId={selectedId} onSelect={onSelect} />
        {visible.length === 0 && (
          <p className="sidebar-empty">
            {clients.length === 0 ? 'No clients yet.' : query.trim() ? `No clients match “${query.trim()}”.` : 'No clients match this filter.'}
          </p>
        )}
      </div>
      <div className="sidebar-footer" title={vaultRoot}>
        <span className="vault-name">{vaultName}</span>
      </div>
    </nav>
  )
}
