import type { ComponentType } from 'react'
import type { ClientSummary, VaultInfo } from '@shared/domain'

/**
 * What every view can do in the app around it. Views are feature folders
 * (today, commitments, profile, brief, safety…); they reach the core through
 * `call` and each other only through this.
 */
export interface ViewContext {
  info: VaultInfo
  canWrite: boolean
  clients: readonly ClientSummary[]
  /** Shows a client: its journal, or one of its tabs (profile, timeline, brief…). */
  openClient(clientId: string, tab?: string): void
  /** Opens an entry in the journal (saving the open one first); with `reveal`, selects where that text first appears. */
  openEntry(clientId: string | null, entryId: string, reveal?: string): void
  /** Opens one of the app-wide views (today, commitments, trash…). */
  openView(viewId: string): void
  /** Reads the client list, the open client's entries and the vault's state again after a view changed something. */
  refresh(): Promise<void>
  /** A message for the person, shown as an alert they can dismiss. */
  notify(message: string): void
}

/** A view of the whole vault, listed under the sidebar's "Views". */
export interface GlobalView {
  id: string
  label: string
  icon: ComponentType
  component: ComponentType<{ context: ViewContext }>
}

/** A tab beside "Journal" for the selected client. */
export interface ClientTab {
  id: string
  label: string
  component: ComponentType<{ context: ViewContext; client: ClientSummary }>
}
