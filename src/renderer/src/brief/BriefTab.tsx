import { useCallback } from 'react'
import type { ClientSummary } from '@shared/domain'
import { call } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { useLiveRead } from '@renderer/platform/hooks/useAsyncList'
import type { VaultChanges } from '@shared/contract/vault'
import { touchesClient } from '@renderer/platform/vault-changes'
import { BriefActions } from './BriefActions'
import { BriefPage } from './BriefPage'
import './brief.css'

/** The client tab "Brief": the one page to read before a call, with ways to take it along. Read again when the vault changes. */
export function BriefTab({ context, client }: { context: ViewContext; client: ClientSummary }) {
  const read = useCallback(() => call('brief:get', { clientId: client.id }), [client.id])
  const concerns = useCallback((changes: VaultChanges) => touchesClient(changes, client.id), [client.id])
  const { value: brief, error } = useLiveRead(read, concerns)

  if (error)
    return (
      <p className="brief-error" role="alert">
        {error}
      </p>
    )
  if (!brief || brief.clientId !== client.id) return <div className="brief-tab" aria-busy="true" />
  return (
    <div className="brief-tab">
      <BriefActions clientId={client.id} />
      <BriefPage brief={brief} openEntry={(entry) => context.openEntry(client.id, entry.entryId)} />
    </div>
  )
}
