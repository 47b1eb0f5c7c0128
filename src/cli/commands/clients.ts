import { clientNames } from '../../core/clients/client-names'
import { readVaultHeader } from '../../core/security/vault-header'
import type { CliCommand } from '../command'

export const clients: CliCommand = {
  name: 'clients',
  usage: 'clients',
  summary: 'List clients',
  // --names (not in the usage: it is for scripts) prints one name per line, for shell completion.
  options: { names: { type: 'boolean' } },
  async run(ctx, { values }) {
    if (values.names === true) {
      // Shell completion asks on every Tab: the client files alone, not the journal; an encrypted vault's names need its key.
      const names = (await readVaultHeader(ctx.vaultRoot)) ? (await ctx.call('clients:list', undefined)).map((c) => c.name) : await clientNames(ctx.vaultRoot)
      // One per line: a name edited by hand to hold a line break must not become two names.
      for (const name of names) ctx.io.out(name.replace(/[\u0000-\u001f\u007f]+/g, ' '))
      return
    }
    const list = await ctx.call('clients:list', undefined)
    if (ctx.json) return ctx.io.out(JSON.stringify(list, null, 2))
    if (list.length === 0) return ctx.io.out('No clients yet. Add one with: rapport client add "Name"')
    for (const c of list) {
      const details = [c.organisation, c.stage, `${c.entryCount} ${c.entryCount === 1 ? 'entry' : 'entries'}`].filter(Boolean).join(' · ')
      ctx.io.out(`${c.name}  ${details}${c.problem ? `  ⚠ ${c.problem}` : ''}`)
    }
  }
}
