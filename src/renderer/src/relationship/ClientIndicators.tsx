import type { ClientSummary } from '@shared/domain'
import { stageWords } from './words'
import './relationship.css'

/**
 * Small marks in the client list: stage, overdue promises, follow-up due,
 * gone quiet. Each is words (short on screen, whole for screen readers), so
 * none depends on colour.
 */
export function ClientIndicators({ client }: { client: ClientSummary }) {
  const overdue = client.overdueCommitments ?? 0
  return (
    <span className="client-indicators">
      {client.stage && <span className="indicator stage">{stageWords[client.stage]}</span>}
      {overdue > 0 && <span className="indicator overdue">{overdue} overdue</span>}
      {client.followUpDue && <span className="indicator follow-up">Follow up</span>}
      {client.quiet && <span className="indicator quiet">Quiet</span>}
    </span>
  )
}
