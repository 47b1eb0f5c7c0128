import type { Workspace } from '@shared/contract/workspace'
import { JOURNAL_PANE_WIDTH } from '@shared/contract/workspace'

/**
 * What the app opens on: the app-wide view left on screen, else the
 * journal of the client left open, else Today once there are clients (what
 * needs attention), else the journal. A view or client that is gone since
 * counts as nothing kept.
 */
export function startView(workspace: Workspace | null, clientIds: readonly string[], viewIds: readonly string[]): string | null {
  if (workspace?.view && viewIds.includes(workspace.view)) return workspace.view
  if (workspace?.clientId && clientIds.includes(workspace.clientId)) return null
  return clientIds.length > 0 && viewIds.includes('today') ? 'today' : null
}

/** The entry list's width before the person sets one (the layout's own). */
export const DEFAULT_PANE_WIDTH = 300
/** What the panes beside the entry list need: the sidebar, and room to write in. */
const SIDEBAR_WIDTH = 240
const MIN_EDITOR_WIDTH = 360

/**
 * The width the entry list is drawn at: the person's choice, narrowed to
 * leave the editor room in this window (the choice itself is kept, so a
 * window made larger again gets it back).
 */
export function fitPaneWidth(chosen: number | null, windowWidth: number): number {
  const widest = Math.max(JOURNAL_PANE_WIDTH.min, Math.min(JOURNAL_PANE_WIDTH.max, windowWidth - SIDEBAR_WIDTH - MIN_EDITOR_WIDTH))
  return Math.round(Math.min(widest, Math.max(JOURNAL_PANE_WIDTH.min, chosen ?? DEFAULT_PANE_WIDTH)))
}

/** The widest the entry list may be made in this window (for the resizer's keyboard End and its aria-valuemax). */
export const widestPane = (windowWidth: number): number => fitPaneWidth(JOURNAL_PANE_WIDTH.max, windowWidth)
