import { useEffect, useState } from 'react'
import type { ReflectionSummary } from '@shared/contract/templates'
import type { ClientSummary } from '@shared/domain'
import type { VaultChanges } from '@shared/contract/vault'
import { call, errorMessage } from '@renderer/platform/api'
import { onVaultChange, touchesClient, touchesEntries, touchesTemplates } from '@renderer/platform/vault-changes'
import type { ViewContext } from '@renderer/platform/views'
import { dayLabel } from './chart-scales'
import { MonthStrip } from './MonthStrip'
import { plural } from './record-items'
import { ScaleChart } from './ScaleChart'
import './templates.css'

/** The newest reflections listed under the charts; the rest are a click away in the journal. */
const RECENT_SHOWN = 8

/** Reflections over time, for one client or (client null) the whole vault. */
export function ReflectionsPanel({ context, client }: { context: ViewContext; client: ClientSummary | null }) {
  const [summary, setSummary] = useState<ReflectionSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const clientId = client?.id ?? null

  useEffect(() => {
    let cancelled = false
    const load = () =>
      call('reflections:summary', { clientId }).then(
        (result) => {
          if (cancelled) return
          setSummary(result)
          setError(null)
        },
        (caught: unknown) => !cancelled && setError(errorMessage(caught))
      )
    void load()
    // Entries written or changed elsewhere (another window, a sync tool) show up without leaving the view.
    const concerns = (changes: VaultChanges) => touchesTemplates(changes) || (clientId ? touchesClient(changes, clientId) : touchesEntries(changes))
    const unsubscribe = onVaultChange(concerns, () => void load())
    return () => {
      cancelled = true
      unsubscribe()
    }
  }, [clientId])

  if (error) {
    return (
      <p role="alert" className="empty-state">
        {error}
      </p>
    )
  }
  if (!summary) return <div className="reflections" aria-busy="true" />
  if (summary.total === 0) {
    return (
      <div className="reflections">
        <p className="empty-state reflections-empty">
          No reflections yet. Start one with “New reflection…” in {client ? `${client.name}’s` : 'a client’s'} journal; they will show here over time.
        </p>
      </div>
    )
  }

  const names = new Map(summary.templates.map((t) => [t.id, t.name]))
  const clientName = (id: string | null) => context.clients.find((c) => c.id === id)?.name
  return (
    <div className="reflections">
      <p className="reflections-total">
        {plural(summary.total, 'reflection', 'reflections')}
        {client ? ` about ${client.name}` : ' across all clients'}, using {plural(summary.templates.length, 'template', 'templates')}.
      </p>
      <MonthStrip summary={summary} />
      {summary.series
        .filter((s) => s.points.length > 0)
        .map((series) => (
          <ScaleChart key={series.field} series={series} templateNames={names} />
        ))}
      <section aria-labelledby="reflections-recent" className="reflections-recent">
        <h3 id="reflections-recent" className="reflections-subheading">
          Most recent
        </h3>
        <ul>
          {summary.timeline.slice(0, RECENT_SHOWN).map((item) => (
            <li key={item.entryId}>
              <button type="button" className="reflection-link" onClick={() => context.openEntry(item.clientId, item.entryId)}>
                {item.title || names.get(item.template) || 'Untitled'}
              </button>
              <span className="reflection-meta">
                {dayLabel(item.created)}
                {/* A reflection left with its template's name as title need not say the name twice. */}
                {item.title && item.title !== names.get(item.template) ? ` · ${names.get(item.template) ?? item.template}` : ''}
                {!client && clientName(item.clientId) ? ` · ${clientName(item.clientId)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

/** The client tab "Reflections". */
export function ReflectionsTab({ context, client }: { context: ViewContext; client: ClientSummary }) {
  return <ReflectionsPanel context={context} client={client} />
}

/** The app-wide view "Reflections": every client's together. */
export function ReflectionsView({ context }: { context: ViewContext }) {
  return (
    <div className="reflections-view">
      <div className="pane-header">
        <h2 className="pane-title">Reflections</h2>
      </div>
      <ReflectionsPanel context={context} client={null} />
    </div>
  )
}
