import type { CliCommand } from '../command'
import { usageError } from '../output'

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
  }
}
