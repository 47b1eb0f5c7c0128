import { findClient } from '../../core/clients/find-client'
import type { CliCommand } from '../command'
import { usageError } from '../output'

const formats = ['md', 'json'] as const

export const brief: CliCommand = {
  name: 'brief',
  usage: 'brief NAME [--format md|json]',
  summary: 'The prep brief of a client: one page to read before a call',
  options: { format: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const name = positionals.join(' ').trim()
    if (!name) throw usageError('Whose brief? rapport brief "Dana Whitfield"')
    const format = values.format ?? (ctx.json ? 'json' : 'md')
    if (!formats.includes(format as (typeof formats)[number])) throw usageError(`--format is md or json, not "${String(format)}".`)
    const client = findClient(await ctx.call('clients:list', undefined), name)
    // Both come from the same core function (assembleBrief) as the app's brief.
    if (format === 'json') return ctx.io.out(JSON.stringify(await ctx.call('brief:get', { clientId: client.id }), null, 2))
    ctx.io.out((await ctx.call('brief:markdown', { clientId: client.id })).markdown)
  }
}
