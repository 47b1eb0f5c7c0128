import { useRef } from 'react'
import type { CSSProperties } from 'react'
import { ClientsSidebar } from '@renderer/clients'
import type { ClientsSidebarHandle } from '@renderer/clients'
import { EditorPane } from '@renderer/editor'
import type { EntryEditorHandle } from '@renderer/editor'
import { EntriesPane } from '@renderer/journal'
import type { EntriesPaneHandle } from '@renderer/journal'
import { runCommand, useCommands } from '@renderer/platform/commands/useCommands'
import type { JournalControls, ViewContext } from '@renderer/platform/views'
import { AppAlert } from './AppAlert'
import { PaneResizer } from './PaneResizer'
import { ClientTabHost } from './ClientTabHost'
import { ClientTabs } from './ClientTabs'
import { clientTabs, commandHosts, globalViews } from './registry'
import { useShell } from './useShell'
import { VaultBanner } from './VaultBanner'
import { ViewNav } from './ViewNav'
import { Welcome } from './Welcome'
import './app.css'

/** The app-wide view with this id, in the panes beside the sidebar. */
function GlobalViewHost({ viewId, context }: { viewId: string; context: ViewContext }) {
  const view = globalViews.find((v) => v.id === viewId)
  if (!view) return null
  const View = view.component
  return (
    <main className="view-pane" aria-label={view.label} tabIndex={-1}>
      <View context={context} />
    </main>
  )
}

/** Every feature's commands and their dialogs, from the registry. */
function CommandHosts({ context, journal }: { context: ViewContext; journal: JournalControls }) {
  return commandHosts.map((Host, index) => <Host key={index} context={context} journal={journal} />)
}

/** The shell: the sidebar, the journal or a view beside it, and every feature's commands. */
export function App() {
  const editorRef = useRef<EntryEditorHandle>(null)
  const sidebarRef = useRef<ClientsSidebarHandle>(null)
  const entriesRef = useRef<EntriesPaneHandle>(null)
  const mainRef = useRef<HTMLElement | null>(null)
  const focusClients = () => sidebarRef.current?.focus()
  const focusEntries = () => entriesRef.current?.focus()
  const shell = useShell({ editor: editorRef, focusClients, focusEntries })
  const { journal, client, context, controls, view, entry, alert } = shell
  const { info, clients, selectedClientId, entries, selectedEntryId } = journal

  useCommands({
    'entry.export': { enabled: () => selectedEntryId !== null, run: () => void editorRef.current?.exportEntry() },
    'view.focusClients': { enabled: () => true, run: focusClients },
    'view.focusEntries': { enabled: () => true, run: focusEntries },
    'view.focusEditor': {
      enabled: () => true,
      run: () => (editorRef.current ? editorRef.current.focusBody() : mainRef.current?.focus())
    }
  })

  if (journal.startError) {
    return (
      <div className="app-start-error" role="alert">
        <h1>Rapport could not open your journal</h1>
        <p>{journal.startError}</p>
      </div>
    )
  }
  if (!info || !context) return <div className="app app-loading" aria-busy="true" />

  const showWelcome = clients.length === 0 && !journal.hasUnfiledEntries && !info.readingEntries
  const { activeView, clientTab, setClientTab, paneWidth } = view

  return (
    <div className="app">
      <VaultBanner info={info} onRepaired={() => void context.refresh()} />
      <div className={`panes ${showWelcome ? 'welcoming' : ''}`} style={{ '--journal-pane-width': `${paneWidth.width}px` } as CSSProperties}>
        <ClientsSidebar
          top={<ViewNav views={globalViews} activeId={activeView} onOpen={(id) => context.openView(id)} />}
          ref={sidebarRef}
          clients={clients}
          selectedId={activeView === null ? selectedClientId : null}
          onSelect={view.openClient}
          onNewClient={() => runCommand('client.new')}
          canCreate={context.canWrite}
          vaultName={info.name}
          vaultRoot={info.root}
        />
        {showWelcome ? (
          <Welcome vaultRoot={info.root} canCreate={context.canWrite} onAddClient={() => runCommand('client.new')} />
        ) : activeView !== null ? (
          <GlobalViewHost viewId={activeView} context={context} />
        ) : client && clientTab !== 'journal' ? (
          <ClientTabHost client={client} tabId={clientTab} context={context} onOpenTab={setClientTab} />
        ) : (
          <>
            <EntriesPane
              ref={entriesRef}
              client={client}
              entries={entries}
              selectedId={selectedEntryId}
              onSelect={entry.openEntry}
              onNewEntry={() => void entry.newEntry()}
              onNewReflection={() => runCommand('entry.reflection')}
              onRenameClient={() => runCommand('client.rename')}
              onTrashClient={() => runCommand('client.trash')}
              canWrite={context.canWrite}
              loadError={journal.entriesError}
              tabs={client ? <ClientTabs tabs={clientTabs} activeId="journal" onOpen={setClientTab} /> : null}
            />
            <PaneResizer width={paneWidth.width} widest={paneWidth.widest} onResize={paneWidth.choose} />
            <EditorPane
              entryId={selectedEntryId}
              preloaded={entry.arrival.created}
              info={info}
              hasClient={client !== null}
              onSaved={entry.updateEntry}
              onGone={entry.onGone}
              onTrash={entry.onTrash}
              onFilesBeside={entry.reloadEntries}
              onOpened={entry.arrival.onOpened}
              editorRef={editorRef}
              mainRef={mainRef}
            />
          </>
        )}
      </div>

      <CommandHosts context={context} journal={controls} />
      {alert.message && <AppAlert message={alert.message} onDismiss={alert.dismiss} />}
      {shell.leaveDialog}
    </div>
  )
}
