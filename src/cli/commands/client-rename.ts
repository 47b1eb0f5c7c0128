import type { CliCommand } from '../command'
import { usageError } from '../output'
import { clientNamed } from '../values'

export const clientRename: CliCommand = {
  name: 'client rename',
  usage: 'client rename NAME NEW-NAME   (quote names of more than one word)',
  summary: 'Rename a client (its folder follows)',
  async run(ctx, { positionals }) {
    const [name, newName, ...rest] = positionals.map((p) => p.trim())
    if (!name || !newName || rest.length > 0)
      throw usageError('Give the name and the new name, each in quotes: rapport client rename "Dana Whitfield" "Dana Okafor"')
    const client = await clientNamed(ctx, name)
    const renamed = await ctx.call('clients:rename', { id: client.id, name: newName })
    if (ctx.json) return ctx.io.out(JSON.stringify(renamed, null, 2))
    ctx.io.out(`Renamed ${client.name} to ${renamed.name} (${renamed.path})`)
  }
}
