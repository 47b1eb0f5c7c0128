import { relations } from '../../shared/domain'
import type { CliCommand } from '../command'
import { usageError } from '../output'
import { describePerson } from '../people'
import { clientNamed, oneOf, textOption } from '../values'

export const personAdd: CliCommand = {
  name: 'person add',
  usage: 'person add NAME --client C [--role ROLE] [--relation R]',
  summary: 'Add someone at a client',
  options: { client: { type: 'string' }, role: { type: 'string' }, relation: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const name = positionals.join(' ').trim()
    const clientName = textOption(values.client)?.trim()
    if (!name || !clientName) throw usageError('Say who and at which client: rapport person add "Priya Raman" --client Northwind --role "Head of Operations"')
    const relation = values.relation === undefined ? undefined : oneOf('relation (--relation)', values.relation, relations)
    const role = textOption(values.role)
    const client = await clientNamed(ctx, clientName)
    const { person } = await ctx.call('people:add', {
      clientId: client.id,
      name,
      ...(role === undefined ? {} : { role }),
      ...(relation === undefined ? {} : { relation })
    })
    if (ctx.json) return ctx.io.out(JSON.stringify(person, null, 2))
    ctx.io.out(`Added ${describePerson(person)} at ${client.name}`)
  }
}
