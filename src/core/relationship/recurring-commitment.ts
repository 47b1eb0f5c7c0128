import type { StoredCommitment } from './stored-client'
import type { OccurrenceAt } from './recurrence'
import { firstOccurrence, pendingOccurrence, readRule, ruleWords } from './recurrence'

/** What a commitment asks for now: its due date, or for a recurring one the occurrence waiting. */
export interface CommitmentNow {
  /** The date the lists judge: `due`, or the waiting occurrence. */
  due?: string
  /** Set for a recurring commitment with a readable rule: the occurrence waiting (none when the rule has ended). */
  occurrence?: OccurrenceAt
  /** "every Thursday", for a recurring one. */
  repeatWords?: string
  /** A recurring commitment whose every occurrence was dealt with: nothing left to keep. */
  finished: boolean
  /** A rule that cannot be read (a hand edit): the commitment is shown by its `due` alone, and doctor says why. */
  problem?: string
}

/** The occurrences already dealt with, as recorded (hand-edited entries that are not readable are passed over). */
export function dealtWith(commitment: StoredCommitment): OccurrenceAt[] {
  const list: unknown = commitment.occurrences
  if (!Array.isArray(list)) return []
  return list.flatMap((o: unknown) => (typeof o === 'object' && o !== null && typeof (o as { on?: unknown }).on === 'string' ? [(o as { on: string }).on] : []))
}

/** Why a commitment's repeat cannot be used, or null when it can (or there is none). */
export function repeatProblem(commitment: Pick<StoredCommitment, 'repeat' | 'due'>): string | null {
  if (commitment.repeat === undefined) return null
  const reading = readRule(commitment.repeat)
  if (!reading.ok) return reading.problem
  if (commitment.due === undefined) return 'a repeating commitment needs a due date: its first occurrence'
  return null
}

export function commitmentNow(commitment: StoredCommitment, timeZone: string): CommitmentNow {
  const plain: CommitmentNow = { finished: false, ...(commitment.due === undefined ? {} : { due: commitment.due }) }
  if (commitment.repeat === undefined) return plain
  const problem = repeatProblem(commitment)
  const reading = readRule(commitment.repeat)
  const first = commitment.due === undefined ? null : firstOccurrence(commitment.due, timeZone)
  if (problem !== null || !reading.ok || first === null) return { ...plain, problem: problem ?? 'its due date cannot be read' }
  const pending = pendingOccurrence(reading.recur, first, dealtWith(commitment))
  const words = ruleWords(reading.rule)
  if (pending === null) return { finished: true, repeatWords: words }
  return { due: pending, occurrence: pending, repeatWords: words, finished: false }
}
