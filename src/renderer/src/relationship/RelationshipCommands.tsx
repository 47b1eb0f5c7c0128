import { useEffect, useState } from 'react'
import type { ClientDetail } from '@shared/contract/relationship'
import type { ClientSummary } from '@shared/domain'
import { call } from '@renderer/platform/api'
import type { JournalControls, ViewContext } from '@renderer/platform/views'
import { useRelationshipActions } from './useRelationshipActions'

/**
 * Stage, trust and "log interaction" for the selected client from anywhere in
 * the app (its journal included), not only from its Profile and Timeline tabs:
 * two keystrokes, wherever the person is. The tabs register the same commands
 * while open and take precedence.
 */
export function RelationshipCommands({ context, journal }: { context: ViewContext; journal: JournalControls }) {
  const { client } = journal
  if (!client) return null
  return <ForClient key={client.id} context={context} client={client} />
}

function ForClient({ context, client }: { context: ViewContext; client: ClientSummary }) {
  const [detail, setDetail] = useState<ClientDetail | null>(null)
  useEffect(() => {
    let live = true
    call('clients:get', { id: client.id })
      .then((fresh) => live && setDetail(fresh))
      .catch(() => undefined) // A client that cannot be read simply has these commands disabled.
    return () => {
      live = false
    }
  }, [client.id, client.stage, client.trust])
  const actions = useRelationshipActions(client, detail, context, setDetail)
  return <>{actions.dialogs}</>
}
