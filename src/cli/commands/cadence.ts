import { CADENCE_EXAMPLES, cadenceWords, readCadence } from '../../core/relationship/cadence'
import type { CliCommand } from '../command'
import { findPerson } from '../people'
import { clientNamed, nameAndLast, textOption } from '../values'

export const cadence: CliCommand = {
  name: 'cadence',
  usage: 'cadence NAME [--person P] EVERY|none',
  summary: 'How often to keep in touch with a client or a person there ("2 weeks", "monthly")',
  options: { person: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const { name, last } = nameAndLast(positionals, `Say with whom and how often: rapport cadence "Dana Whitfield" "2 weeks"  (like ${CADENCE_EXAMPLES})`)
    const every = last.trim().toLowerCase() === 'none' ? null : last
    const client = await clientNamed(ctx, name)
    const personName = textOption(values.person)
    const person = personName === undefined ? undefined : await findPerson(ctx, client, personName)
    const detail = await ctx.call('cadence:set', { clientId: client.id, ...(person ? { personId: person.id } : {}), cadence: every })
    const stored = person ? detail.client.people.find((p) => p.id === person.id)?.cadence : detail.client.cadence
    const who = person ? `${person.name} at ${detail.client.name}` : detail.client.name
    if (ctx.json) return ctx.io.out(JSON.stringify({ clientId: client.id, personId: person?.id ?? null, cadence: stored ?? null }, null, 2))
    const reading = stored === undefined ? null : readCadence(stored)
    ctx.io.out(
      reading?.ok ? `${who}: keep in touch ${cadenceWords(reading.cadence)}` : `${who}: no cadence of their own (the vault's "gone quiet after" applies)`
    )
  }
}
