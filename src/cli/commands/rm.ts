import type { CliCommand } from '../command'
import { entryIdOf } from '../entries'

export const rm: CliCommand = {
  name: 'rm',
  usage: 'rm ENTRY   (an entry id, or the path of its file)',
  summary: 'Move an entry to the trash',
  async run(ctx, { positionals }) {
    const id = await entryIdOf(ctx, positionals.join(' '), 'Which entry? rapport rm e_01J…  (or the path "rapport new" printed)')
    const entry = await ctx.call('entries:read', { id })
    await ctx.call('entries:trash', { id })
    if (ctx.json) return ctx.io.out(JSON.stringify({ removed: { id, path: entry.path, title: entry.title } }, null, 2))
    ctx.io.out(`Moved ${entry.path} to the trash (.rapport/trash/); it can be restored from the app’s Trash.`)
  }
}
