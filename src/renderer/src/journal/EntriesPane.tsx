import { useImperativeHandle, useRef, useState } from 'react'
import type { ReactNode, Ref } from 'react'
import type { ClientSummary, EntrySummary } from '@shared/domain'
import { shortcutLabel, withShortcut } from '@renderer/platform/commands/shortcuts'
import { runCommand } from '@renderer/platform/commands/useCommands'
import type { ListboxHandle } from '@renderer/platform/ui/Listbox'
import { ExportIcon, PencilIcon, PlusIcon, TrashIcon, WarningIcon } from '@renderer/platform/ui/icons'
import { EntryList } from './EntryList'
import './journal.css'

export interface EntriesPaneHandle {
  focus(): void
}

interface EntriesPaneProps {
  client: ClientSummary | null
  entries: readonly EntrySummary[] | null
  selectedId: string | null
  onSelect: (entry: EntrySummary) => void
  onNewEntry: () => void
  /** Opens the template picker ("New reflection"); no button without it. */
  onNewReflection?: () => void
  onRenameClient: () => void
  onTrashClient: () => void
  canWrite: boolean
  loadError: string | null
  /** The client's tabs (Journal, Profile…), under the header. */
  tabs?: ReactNode
  ref?: Ref<EntriesPaneHandle>
}

export function EntriesPane(props: EntriesPaneProps) {
  const { client, entries, selectedId, onSelect, onNewEntry, onNewReflection, onRenameClient, onTrashClient, canWrite, loadError, tabs, ref } = props
  const listRef = useRef<ListboxHandle>(null)
  const newEntryRef = useRef<HTMLButtonElement>(null)
  const sectionRef = useRef<HTMLElement>(null)
  // Once the list is scrolled, a line under the buttons marks where it is cut, so no row seems to run on under them.
  const [scrolled, setScrolled] = useState(false)

  useImperativeHandle(ref, () => ({
    focus: () => {
      if (listRef.current?.focus()) return
      if (newEntryRef.current && !newEntryRef.current.disabled) newEntryRef.current.focus()
      else sectionRef.current?.focus()
    }
  }))

  const canAddEntry = canWrite && client !== null && !client.problem
  const shortcut = shortcutLabel('entry.new')

  return (
    <section aria-label="Entries" className="entries-pane" ref={sectionRef} tabIndex={-1} data-scrolled={scrolled || undefined}>
      <div className="pane-header entries-header">
        <div className="entries-heading">
          <h1 className="pane-title client-heading">{client ? client.name : 'Entries'}</h1>
          {client?.organisation && <p className="client-subheading">{client.organisation}</p>}
        </div>
        {client && (
          <div className="pane-actions">
            <button
              type="button"
              className="button icon-button"
              aria-label="Rename client"
              title="Rename client"
              onClick={onRenameClient}
              disabled={!canWrite || Boolean(client.problem)}
            >
              <PencilIcon />
            </button>
            {/* Export… starts with the client on screen, so this is the same command as the menu's. */}
            <button
              type="button"
              className="button icon-button"
              aria-label="Export client…"
              title={withShortcut('Export client…', 'vault.export')}
              onClick={() => runCommand('vault.export')}
            >
              <ExportIcon />
            </button>
            <button
              type="button"
              className="button icon-button"
              aria-label="Move client to trash"
              title="Move client to trash"
              onClick={onTrashClient}
              disabled={!canWrite}
            >
              <TrashIcon />
            </button>
          </div>
        )}
      </div>
      {tabs}
      {client && (
        <div className="entries-toolbar">
          <button
            ref={newEntryRef}
            type="button"
            className="button new-entry-button"
            onClick={onNewEntry}
            disabled={!canAddEntry}
            title={withShortcut('New entry', 'entry.new')}
          >
            <PlusIcon />
            <span>New entry</span>
            {shortcut && (
              <kbd className="shortcut-hint" aria-hidden="true">
                {shortcut}
              </kbd>
            )}
          </button>
          {onNewReflection && (
            <button
              type="button"
              className="button subtle new-reflection-button"
              onClick={onNewReflection}
              disabled={!canAddEntry}
              title={withShortcut('New reflection from a template', 'entry.reflection')}
            >
              <span>New reflection…</span>
            </button>
          )}
        </div>
      )}
      {client?.problem && (
        <p className="pane-notice" role="note">
          <WarningIcon />
          <span>Rapport cannot read this client's details, so nothing new can be added until the file is fixed. {client.problem}</span>
        </p>
      )}
      <div className="entries-body" onScroll={(event) => setScrolled(event.currentTarget.scrollTop > 0)}>
        {loadError ? (
          <p role="alert" className="empty-state">
            {loadError}
          </p>
        ) : !client ? (
          <p className="empty-state">Choose a client to see their journal.</p>
        ) : entries === null ? null : entries.length === 0 ? (
          <p className="empty-state">No entries yet. Press Ctrl+N (⌘N on macOS) to write the first one.</p>
        ) : (
          <EntryList ref={listRef} entries={entries} selectedId={selectedId} onSelect={onSelect} />
        )}
      </div>
    </section>
  )
}
