import type { Commitment, CommitmentChange } from '../../shared/contract/relationship'
import type { z } from 'zod'
import { commitmentAdditionsSchema } from '../../shared/domain'
import { RapportError } from '../errors'
import { newId } from '../ids'
import { repeatProblem } from './recurring-commitment'
import { readRule } from './recurrence'
import type { StoredClient, StoredCommitment } from './stored-client'

/** A rule typed into Rapport is stored in its normal form, or refused with what is wrong with it. */
function checkedRepeat(repeat: string, due: string | undefined): string {
  const problem = repeatProblem({ repeat, due })
  const reading = readRule(repeat)
  if (problem !== null || !reading.ok)
    throw new RapportError('invalid-input', `${(problem ?? 'the repeat rule cannot be read').replace(/^./, (c) => c.toUpperCase())}.`)
  return reading.rule
}

type Status = StoredCommitment['status']
type HistoryItem = NonNullable<z.output<typeof commitmentAdditionsSchema>['history']>[number]

/**
 * Still to be kept. A renegotiated commitment is a promise with new terms (a
 * new due date, usually): it stays on the lists and can still be overdue.
 * Done and dropped ones are closed.
 */
export const isActive = (commitment: { status: Status }): boolean => commitment.status === 'open' || commitment.status === 'renegotiated'

/** What Rapport added to a commitment (`closedAt`, `history`), read safely: a hand edit that broke them is ignored. */
export function additionsOf(commitment: StoredCommitment): { closedAt?: string; history: HistoryItem[] } {
  const parsed = commitmentAdditionsSchema.safeParse(commitment)
  if (!parsed.success) return { history: [] }
  return parsed.data.closedAt === undefined ? { history: parsed.data.history ?? [] } : { closedAt: parsed.data.closedAt, history: parsed.data.history ?? [] }
}

export interface NewCommitment {
  by: StoredCommitment['by']
  what: string
  due?: string | undefined
  entry?: string | undefined
  repeat?: string | undefined
}

/** Adds an open commitment, its keys in the documented order. */
export function addCommitment(client: StoredClient, input: NewCommitment, now: Date): StoredCommitment {
  const commitment: StoredCommitment = {
    id: newId('k'),
    by: input.by,
    what: input.what,
    ...(input.due === undefined ? {} : { due: input.due }),
    status: 'open',
    createdAt: now.toISOString(),
    ...(input.entry === undefined ? {} : { entry: input.entry }),
    ...(input.repeat === undefined ? {} : { repeat: checkedRepeat(input.repeat, input.due) })
  }
  client.commitments ??= []
  client.commitments.push(commitment)
  return commitment
}

export function findCommitment(client: StoredClient, id: string): StoredCommitment {
  const commitment = client.commitments?.find((c) => c.id === id)
  if (!commitment) throw new RapportError('not-found', `${client.name} has no commitment with the id ${id}. It may have been removed from client.json.`)
  return commitment
}

/**
 * Changes a commitment. Every change of due date or status is recorded in its
 * `history` as what it was before (with when, and the note), so a
 * renegotiated date keeps the old one. `closedAt` is set when it is done or
 * dropped and removed if it is opened again. Nothing is written when nothing changes.
 */
export function updateCommitment(client: StoredClient, id: string, change: CommitmentChange, now: Date): StoredCommitment {
  const commitment = findCommitment(client, id)
  if (change.what !== undefined) commitment.what = change.what
  if (change.entry === null) delete commitment.entry
  else if (change.entry !== undefined) commitment.entry = change.entry
  if (change.repeat === null) delete commitment.repeat
  else if (change.repeat !== undefined) commitment.repeat = checkedRepeat(change.repeat, change.due === undefined ? commitment.due : (change.due ?? undefined))

  const newDue = change.due === undefined ? commitment.due : (change.due ?? undefined)
  const newStatus = change.status ?? commitment.status
  if (newDue === commitment.due && newStatus === commitment.status) return commitment

  const before: HistoryItem = { at: now.toISOString() }
  if (commitment.due !== undefined) before.due = commitment.due
  before.status = commitment.status
  if (change.note?.trim()) before.note = change.note.trim()
  const history = Array.isArray(commitment.history) ? (commitment.history as unknown[]) : (commitment.history = [])
  history.push(before)

  if (newDue === undefined) delete commitment.due
  else commitment.due = newDue
  const wasActive = isActive(commitment)
  commitment.status = newStatus
  if (wasActive && !isActive(commitment)) commitment.closedAt = now.toISOString()
  if (!wasActive && isActive(commitment)) delete commitment.closedAt
  return commitment
}

/** A stored commitment as the contract shows it; added fields that a hand edit made unreadable are left out. */
export function toCommitment(stored: StoredCommitment): Commitment {
  const additions = commitmentAdditionsSchema.safeParse(stored)
  if (additions.success) return { ...stored, ...additions.data }
  const { closedAt: _closedAt, history: _history, ...rest } = stored
  return rest
}
