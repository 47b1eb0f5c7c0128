import { findClient } from '../../core/clients/find-client'
import type { CliCommand } from '../command'

export const templates: CliCommand = {
  name: 'templates',
  usage: 'templates [--client NAME]   (with a client, the most likely first)',
  summary: 'List the templates to start an entry from (rapport new --template ID)',
  options: { client: { type: 'string' } },
  async run(ctx, { values }) {
    const clientId = typeof values.client === 'string' ? findClient(await ctx.call('clients:list', undefined), values.client).id : undefined
    const list = await ctx.call('templates:list', clientId === undefined ? {} : { clientId })
    if (ctx.json) return ctx.io.out(JSON.stringify(list, null, 2))
    const width = Math.max(0, ...list.map((t) => t.id.length))
    for (const t of list) {
      const kind = t.isEdited ? ' (edited)' : t.isBuiltIn ? '' : ' (yours)'
      ctx.io.out(`${t.id.padEnd(width)}  ${t.name}${kind}${t.description ? ` — ${t.description}` : ''}`)
      if (t.suggested) ctx.io.out(`${''.padEnd(width)}  ↑ ${t.suggested}`)
      if (t.problem) ctx.io.out(`${''.padEnd(width)}  ⚠ ${t.source}: ${t.problem}`)
    }
  }
}
