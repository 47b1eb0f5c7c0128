import { z } from 'zod'
import type { VaultInfo } from '../domain'
import { returns } from './define'

export const vaultContract = {
  'vault:info': { input: z.void(), output: returns<VaultInfo>() }
} as const

/** An entry another program added, changed or removed: its id, whose journal it is in (null: the vault's own), and whether it is gone. */
export interface ChangedEntry {
  id: string
  clientId: string | null
  removed?: true
}

/** A client whose client.json another program changed. */
export interface ChangedClient {
  id: string
  removed?: true
}

/**
 * What is not one entry or one client: `folders` (clients came or went, or the vault was read again whole —
 * anything may have changed), `templates`, `settings` (rapport.json).
 */
export type VaultStructure = 'folders' | 'templates' | 'settings'

/**
 * The payload of `vault:changed`: what another program (a sync tool, an editor, git) changed on disk.
 * Rapport's own writes are never in it (the window already knows them); each view reads again only what it shows.
 */
export interface VaultChanges {
  entries: ChangedEntry[]
  clients: ChangedClient[]
  structure: VaultStructure[]
}
