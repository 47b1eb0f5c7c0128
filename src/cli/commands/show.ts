import type { CliCommand } from '../command'
import { usageError } from '../output'

/** One line: which other version stands against the entry, and the way to resolve it. */
function conflictLine(id: string, path: string, conflicts: readonly string[]): string {
  const copies = conflicts.filter((c) => c !== path)
  const what = [...(copies.length < conflicts.length ? ["git's conflict markers in its file"] : []), ...copies.map((c) => `a conflicting copy ${c}`)]
  return `Note: this entry has ${what.join(' and ')}; compare with "rapport conflicts", resolve with "rapport resolve ${id} --keep mine|theirs|both".`
}

export const show: CliCommand = {
  name: 'show',
  usage: 'show ENTRY-ID',
  summary: 'Print an entry',
  async run(ctx, { positionals }) {
    const id = positionals[0]
    if (!id) throw usageError('Which entry? rapport show e_01J…  (ids are in each entry’s front matter)')
    const entry = await ctx.call('entries:read', { id })
    if (ctx.json) return ctx.io.out(JSON.stringify(entry, null, 2))
    const vault = await ctx.vault()
    ctx.io.out(await vault.entries.text(entry.id))
    // On standard error, so `rapport show ID > note.md` still gets the entry alone.
    if (entry.conflicts?.length) ctx.io.err(conflictLine(entry.id, entry.path, entry.conflicts))
  }
}
