import { trustLevels } from '../../shared/domain'
import { trustWord } from '../../shared/people-words'
import type { CliCommand } from '../command'
import { findPerson } from '../people'
import { clientNamed, nameAndLast, oneOf, textOption } from '../values'

export const trust: CliCommand = {
  name: 'trust',
  usage: 'trust NAME LEVEL [--person P] [--note TEXT]',
  summary: 'Set the trust of a client, or of a person there',
  options: { person: { type: 'string' }, note: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const { name, last } = nameAndLast(
      positionals,
      `Say whose trust and which level: rapport trust "Dana Whitfield" familiar  (levels: ${trustLevels.join(', ')})`
    )
    const level = oneOf('trust level', last, trustLevels)
    const note = textOption(values.note)
    const personName = textOption(values.person)
    const client = await clientNamed(ctx, name)
    if (personName !== undefined) {
      const person = await findPerson(ctx, client, personName)
      const { person: changed } = await ctx.call('people:trust', { clientId: client.id, id: person.id, trust: level, ...(note === undefined ? {} : { note }) })
      if (ctx.json) return ctx.io.out(JSON.stringify(changed.trust, null, 2))
      return ctx.io.out(`${changed.name} at ${client.name}: trust ${trustWord(level)}`)
    }
    const detail = await ctx.call('clients:set-trust', { id: client.id, trust: level, ...(note === undefined ? {} : { note }) })
    if (ctx.json) return ctx.io.out(JSON.stringify(detail.client.trust, null, 2))
    ctx.io.out(`${detail.client.name}: trust ${trustWord(level)}`)
  }
}
