import type { VaultChanges } from '@shared/contract/vault'
import { onEvent } from './api'

/**
 * Which views a `vault:changed` concerns. Another program changed the vault
 * on disk; each view reads again only when what it shows is among the
 * changes (VS Code's FileChangesEvent.affects, in Rapport's words).
 * `folders` means the vault was read again whole: everything may have changed.
 */
export const readWhole = (changes: VaultChanges): boolean => changes.structure.includes('folders')

/** One entry: its text, its conflict copies. */
export const touchesEntry = (changes: VaultChanges, entryId: string): boolean => readWhole(changes) || changes.entries.some((e) => e.id === entryId)

/** Any entry (what links to what, counts across the vault). */
export const touchesEntries = (changes: VaultChanges): boolean => readWhole(changes) || changes.entries.length > 0

/** Any client's file (commitments, follow-ups, profiles across clients). */
export const touchesClients = (changes: VaultChanges): boolean => readWhole(changes) || changes.clients.length > 0

/** One client: its file, or an entry in its journal (null: the vault's own journal). */
export const touchesClient = (changes: VaultChanges, clientId: string | null): boolean =>
  readWhole(changes) || changes.clients.some((c) => c.id === clientId) || changes.entries.some((e) => e.clientId === clientId)

/** Templates (the reflections a person can start from). */
export const touchesTemplates = (changes: VaultChanges): boolean => readWhole(changes) || changes.structure.includes('templates')

/** Calls `reload` after a `vault:changed` that `concerns` this view; returns the way to stop. */
export function onVaultChange(concerns: (changes: VaultChanges) => boolean, reload: (changes: VaultChanges) => void): () => void {
  return onEvent('vault:changed', (changes) => {
    if (concerns(changes)) reload(changes)
  })
}
