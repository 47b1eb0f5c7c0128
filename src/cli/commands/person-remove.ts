import type { CliCommand } from '../command'
import { usageError } from '../output'
import { findPerson } from '../people'
import { clientNamed, textOption } from '../values'

export const personRemove: CliCommand = {
  name: 'person remove',
  usage: 'person remove NAME --client C',
  summary: 'Remove someone from a client’s people',
  options: { client: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const name = positionals.join(' ').trim()
    const clientName = textOption(values.client)?.trim()
    if (!name || !clientName) throw usageError('Say who and at which client: rapport person remove "Priya Raman" --client Northwind')
    const client = await clientNamed(ctx, clientName)
    const person = await findPerson(ctx, client, name)
    const people = await ctx.call('people:remove', { clientId: client.id, id: person.id })
    if (ctx.json) return ctx.io.out(JSON.stringify({ removed: person, people }, null, 2))
    ctx.io.out(`Removed ${person.name} from ${client.name}’s people`)
  }
}
