import type { DesktopNotification } from '../../shared/contract/relationship'

/** How many items the one "while you were away" notification names before "and N more". */
const NAMED = 3

/**
 * What fell due while Rapport was closed, said once at the next start: one
 * notification for all of it rather than a burst of one per item. `due` is
 * what `dueNotifications` would show now (not shown before); empty → nothing.
 */
export function missedSummary(due: readonly DesktopNotification[]): DesktopNotification | null {
  const first = due[0]
  if (first === undefined) return null
  if (due.length === 1) return first
  const named = due.slice(0, NAMED).map((n) => n.title)
  const more = due.length > NAMED ? `, and ${due.length - NAMED} more` : ''
  return {
    key: `missed:${due.map((n) => n.key).join('|')}`,
    title: `${due.length} reminders while Rapport was closed`,
    body: `${named.join('; ')}${more}. Today lists them all.`,
    clientId: first.clientId
  }
}
