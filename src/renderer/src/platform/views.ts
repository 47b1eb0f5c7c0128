import type { ComponentType } from 'react'
import type { ClientSummary, EntrySummary, VaultInfo } from '@shared/domain'

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
  /** Saves the open entry now; false when it could not be saved (its text stays on screen). */
  flush(): Promise<boolean>
  /** The app-wide views, in the order the sidebar lists them. */
  views: ReadonlyArray<{ id: string; label: string }>
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

/**
 * What the shell lets a command host do to the journal it keeps: the client
 * on screen, its open entry, and the lists they sit in.
 */
export interface JournalControls {
  client: ClientSummary | null
  entry: EntrySummary | null
  /** A new or renamed client, put in its place in the sorted list. */
  putClient(client: ClientSummary): void
  /** Shows a client's journal, saving the open entry first; resolves once it is selected (or the move was overtaken). */
  selectClient(clientId: string): Promise<void>
  /** Creates an entry for the client on screen (from `template`, a reflection, whose errors are thrown) and opens it. */
  newEntry(template?: string): Promise<void>
  /** A client now in the trash: closed if open, and gone from the list. */
  forgetClient(clientId: string): void
  /** An entry now in the trash: its editor dropped if open, and gone from the list. */
  forgetEntry(entryId: string): void
  /** The id of the entry in the editor, if any: an action on it saves it first (`context.flush`). */
  openEntryId(): string | null
  /** Focus targets for after a dialog that did its work. */
  focusClients(): void
  focusEntries(): void
}

/**
 * A feature's always-mounted part: it registers the commands the feature owns
 * (useCommands) and shows their dialogs. The shell mounts each one in its
 * registry; a button elsewhere reaches it through `runCommand`.
 */
export type CommandHost = ComponentType<{ context: ViewContext; journal: JournalControls }>
