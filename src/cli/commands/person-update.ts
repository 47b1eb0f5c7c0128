import { relations } from '../../shared/domain'
import type { PersonPatch } from '../../shared/contract/people'
import type { CliCommand } from '../command'
import { usageError } from '../output'
import { describePerson, findPerson } from '../people'
import { clientNamed, oneOf, textOption } from '../values'

export const personUpdate: CliCommand = {
  name: 'person update',
  usage: 'person update NAME --client C [--name NEW] [--role ROLE] [--relation R|none]   (--role "" clears it)',
  summary: 'Change someone’s name, role or relation',
  options: { client: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, relation: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const name = positionals.join(' ').trim()
    const clientName = textOption(values.client)?.trim()
    if (!name || !clientName) throw usageError('Say who and at which client: rapport person update "Priya Raman" --client Northwind --role COO')
    const patch: PersonPatch = {}
    if (typeof values.name === 'string') patch.name = values.name
    if (typeof values.role === 'string') patch.role = values.role.trim() === '' ? null : values.role
    if (typeof values.relation === 'string')
      patch.relation = values.relation.trim().toLowerCase() === 'none' ? null : oneOf('relation (--relation)', values.relation, relations)
    if (Object.keys(patch).length === 0) throw usageError('Say what to change: --name, --role or --relation.')
    const client = await clientNamed(ctx, clientName)
    const person = await findPerson(ctx, client, name)
    const { person: changed } = await ctx.call('people:update', { clientId: client.id, id: person.id, patch })
    if (ctx.json) return ctx.io.out(JSON.stringify(changed, null, 2))
    ctx.io.out(`Updated ${describePerson(changed)} at ${client.name}`)
  }
}
