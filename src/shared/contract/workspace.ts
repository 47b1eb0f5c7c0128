import { z } from 'zod'
import { returns } from './define'

/**
 * Where the person left off in this vault, so the next start opens there:
 * the app-wide view on screen (Today…), else the client and entry that were
 * open, and how wide the journal's entry list was. Kept in the vault's own
 * `.rapport/workspace.json`, beside the vault it is about.
 */
export interface Workspace {
  view: string | null
  clientId: string | null
  entryId: string | null
  /** The entry list's width in CSS pixels; null: the layout's default. */
  journalPaneWidth: number | null
}

/** The widths the entry list may be given (the renderer narrows it further to fit the window). */
export const JOURNAL_PANE_WIDTH = { min: 200, max: 800 } as const

const idOrNull = z.string().trim().min(1).max(200).nullable()

export const workspaceSchema = z.object({
  view: z.string().trim().min(1).max(100).nullable(),
  clientId: idOrNull,
  entryId: idOrNull,
  journalPaneWidth: z.number().int().min(JOURNAL_PANE_WIDTH.min).max(JOURNAL_PANE_WIDTH.max).nullable()
})

export const workspaceContract = {
  /** Where the person left off in this vault (nulls when nothing was kept). */
  'workspace:get': { input: z.void(), output: returns<Workspace>() },
  /** Changes some of it; the rest is kept. Not written in a read-only vault, where it is remembered only until the app quits. */
  'workspace:update': { input: workspaceSchema.partial().strict(), output: returns<void>() }
} as const
