import { findMentionTarget } from '../core/people/find-target'
import { RapportError } from '../core/errors'
import type { Person } from '../shared/contract/people'
import { relationWords } from '../shared/people-words'
import type { ClientSummary } from '../shared/domain'
import type { CliContext } from './context'
import { CliError } from './output'

/** The person P stands for at one client: matched as `backlinks` matches (id, exact name, then a unique beginning). */
export async function findPerson(ctx: CliContext, client: ClientSummary, name: string): Promise<Person> {
  const people = await ctx.call('people:list', { clientId: client.id })
  const candidates = (await ctx.call('mentions:candidates', undefined)).filter((c) => c.kind === 'person' && c.clientId === client.id)
  try {
    const found = findMentionTarget(candidates, name)
    const person = people.find((p) => p.id === found.id)
    if (person) return person
  } catch (error) {
    if (!(error instanceof RapportError) || error.code !== 'not-found') throw error
  }
  throw new CliError(`Nobody at ${client.name} is called "${name}". "rapport people --client ${JSON.stringify(client.name)}" lists them.`)
}

/** `Priya Raman (Head of Operations · Blocker)  p_01J…`. */
export function describePerson(person: Person): string {
  const details = [person.role, person.relation ? relationWords[person.relation] : undefined].filter(Boolean).join(' · ')
  return `${person.name}${details ? ` (${details})` : ''}  ${person.id}`
}
