import { findClient } from '../../core/clients/find-client'
import { relationWords, trustWord } from '../../shared/people-words'
import type { CliCommand } from '../command'
import { usageError } from '../output'

export const people: CliCommand = {
  name: 'people',
  usage: 'people --client NAME',
  summary: 'The people at a client: role, how they relate to the work, trust',
  options: { client: { type: 'string' } },
  async run(ctx, { values }) {
    const name = typeof values.client === 'string' ? values.client.trim() : ''
    if (!name) throw usageError('Whose people? rapport people --client "Dana Whitfield"')
    const client = findClient(await ctx.call('clients:list', undefined), name)
    const list = await ctx.call('people:list', { clientId: client.id })
    if (ctx.json) return ctx.io.out(JSON.stringify(list, null, 2))
    if (list.length === 0) return ctx.io.out(`No people at ${client.name} yet. Add them on the client's Profile tab.`)
    for (const p of list) {
      const details = [p.role, p.relation ? relationWords[p.relation] : undefined, p.trust ? `trust: ${trustWord(p.trust.current)}` : undefined]
        .filter(Boolean)
        .join(' · ')
      ctx.io.out(`${p.name}${details ? `  ${details}` : ''}  (${p.id})`)
    }
  }
}
