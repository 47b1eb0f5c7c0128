import type { InteractionChange } from '../../shared/contract/relationship'
import { RapportError } from '../errors'
import { newId } from '../ids'
import type { StoredClient, StoredInteraction } from './stored-client'

export interface NewInteraction {
  at?: string | undefined
  channel: StoredInteraction['channel']
  direction: StoredInteraction['direction']
  outcome: StoredInteraction['outcome']
  note?: string | undefined
  /** The person at the client it was with (for their own cadence). */
  person?: string | undefined
}

/** Logs an outreach or a contact, now unless another moment is given; keys in the documented order. */
export function addInteraction(client: StoredClient, input: NewInteraction, now: Date): StoredInteraction {
  const interaction: StoredInteraction = {
    id: newId('i'),
    at: input.at ?? now.toISOString(),
    channel: input.channel,
    direction: input.direction,
    outcome: input.outcome,
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(input.person === undefined ? {} : { person: knownPerson(client, input.person) })
  }
  client.interactions ??= []
  client.interactions.push(interaction)
  return interaction
}

function knownPerson(client: StoredClient, personId: string): string {
  if (!(client.people ?? []).some((p) => p.id === personId)) throw new RapportError('not-found', `${client.name} has no person with the id ${personId}.`)
  return personId
}

function findInteraction(client: StoredClient, id: string): StoredInteraction {
  const interaction = client.interactions?.find((i) => i.id === id)
  if (!interaction) throw new RapportError('not-found', `${client.name} has no interaction with the id ${id}. It may have been removed from client.json.`)
  return interaction
}

export function updateInteraction(client: StoredClient, id: string, change: InteractionChange): StoredInteraction {
  const interaction = findInteraction(client, id)
  if (change.at !== undefined) interaction.at = change.at
  if (change.channel !== undefined) interaction.channel = change.channel
  if (change.direction !== undefined) interaction.direction = change.direction
  if (change.outcome !== undefined) interaction.outcome = change.outcome
  if (change.note === null) delete interaction.note
  else if (change.note !== undefined) interaction.note = change.note
  return interaction
}

export function deleteInteraction(client: StoredClient, id: string): void {
  const list = client.interactions ?? []
  list.splice(list.indexOf(findInteraction(client, id)), 1)
}
