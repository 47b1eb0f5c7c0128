import { resolve } from 'node:path'
import { findClient } from '../../core/clients/find-client'
import { count } from '../../core/relationship/wording'
import type { CliCommand } from '../command'
import { CliError, usageError } from '../output'

export const exportContactsCommand: CliCommand = {
  name: 'export-contacts',
  usage: 'export-contacts [--client NAME]… --out FILE',
  summary: 'Export clients and their people as a vCard 4.0 file (all, or the --client ones)',
  options: {
    client: { type: 'string', multiple: true },
    out: { type: 'string' }
  },
  async run(ctx, { values }) {
    if (typeof values.out !== 'string' || !values.out.trim()) throw usageError('Say where: --out FILE (a .vcf file; it is replaced if it exists).')
    const named = values.client as unknown as string[] | undefined
    const clientIds = named?.length ? await ctx.call('clients:list', undefined).then((list) => named.map((name) => findClient(list, name).id)) : undefined
    if ((await ctx.vault()).encrypted) ctx.io.err('The vault is encrypted; this file is not: anyone who can open it can read it.')
    // Typing the command is the yes that the app asks for in a dialog.
    const report = await ctx.call('contacts:export', { target: resolve(values.out), plainConfirmed: true, ...(clientIds ? { clientIds } : {}) })
    if (!report) throw new CliError('No file was chosen, so nothing was exported.')
    if (ctx.json) ctx.io.out(JSON.stringify(report, null, 2))
    else ctx.io.out(`Exported ${count(report.clients, 'client')} and ${count(report.people, 'person', 'people')} to ${report.path}`)
  }
}
