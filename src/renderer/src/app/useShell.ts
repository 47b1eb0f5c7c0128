import { useEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
import type { ClientSummary, EntrySummary } from '@shared/domain'
import type { Workspace } from '@shared/contract/workspace'
import { useLeaveEntry } from '@renderer/editor'
import type { EntryEditorHandle } from '@renderer/editor'
import { call, errorMessage, onEvent } from '@renderer/platform/api'
import { touchesEntry } from '@renderer/platform/vault-changes'
import { runCommand } from '@renderer/platform/commands/useCommands'
import { useFlushEvents } from './useFlushEvents'
import { useStableCallback } from '@renderer/platform/hooks/use-stable-callback'
import type { JournalControls, ViewContext } from '@renderer/platform/views'
import { globalViews } from './registry'
import { useEntryArrival } from './useEntryArrival'
import { useNavigation } from './useNavigation'
import { useJournal } from './useJournal'
import type { Journal } from './useJournal'
import { useOpenClientFromShell } from './useOpenClientFromShell'
import { useJournalPaneWidth, useRememberWorkspace, useSavedWorkspace } from './useWorkspaceMemory'
import { startView } from './workspace-restore'
import { useDateSettings } from '@renderer/platform/dates/useDateSettings'

interface ShellRefs {
  editor: RefObject<EntryEditorHandle | null>
  focusClients(): void
  focusEntries(): void
}

/**
 * The shell's state and what it hands to features: the journal and what is
 * on screen (see useNavigation), the ViewContext every view gets and the
 * JournalControls every command host gets.
 */
export function useShell(refs: ShellRefs) {
  const { journal, refresh, takeInChanges, reloadEntries, selectClient, selectEntry, putClient, removeClient, addEntry, updateEntry, removeEntry } =
    useJournal()
  useDateSettings(journal.info?.root)
  const { info, clients, selectedClientId, entries, selectedEntryId } = journal
  const editor = refs.editor
  const [alert, setAlert] = useState<string | null>(null)
  const creatingEntry = useRef(false)
  const arrival = useEntryArrival(editor)
  const leave = useLeaveEntry(editor)
  // Where the person left off in this vault: the view, client and entry open at the last start, and the entry list's width.
  const saved = useSavedWorkspace(info?.root)
  const opening =
    saved === undefined || !info
      ? undefined
      : startView(
          saved,
          clients.map((c) => c.id),
          globalViews.map((v) => v.id)
        )
  const { activeView, setActiveView, clientTab, setClientTab, navigate, hasNavigated } = useNavigation(leave.leaveEntry, opening)
  const restored = useRestoreClientAndEntry(saved, journal, selectClient, selectEntry, hasNavigated)
  useRememberWorkspace(restored, { view: activeView, clientId: selectedClientId, entryId: selectedEntryId })
  const paneWidth = useJournalPaneWidth(saved)

  const client = clients.find((c) => c.id === selectedClientId) ?? null
  const selectedEntry = entries?.find((e) => e.id === selectedEntryId) ?? null
  const canWrite = info !== null && !info.readOnly

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

  /** A new entry for the selected client; from a template (a reflection) when `template` is given, whose errors are thrown to the picker. */
  const newEntry = async (template?: string) => {
    if (!client || creatingEntry.current) return
    creatingEntry.current = true
    try {
      if (!(await leave.leaveEntry())) return
      const entry = await call('entries:create', template ? { clientId: client.id, template } : { clientId: client.id })
      addEntry(entry)
      arrival.expectCreated(entry, template !== undefined)
      selectEntry(entry.id)
    } catch (error) {
      if (template) throw error
      setAlert(errorMessage(error))
    } finally {
      creatingEntry.current = false
    }
  }

  const flushAll = useStableCallback(async () => (editor.current ? editor.current.flush() : true))
  useFlushEvents(flushAll)

  useEffect(
    () =>
      onEvent('vault:changed', (changes) => {
        takeInChanges(changes)
          .then(() => {
            const open = editor.current
            if (open && touchesEntry(changes, open.entryId)) return open.reloadIfClean()
          })
          .catch((error: unknown) => setAlert(errorMessage(error)))
      }),
    [takeInChanges, editor]
  )

  const context: ViewContext | null = info && {
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
        arrival.expectReveal(entryId, reveal, entryId === selectedEntryId)
        selectEntry(entryId)
      }),
    openView: (viewId) => void navigate(() => setActiveView(viewId)),
    refresh,
    notify: setAlert,
    flush: flushAll,
    views: globalViews
  }
  // A desktop notification was clicked: main asks for that client's tab.
  useOpenClientFromShell(context ? context.openClient : null)

  const controls: JournalControls = {
    client,
    entry: selectedEntry,
    putClient,
    selectClient: (clientId) => navigate(() => selectClient(clientId)),
    newEntry,
    forgetClient: (clientId) => {
      if (clientId === selectedClientId) {
        editor.current?.discard()
        selectClient(null)
      }
      removeClient(clientId)
    },
    forgetEntry: (entryId) => {
      if (editor.current?.entryId === entryId) editor.current.discard()
      removeEntry(entryId)
    },
    openEntryId: () => editor.current?.entryId ?? null,
    focusClients: refs.focusClients,
    focusEntries: refs.focusEntries
  }

  const openEntry = (next: EntrySummary) => {
    if (next.id === selectedEntryId) {
      editor.current?.focusBody()
      return
    }
    void navigate(() => selectEntry(next.id))
  }
  const onTrash = useStableCallback(() => runCommand('entry.trash'))
  const onGone = useStableCallback(() => {
    selectEntry(null)
    setAlert('That entry was moved or deleted by another program, so it has been closed.')
  })

  return {
    journal,
    client,
    context,
    controls,
    view: { activeView, clientTab, setClientTab, openClient, paneWidth },
    entry: { openEntry, updateEntry, reloadEntries, onTrash, onGone, arrival, newEntry },
    alert: { message: alert, dismiss: () => setAlert(null) },
    leaveDialog: leave.dialog
  }
}

/**
 * Opens the client and entry left open at the last start, once: the client
 * when it is still in the vault, then the entry once that client's entries
 * are read and it is among them. True once done (or when there was nothing
 * to restore), from when on where the person goes is remembered.
 */
function useRestoreClientAndEntry(
  saved: Workspace | null | undefined,
  journal: Pick<Journal, 'clients' | 'entries' | 'selectedClientId'>,
  selectClient: (clientId: string) => void,
  selectEntry: (entryId: string) => void,
  hasNavigated: () => boolean
): boolean {
  const [step, setStep] = useState<'client' | 'entry' | 'done'>('client')
  const { clients, entries, selectedClientId } = journal
  useEffect(() => {
    if (saved === undefined || step === 'done') return
    // Where the person went before the saved place was known wins over it.
    if (hasNavigated()) return setStep('done')
    if (step === 'client') {
      const clientId = saved?.clientId
      if (clientId && clients.some((c) => c.id === clientId)) {
        selectClient(clientId)
        setStep(saved.entryId ? 'entry' : 'done')
      } else setStep('done')
      return
    }
    // The entries shown are the restored client's once they are read.
    if (entries === null || selectedClientId !== saved?.clientId) return
    const entryId = saved.entryId
    if (entryId && entries.some((e) => e.id === entryId)) selectEntry(entryId)
    setStep('done')
  }, [saved, step, clients, entries, selectedClientId, selectClient, selectEntry, hasNavigated])
  return step === 'done'
}
