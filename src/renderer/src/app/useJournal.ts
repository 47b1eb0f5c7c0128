import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClientSummary, Entry, EntrySummary, VaultInfo } from '@shared/domain'
import type { VaultChanges } from '@shared/contract/vault'
import { call, errorMessage } from '@renderer/platform/api'
import { touchesClient, touchesClients } from '@renderer/platform/vault-changes'

export interface Journal {
  info: VaultInfo | null
  startError: string | null
  clients: ClientSummary[]
  /** Entries that belong to no client; they count for "is this vault empty?". */
  hasUnfiledEntries: boolean
  selectedClientId: string | null
  entries: EntrySummary[] | null
  entriesError: string | null
  selectedEntryId: string | null
}

const initial: Journal = {
  info: null,
  startError: null,
  clients: [],
  hasUnfiledEntries: false,
  selectedClientId: null,
  entries: null,
  entriesError: null,
  selectedEntryId: null
}

const sameInfo = (a: VaultInfo | null, b: VaultInfo): boolean => JSON.stringify(a) === JSON.stringify(b)

const summaryOf = ({ body: _body, version: _version, ...summary }: Entry): EntrySummary => summary

/**
 * What the app shows, read from the core: the vault, its clients, the chosen
 * client's entries and which entry is open. Only this state lives at the top;
 * the open entry's text lives in its editor.
 */
export function useJournal() {
  const [journal, setJournal] = useState<Journal>(initial)
  // Answers can come back out of order; only the latest client's entries are kept.
  const shownClient = useRef<string | null>(null)

  const loadEntries = useCallback(async (clientId: string) => {
    try {
      const entries = await call('entries:list', { clientId })
      if (shownClient.current === clientId) setJournal((j) => ({ ...j, entries, entriesError: null }))
    } catch (error) {
      if (shownClient.current === clientId) setJournal((j) => ({ ...j, entries: [], entriesError: errorMessage(error) }))
    }
  }, [])

  /** Reads the vault's info and (unless `withClients` is false) its clients again, keeping the selection where it still exists. */
  const refreshClients = useCallback(async (withClients = true) => {
    const [info, clients] = await Promise.all([call('vault:info', undefined), withClients ? call('clients:list', undefined) : null])
    if (!clients) return setJournal((j) => ({ ...j, info: sameInfo(j.info, info) ? j.info : info, hasUnfiledEntries: info.unfiledEntries > 0 }))
    setJournal((j) => {
      const stillThere = j.selectedClientId !== null && clients.some((c) => c.id === j.selectedClientId)
      if (!stillThere) shownClient.current = null
      return {
        ...j,
        // Keep the same object when nothing changed, so panes that depend on it do not re-render after every save.
        info: sameInfo(j.info, info) ? j.info : info,
        startError: null,
        clients,
        // While a large vault is still reading its entries this is 0; the entries follow (main says vault:changed).
        hasUnfiledEntries: info.unfiledEntries > 0,
        ...(stillThere ? {} : { selectedClientId: null, entries: null, entriesError: null, selectedEntryId: null })
      }
    })
  }, [])

  /** Reads everything again, keeping the selection where it still exists. */
  const refresh = useCallback(async () => {
    await refreshClients()
    if (shownClient.current) await loadEntries(shownClient.current)
  }, [refreshClients, loadEntries])

  /** Another program changed the vault: read again the info and clients, and the shown client's entries only if they are among the changes. */
  const takeInChanges = useCallback(
    async (changes: VaultChanges) => {
      // The vault's info always (its problems, the unfiled count); the client list when a client or a client's entry changed.
      await refreshClients(touchesClients(changes) || changes.entries.some((e) => e.clientId !== null))
      if (shownClient.current && touchesClient(changes, shownClient.current)) await loadEntries(shownClient.current)
    },
    [refreshClients, loadEntries]
  )

  useEffect(() => {
    refresh().catch((error: unknown) => setJournal((j) => ({ ...j, startError: errorMessage(error) })))
  }, [refresh])

  const selectClient = useCallback(
    (clientId: string | null) => {
      shownClient.current = clientId
      setJournal((j) => ({ ...j, selectedClientId: clientId, entries: null, entriesError: null, selectedEntryId: null }))
      if (clientId) void loadEntries(clientId)
    },
    [loadEntries]
  )

  const selectEntry = useCallback((entryId: string | null) => {
    setJournal((j) => ({ ...j, selectedEntryId: entryId }))
  }, [])

  /** A client was added or renamed: show it in its place in the sorted list. */
  const putClient = useCallback((client: ClientSummary) => {
    setJournal((j) => ({
      ...j,
      clients: [...j.clients.filter((c) => c.id !== client.id), client].sort((a, b) =>
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true })
      )
    }))
  }, [])

  const removeClient = useCallback((clientId: string) => {
    setJournal((j) => ({ ...j, clients: j.clients.filter((c) => c.id !== clientId) }))
  }, [])

  /** A new entry: first in the list, and one more for its client. */
  const addEntry = useCallback((entry: Entry) => {
    setJournal((j) => ({
      ...j,
      entries: j.selectedClientId === entry.clientId ? [summaryOf(entry), ...(j.entries ?? [])] : j.entries,
      clients: j.clients.map((c) => (c.id === entry.clientId ? { ...c, entryCount: c.entryCount + 1, lastEntryAt: entry.created } : c))
    }))
  }, [])

  /**
   * After a save: the list shows the new title and excerpt without reading everything again. Most saves change
   * neither (the excerpt is the entry's opening), and the list shows no time of change, so they leave the app's
   * state, and everything drawn from it, alone: no re-render of the window around a person typing.
   */
  const updateEntry = useCallback((entry: Entry) => {
    setJournal((j) => {
      const index = j.entries?.findIndex((e) => e.id === entry.id) ?? -1
      const old = j.entries?.[index]
      if (!j.entries || !old) return j
      const next = summaryOf(entry)
      const sameCopies = (old.conflicts ?? []).join('\n') === (next.conflicts ?? []).join('\n')
      if (old.title === next.title && old.excerpt === next.excerpt && old.path === next.path && sameCopies) return j
      const entries = [...j.entries]
      entries[index] = next
      return { ...j, entries }
    })
  }, [])

  const removeEntry = useCallback((entryId: string) => {
    setJournal((j) => ({
      ...j,
      entries: j.entries?.filter((e) => e.id !== entryId) ?? null,
      selectedEntryId: j.selectedEntryId === entryId ? null : j.selectedEntryId,
      clients: j.clients.map((c) => (c.id === j.selectedClientId ? { ...c, entryCount: Math.max(0, c.entryCount - 1) } : c))
    }))
  }, [])

  /** Reads the shown client's entries again (after Rapport itself wrote something the list shows, such as a kept copy). */
  const reloadEntries = useCallback(() => void (shownClient.current && loadEntries(shownClient.current)), [loadEntries])

  return { journal, refresh, takeInChanges, reloadEntries, selectClient, selectEntry, putClient, removeClient, addEntry, updateEntry, removeEntry }
}
