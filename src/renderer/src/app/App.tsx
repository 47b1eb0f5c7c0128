import { useEffect, useRef, useState } from 'react'
import type { ClientSummary, Entry, EntrySummary } from '@shared/domain'
import { BriefCommand } from '@renderer/brief/BriefCommand'
import { MentionNavigator } from '@renderer/mentions/MentionNavigator'
import { PeopleCommands } from '@renderer/people/PeopleCommands'
import { RelationshipCommands } from '@renderer/relationship/RelationshipCommands'
import { PaletteCommand } from '@renderer/palette/PaletteCommand'
import { SearchCommand } from '@renderer/search/SearchCommand'
import { ClientNameDialog } from '@renderer/clients/ClientNameDialog'
import { ClientsSidebar } from '@renderer/clients/ClientsSidebar'
import type { ClientsSidebarHandle } from '@renderer/clients/ClientsSidebar'
import { useCommands } from '@renderer/commands/useCommands'
import { EditorPane } from '@renderer/editor/EditorPane'
import type { EntryEditorHandle } from '@renderer/editor/EntryEditor'
import { EntriesPane } from '@renderer/journal/EntriesPane'
import type { EntriesPaneHandle } from '@renderer/journal/EntriesPane'
import { entryTitle } from '@renderer/journal/EntryList'
import { ConfirmDialog } from '@renderer/ui/ConfirmDialog'
import { TemplatePicker } from '@renderer/templates/TemplatePicker'
import { TransferCommands } from '@renderer/transfer/TransferCommands'
import { ContactsCommands } from '@renderer/contacts/ContactsCommands'
import { PlainExportConfirm } from '@renderer/security/PlainExportConfirm'
import { SecurityCommands } from '@renderer/security/SecurityCommands'
import { call, errorMessage, onEvent } from './api'
import { useOpenClientFromShell } from '@renderer/rhythm/useOpenClientFromShell'
import { AppAlert } from './AppAlert'
import { useFlushEvents } from './useFlushEvents'
import { useJournal } from './useJournal'
import { useStableCallback } from './use-stable-callback'
import { ClientTabHost } from './ClientTabHost'
import { ClientTabs } from './ClientTabs'
import { clientTabs, globalViews } from './registry'
import { VaultBanner } from './VaultBanner'
import { ViewNav } from './ViewNav'
import type { ViewContext } from './views'
import { Welcome } from './Welcome'
import './app.css'

type DialogState =
  | { kind: 'new-client' }
  | { kind: 'rename-client'; client: ClientSummary }
  | { kind: 'trash-client'; client: ClientSummary }
  | { kind: 'trash-entry'; entry: EntrySummary }
  | { kind: 'leave'; message: string; resolve: (leave: boolean) => void }
  | { kind: 'reflection'; client: ClientSummary }

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

