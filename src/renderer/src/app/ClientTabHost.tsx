import type { ClientSummary } from '@shared/domain'
import { ClientTabs } from './ClientTabs'
import { clientTabs } from './registry'
import type { ViewContext } from '@renderer/platform/views'

interface ClientTabHostProps {
  client: ClientSummary
  tabId: string
  context: ViewContext
  onOpenTab: (id: string) => void
}

/** A client's tab other than its journal, with the client's name and the tabs above it. */
export function ClientTabHost({ client, tabId, context, onOpenTab }: ClientTabHostProps) {
  const tab = clientTabs.find((t) => t.id === tabId)
  if (!tab) return null
  const Tab = tab.component
  return (
    <main className="view-pane client-tab-pane" aria-label={`${client.name}: ${tab.label}`} tabIndex={-1}>
      <div className="pane-header entries-header">
        <div className="entries-heading">
          <h1 className="pane-title client-heading">{client.name}</h1>
          {client.organisation && <p className="client-subheading">{client.organisation}</p>}
        </div>
      </div>
      <ClientTabs tabs={clientTabs} activeId={tab.id} onOpen={onOpenTab} />
      <Tab context={context} client={client} />
    </main>
  )
}
