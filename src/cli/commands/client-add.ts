import { clientsNamed } from '../../core/clients/find-client'
import type { CliCommand } from '../command'
import { CliError, usageError } from '../output'

export const clientAdd: CliCommand = {
  name: 'client add',
  usage: 'client add NAME [--allow-duplicate]',
  summary: 'Add a client (a name already taken is refused unless you confirm it, or give --allow-duplicate)',
  mayCreateVault: true,
  options: { 'allow-duplicate': { type: 'boolean' } },
  async run(ctx, { positionals, values }) {
    const name = positionals.join(' ').trim()
    if (!name) throw usageError('Give the client a name: rapport client add "Dana Whitfield"')
    // Two clients of one name make every later "rapport brief NAME" ambiguous: a second one must be meant.
    const taken = clientsNamed(await ctx.call('clients:list', undefined), name)
    if (taken.length > 0 && values['allow-duplicate'] !== true) {
      const existing = taken.map((c) => `${c.name} (${c.id}, ${c.path})`).join(', ')
      const confirmed = await ctx.io.confirm?.(`There is already a client called ${existing}. Add another?`)
      if (confirmed !== true)
        throw new CliError(`There is already a client called ${existing}. Nothing was added; to add a second client of that name, add --allow-duplicate.`)
    }
    const client = await ctx.call('clients:create', { name })
    if (ctx.json) return ctx.io.out(JSON.stringify(client, null, 2))
    ctx.io.out(`Added ${client.name} (${client.path})`)
  }
}
