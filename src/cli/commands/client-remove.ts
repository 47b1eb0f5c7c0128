import type { CliCommand } from '../command'
import { usageError } from '../output'
import { clientNamed } from '../values'

export const clientRemove: CliCommand = {
  name: 'client remove',
  usage: 'client remove NAME',
  summary: 'Move a client and its journal to the trash',
  async run(ctx, { positionals }) {
    const name = positionals.join(' ').trim()
    if (!name) throw usageError('Which client? rapport client remove "Dana Whitfield"')
    const client = await clientNamed(ctx, name)
    await ctx.call('clients:trash', { id: client.id })
    if (ctx.json) return ctx.io.out(JSON.stringify({ removed: { id: client.id, name: client.name, path: client.path } }, null, 2))
    ctx.io.out(`Moved ${client.name} (${client.path}) to the trash (.rapport/trash/); it can be restored from the app’s Trash.`)
  }
}