export function App() {
  const { journal, refresh, selectClient, selectEntry, putClient, removeClient, addEntry, updateEntry, removeEntry } = useJournal()
  const { info, clients, selectedClientId, entries, selectedEntryId } = journal
  const [dialog, setDialog] = useState<DialogState | null>(null)
  const [alert, setAlert] = useState<string | null>(null)
  const editorRef = useRef<EntryEditorHandle>(null)
  const sidebarRef = useRef<ClientsSidebarHandle>(null)
  const entriesRef = useRef<EntriesPaneHandle>(null)
  const mainRef = useRef<HTMLElement | null>(null)
  // Which new entry should get the cursor in its title once it is on screen.
  const focusTitleOf = useRef<string | null>(null)
  // A new reflection gets the cursor in its first prompt's answer instead.
  const focusPromptOf = useRef<string | null>(null)
  // A search result opens its entry at the match: the words to select once that entry is on screen.
  const revealIn = useRef<{ entryId: string; text: string } | null>(null)
  // A just-created entry is handed to the editor as is, rather than read back from disk a moment later.
  const [created, setCreated] = useState<Entry | null>(null)
  // Each navigation gets a number; one overtaken by a newer click while it waited for a save is dropped.
  const navigation = useRef(0)
  const creatingEntry = useRef(false)
  const afterDialog = useRef<(() => void) | null>(null)
  // An app-wide view (Today, Commitments…) in place of the journal, or null; and the selected client's tab.
  const [activeView, setActiveView] = useState<string | null>(null)
  const [clientTab, setClientTab] = useState('journal')

  const client = clients.find((c) => c.id === selectedClientId) ?? null
  const selectedEntry = entries?.find((e) => e.id === selectedEntryId) ?? null
  const canWrite = info !== null && !info.readOnly

  /** Saves the open entry before anything replaces it; asks before leaving edits that cannot be saved. */
  const leaveEntry = async (): Promise<boolean> => {
    const editor = editorRef.current
    if (!editor || (await editor.flush())) return true
    const message = editor.saveProblem() ?? 'Your latest changes could not be saved.'
    const leave = await new Promise<boolean>((resolve) => setDialog({ kind: 'leave', message, resolve }))
    if (leave) editor.discard()
    return leave
  }

  const navigate = async (to: () => void) => {
    const token = ++navigation.current
    if (!(await leaveEntry()) || token !== navigation.current) return
    to()
  }

  const openClient = (next: ClientSummary) => {
    if (next.id === selectedClientId && activeView === null) return
    void navigate(() => {
      setActiveView(null)
      if (next.id !== selectedClientId) {
        setClientTab('journal')
        selectClient(next.id)
      }
    })
  }

  const viewContext: ViewContext | null = info
    ? {
        info,
        canWrite,
        clients,
        openClient: (clientId, tab = 'journal') =>
          void navigate(() => {
            setActiveView(null)
            setClientTab(tab)
            if (clientId !== selectedClientId) selectClient(clientId)
          }),
        openEntry: (clientId, entryId, reveal) =>
          void navigate(() => {
            setActiveView(null)
            setClientTab('journal')
            if (clientId && clientId !== selectedClientId) selectClient(clientId)
            revealIn.current = reveal ? { entryId, text: reveal } : null
            // Already open: there is no opening to wait for.
            if (entryId === selectedEntryId && reveal && editorRef.current?.entryId === entryId) {
              revealIn.current = null
              requestAnimationFrame(() => editorRef.current?.reveal(reveal))
            }
            selectEntry(entryId)
          }),
        openView: (viewId) => void navigate(() => setActiveView(viewId)),
        refresh,
        notify: setAlert
      }
    : null

  const openEntry = (entry: EntrySummary) => {
    if (entry.id === selectedEntryId) {
      editorRef.current?.focusBody()
      return
    }
    void navigate(() => selectEntry(entry.id))
  }

  /** A new entry for the selected client; from a template (a reflection) when `template` is given, whose errors are thrown to the picker. */
  const newEntry = async (template?: string) => {
    if (!client || creatingEntry.current) return
    creatingEntry.current = true
    try {
      if (!(await leaveEntry())) return
      const entry = await call('entries:create', template ? { clientId: client.id, template } : { clientId: client.id })
      addEntry(entry)
      setCreated(entry)
      if (template) focusPromptOf.current = entry.id
      else focusTitleOf.current = entry.id
      selectEntry(entry.id)
    } catch (error) {
      if (template) throw error
      setAlert(errorMessage(error))
    } finally {
      creatingEntry.current = false
    }
  }

  const focusEditor = () => {
    if (editorRef.current) editorRef.current.focusBody()
    else mainRef.current?.focus()
  }

  useOpenClientFromShell(viewContext ? viewContext.openClient : null)
  const flushAll = useStableCallback(async () => (editorRef.current ? editorRef.current.flush() : true))
  useFlushEvents(flushAll)

  useEffect(
    () =>
      onEvent('vault:changed', () => {
        refresh()
          .then(() => editorRef.current?.reloadIfClean())
          .catch((error: unknown) => setAlert(errorMessage(error)))
      }),
    [refresh]
  )

  // Once the vault has clients, the app opens on Today (what needs attention) rather than an empty journal.
  const choseStartView = useRef(false)
  useEffect(() => {
    if (choseStartView.current || !info) return
    choseStartView.current = true
    if (clients.length > 0 && globalViews.some((view) => view.id === 'today')) setActiveView('today')
  }, [info, clients.length])

  const onOpened = useStableCallback((entryId: string) => {
    // Used once: opened again later, the entry is read afresh (its version will have moved on).
    setCreated(null)
    if (revealIn.current?.entryId === entryId) {
      const { text } = revealIn.current
      revealIn.current = null
      if (editorRef.current?.reveal(text)) return
    }
    if (focusPromptOf.current === entryId) {
      focusPromptOf.current = null
      editorRef.current?.focusFirstPrompt()
      return
    }
    if (focusTitleOf.current !== entryId) return
    focusTitleOf.current = null
    editorRef.current?.focusTitle()
  })
  const onGone = useStableCallback(() => {
    selectEntry(null)
    setAlert('That entry was moved or deleted by another program, so it has been closed.')
  })
  const onTrashEntry = useStableCallback(() => {
    if (selectedEntry && canWrite) setDialog({ kind: 'trash-entry', entry: selectedEntry })
  })

  const hasClient = client !== null
  const hasEntry = selectedEntryId !== null
  useCommands({
    'entry.new': { enabled: () => canWrite && hasClient && !client?.problem, run: () => void newEntry() },
    'entry.reflection': {
      enabled: () => canWrite && hasClient && !client?.problem,
      run: () => client && setDialog({ kind: 'reflection', client })
    },
    'client.new': { enabled: () => canWrite, run: () => setDialog({ kind: 'new-client' }) },
    'client.rename': {
      enabled: () => canWrite && hasClient && !client?.problem,
      run: () => client && setDialog({ kind: 'rename-client', client })
    },
    'client.trash': { enabled: () => canWrite && hasClient, run: () => client && setDialog({ kind: 'trash-client', client }) },
    'entry.trash': { enabled: () => canWrite && selectedEntry !== null, run: onTrashEntry },
    'entry.export': { enabled: () => hasEntry, run: () => void editorRef.current?.exportEntry() },
    'view.focusClients': { enabled: () => true, run: () => sidebarRef.current?.focus() },
    'view.focusEntries': { enabled: () => true, run: () => entriesRef.current?.focus() },
    'view.focusEditor': { enabled: () => true, run: focusEditor }
  })

  if (journal.startError) {
    return (
      <div className="app-start-error" role="alert">
        <h1>Rapport could not open your journal</h1>
        <p>{journal.startError}</p>
      </div>
    )
  }
  if (!info) return <div className="app app-loading" aria-busy="true" />

  const showWelcome = clients.length === 0 && !journal.hasUnfiledEntries && !info.readingEntries
  const closeDialog = () => setDialog(null)
  // Where focus goes after a dialog that did its work; a cancelled dialog returns focus to where it came from.
  const focusAfterDone = (target: () => void) => {
    afterDialog.current = target
  }
  const restoreFocus = () => {
    const target = afterDialog.current
    afterDialog.current = null
    target?.()
    return target !== null
  }
  const focusEntries = () => entriesRef.current?.focus()
  const focusClients = () => sidebarRef.current?.focus()

  return (
    <div className="app">
      <VaultBanner info={info} />
      <div className={`panes ${showWelcome ? 'welcoming' : ''}`}>
        <ClientsSidebar
          top={<ViewNav views={globalViews} activeId={activeView} onOpen={(id) => viewContext?.openView(id)} />}
          ref={sidebarRef}
          clients={clients}
          selectedId={activeView === null ? selectedClientId : null}
          onSelect={openClient}
          onNewClient={() => setDialog({ kind: 'new-client' })}
          canCreate={canWrite}
          vaultName={info.name}
          vaultRoot={info.root}
        />
        {showWelcome ? (
          <Welcome vaultRoot={info.root} canCreate={canWrite} onAddClient={() => setDialog({ kind: 'new-client' })} />
        ) : activeView !== null && viewContext ? (
          <GlobalViewHost viewId={activeView} context={viewContext} />
        ) : client && clientTab !== 'journal' && viewContext ? (
          <ClientTabHost client={client} tabId={clientTab} context={viewContext} onOpenTab={setClientTab} />
        ) : (
          <>
            <EntriesPane
              ref={entriesRef}
              client={client}
              entries={entries}
              selectedId={selectedEntryId}
              onSelect={openEntry}
              onNewEntry={() => void newEntry()}
              onNewReflection={() => client && setDialog({ kind: 'reflection', client })}
              onRenameClient={() => client && setDialog({ kind: 'rename-client', client })}
              onTrashClient={() => client && setDialog({ kind: 'trash-client', client })}
              canWrite={canWrite}
              loadError={journal.entriesError}
              tabs={client ? <ClientTabs tabs={clientTabs} activeId="journal" onOpen={setClientTab} /> : null}
            />
            <EditorPane
              entryId={selectedEntryId}
              preloaded={created}
              info={info}
              hasClient={hasClient}
              onSaved={updateEntry}
              onGone={onGone}
              onTrash={onTrashEntry}
              onOpened={onOpened}
              editorRef={editorRef}
              mainRef={mainRef}
            />
          </>
        )}
      </div>

      {viewContext && <BriefCommand context={viewContext} clientId={selectedClientId} />}
      {viewContext && <PeopleCommands context={viewContext} clientId={selectedClientId} />}
      {viewContext && <MentionNavigator context={viewContext} />}
      {viewContext && <RelationshipCommands context={viewContext} client={client} />}
      {viewContext && <TransferCommands context={viewContext} clientId={selectedClientId} entryId={selectedEntryId} entryTitle={selectedEntry && entryTitle(selectedEntry)} />}
      {viewContext && <ContactsCommands context={viewContext} clientId={selectedClientId} />}
      {viewContext && <PaletteCommand context={viewContext} views={globalViews} />}
      <SecurityCommands flush={flushAll} notify={setAlert} />
      <PlainExportConfirm />
      {viewContext && <SearchCommand context={viewContext} />}
      {alert && <AppAlert message={alert} onDismiss={() => setAlert(null)} />}

      {dialog?.kind === 'new-client' && (
        <ClientNameDialog
          mode="create"
          onSubmit={(name) => call('clients:create', { name })}
          onClose={closeDialog}
          restoreFocus={restoreFocus}
          onDone={(created) => {
            putClient(created)
            focusAfterDone(focusEntries)
            // Close only once the client is selected, so focus can land in its (now rendered) entries pane.
            void navigate(() => selectClient(created.id)).finally(() => setDialog((d) => (d?.kind === 'new-client' ? null : d)))
          }}
        />
      )}
      {dialog?.kind === 'rename-client' && (
        <ClientNameDialog
          mode="rename"
          initialName={dialog.client.name}
          onSubmit={(name) => call('clients:rename', { id: dialog.client.id, name })}
          onClose={closeDialog}
          onDone={(renamed) => {
            putClient(renamed)
            setDialog(null)
          }}
        />
      )}
      {dialog?.kind === 'trash-client' && (
        <ConfirmDialog
          title="Move client to trash"
          message={`Move ${dialog.client.name} to the trash? Its journal goes with it; you can restore it from the vault's .rapport/trash folder.`}
          confirmLabel="Move to trash"
          danger
          onClose={closeDialog}
          restoreFocus={restoreFocus}
          onConfirm={async () => {
            const trashed = dialog.client
            if (trashed.id === selectedClientId) await editorRef.current?.flush()
            await call('clients:trash', { id: trashed.id })
            if (trashed.id === selectedClientId) {
              editorRef.current?.discard()
              selectClient(null)
            }
            removeClient(trashed.id)
            focusAfterDone(focusClients)
            setDialog(null)
          }}
        />
      )}
      {dialog?.kind === 'trash-entry' && (
        <ConfirmDialog
          title="Move entry to trash"
          message={`Move “${entryTitle(dialog.entry)}” to the trash? You can restore it from the vault's .rapport/trash folder.`}
          confirmLabel="Move to trash"
          danger
          onClose={closeDialog}
          restoreFocus={restoreFocus}
          onConfirm={async () => {
            const trashed = dialog.entry
            // The trash should hold the text as it was last seen, not an older save.
            if (editorRef.current?.entryId === trashed.id) await editorRef.current.flush()
            await call('entries:trash', { id: trashed.id })
            if (editorRef.current?.entryId === trashed.id) editorRef.current.discard()
            removeEntry(trashed.id)
            focusAfterDone(focusEntries)
            setDialog(null)
          }}
        />
      )}
      {dialog?.kind === 'reflection' && (
        <TemplatePicker
          clientId={dialog.client.id}
          clientName={dialog.client.name}
          onClose={closeDialog}
          restoreFocus={restoreFocus}
          onChoose={async (template) => {
            await newEntry(template)
            // The new entry's editor takes focus once it is open: the picker must not hand it back to the button.
            focusAfterDone(() => undefined)
            setDialog(null)
          }}
        />
      )}
      {dialog?.kind === 'leave' && (
        <ConfirmDialog
          title="Leave without saving?"
          message={`${dialog.message} If you leave this entry now, your latest changes will be lost.`}
          confirmLabel="Leave without saving"
          cancelLabel="Stay"
          danger
          onClose={() => {
            dialog.resolve(false)
            setDialog(null)
          }}
          onConfirm={async () => {
            dialog.resolve(true)
            setDialog(null)
          }}
        />
      )}
    </div>
  )
}
