import type { CliCommand } from '../command'
import { usageError } from '../output'

export const clientAdd: CliCommand = {
  name: 'client add',
  usage: 'client add NAME',
  summary: 'Add a client',
  mayCreateVault: true,
  async run(ctx, { positionals }) {
    const name = positionals.join(' ').trim()
    if (!name) throw usageError('Give the client a name: rapport client add "Dana Whitfield"')
    const client = await ctx.call('clients:create', { name })
    if (ctx.json) return ctx.io.out(JSON.stringify(client, null, 2))
    ctx.io.out(`Added ${client.name} (${client.path})`)
  }
}
