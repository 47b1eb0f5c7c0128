import fuzzysort from 'fuzzysort'
import type { CommandDeclaration, CommandId } from '@shared/commands'
import type { HighlightRange, SearchResult } from '@shared/contract/search'
import type { ClientSummary } from '@shared/domain'

/** One row of the palette: something to run or somewhere to go, with the letters that matched marked. */
export type PaletteItem =
  | { kind: 'command'; key: string; label: string; highlights: HighlightRange[]; id: CommandId; shortcut?: string; enabled: boolean }
  | { kind: 'view'; key: string; label: string; highlights: HighlightRange[]; viewId: string }
  | { kind: 'client'; key: string; label: string; highlights: HighlightRange[]; client: ClientSummary }
  | { kind: 'entry'; key: string; label: string; highlights: HighlightRange[]; result: SearchResult }

export interface PaletteSources {
  commands: ReadonlyArray<CommandDeclaration & { enabled: boolean }>
  views: ReadonlyArray<{ id: string; label: string }>
  clients: readonly ClientSummary[]
}

/** How many of each kind are shown: the palette is for jumping, not browsing. */
export const PALETTE_LIMITS = { commands: 6, clients: 6, entries: 8 } as const

/** The matched letters as [start, end) runs, the form the rest of the app marks. */
export function runsOf(indexes: ReadonlyArray<number>): HighlightRange[] {
  const sorted = [...indexes].sort((a, b) => a - b)
  const runs: HighlightRange[] = []
  for (const index of sorted) {
    const last = runs[runs.length - 1]
    if (last && last[1] === index) last[1] = index + 1
    else runs.push([index, index + 1])
  }
  return runs
}

/**
 * Commands (and the app's views, as "Go to …") and clients matching what was
 * typed, best first. With nothing typed: every enabled command, then the
 * clients in the order the sidebar shows them. Disabled commands are listed
 * after enabled ones and cannot be run.
 */
export function matchPalette(query: string, sources: PaletteSources): { actions: PaletteItem[]; clients: PaletteItem[] } {
  const q = query.trim()
  const actions: PaletteItem[] = [
    ...sources.commands.map((c): PaletteItem => ({
      kind: 'command',
      key: `command:${c.id}`,
      label: c.label.replace(/…$/, ''),
      highlights: [],
      id: c.id,
      ...(c.shortcut ? { shortcut: c.shortcut } : {}),
      enabled: c.enabled
    })),
    ...sources.views.map((v): PaletteItem => ({ kind: 'view', key: `view:${v.id}`, label: `Go to ${v.label}`, highlights: [], viewId: v.id }))
  ]
  const clients = sources.clients.map((client): PaletteItem => ({ kind: 'client', key: `client:${client.id}`, label: client.name, highlights: [], client }))
  const usable = (item: PaletteItem) => item.kind !== 'command' || item.enabled
  if (!q) {
    return { actions: actions.filter(usable).slice(0, PALETTE_LIMITS.commands), clients: clients.slice(0, PALETTE_LIMITS.clients) }
  }
  const ranked = (items: PaletteItem[], limit: number, keyOf: (item: PaletteItem) => string) =>
    fuzzysort
      .go(q, items, { key: keyOf, limit: limit * 3, threshold: 0.3 })
      .map((hit) => ({ ...hit.obj, highlights: keyOf(hit.obj) === hit.obj.label ? runsOf(hit.indexes) : [] }))
      // Among equally good matches, what can run comes before what cannot.
      .sort((a, b) => Number(usable(b)) - Number(usable(a)))
      .slice(0, limit)
  return {
    actions: ranked(actions, PALETTE_LIMITS.commands, (item) => item.label),
    clients: ranked(clients, PALETTE_LIMITS.clients, (item) => item.label)
  }
}
