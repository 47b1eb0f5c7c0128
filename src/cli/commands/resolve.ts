import type { ConflictSide } from '../../shared/contract/safety'
import type { CliCommand } from '../command'
import { CliError, usageError } from '../output'
import { conflictWords } from './conflicts'

const choices = ['mine', 'theirs', 'both', 'apart', 'merge'] as const

export const resolve: CliCommand = {
  name: 'resolve',
  usage: 'resolve ENTRY-ID --keep mine|theirs|both|apart|merge [--copy PATH]',
  summary: 'Resolve a conflict as the app does; the version not kept goes to the trash',
  options: { keep: { type: 'string' }, copy: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const id = positionals[0]
    const keep = choices.find((c) => c === values.keep)
    if (!id) throw usageError('Which entry? rapport conflicts lists them.')
    if (!keep)
      throw usageError(
        'Keep which? --keep mine (this computer’s, or what you typed), theirs, both (in one entry), apart (theirs as a new entry), or merge (both marked, to edit by hand).'
      )
    const candidates = (await ctx.call('conflicts:list', undefined)).filter((c) => c.entryId === id && (values.copy === undefined || c.path === values.copy))
    if (candidates.length === 0)
      throw new CliError(`${id} has no conflict${values.copy ? ` with ${String(values.copy)}` : ''}. "rapport conflicts" lists them.`)
    const [conflict] = candidates
    if (!conflict || candidates.length > 1) {
      throw new CliError(
        `${id} has ${candidates.length} conflicts; say which with --copy PATH:\n${candidates.map((c) => `  ${c.path}  ${conflictWords(c)}`).join('\n')}`
      )
    }
    // Which file is "mine" depends on who made the copy (Rapport's own holds what you typed): the core says.
    const other: ConflictSide = conflict.mine === 'entry' ? 'copy' : 'entry'
    const side = keep === 'mine' ? conflict.mine : keep === 'theirs' ? other : keep
    const entry = await ctx.call('conflicts:resolve', { path: conflict.path, keep: side })
    if (ctx.json) return ctx.io.out(JSON.stringify(entry, null, 2))
    const where = entry?.path ?? conflict.originalPath
    if (keep === 'apart') return ctx.io.out(`Kept your version in ${where}; theirs is a new entry, “${entry?.title || 'Untitled'} (other version)”.`)
    if (keep === 'merge')
      return ctx.io.out(`Wrote both versions into ${where}, each marked where they differ: edit it down to one. The file as it was is in its history.`)
    const kept = keep === 'both' ? 'both versions' : keep === 'mine' ? 'your version' : 'their version'
    ctx.io.out(
      `Kept ${kept} in ${entry?.path ?? conflict.originalPath}. ${keep === 'both' ? 'Their full version' : 'The other version'} is in the trash (.rapport/trash).`
    )
  }
}
