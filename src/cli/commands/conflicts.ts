import { findClient } from '../../core/clients/find-client'
import { GIT_MARKERS_TOOL } from '../../shared/contract/safety'
import type { ConflictSummary } from '../../shared/contract/safety'
import type { CliCommand } from '../command'

/** What stands against an entry, in a few words with the copy's path ("" for git's markers, which are in the entry's own file). */
export function conflictWords(conflict: ConflictSummary): string {
  if (conflict.tool === GIT_MARKERS_TOOL) return "git's conflict markers: two versions in the file"
  if (conflict.tool === 'Rapport') return `your text, kept by Rapport: ${conflict.path}`
  return `a copy made by ${conflict.tool}: ${conflict.path}`
}

export const conflicts: CliCommand = {
  name: 'conflicts',
  usage: 'conflicts [--client NAME]',
  summary: 'Entries with a conflicting copy or git conflict markers (resolve: rapport resolve ID)',
  options: { client: { type: 'string' } },
  async run(ctx, { values }) {
    let list = await ctx.call('conflicts:list', undefined)
    if (typeof values.client === 'string') {
      const client = findClient(await ctx.call('clients:list', undefined), values.client)
      const theirs = new Set((await ctx.call('entries:list', { clientId: client.id })).map((e) => e.id))
      list = list.filter((c) => c.entryId !== null && theirs.has(c.entryId))
    }
    if (ctx.json) return ctx.io.out(JSON.stringify(list, null, 2))
    if (list.length === 0) return ctx.io.out('No conflicts.')
    for (const c of list) ctx.io.out(`${c.entryId ?? '(entry gone)'}  ${c.originalPath}  ${conflictWords(c)}`)
    ctx.io.out('Resolve one with: rapport resolve ID --keep mine|theirs|both')
  }
}
