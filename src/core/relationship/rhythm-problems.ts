import type { ClientFile } from '../../shared/domain'
import { readCadence } from './cadence'
import { repeatProblem } from './recurring-commitment'

/**
 * What is wrong with the rhythm fields of a client file edited by hand: a
 * cadence or a repeat rule Rapport cannot read. The file stays usable (the
 * client falls back to the vault's default, the commitment to its due date)
 * and is never rewritten to "fix" them; `rapport doctor` says where and why.
 */
export function rhythmProblems(client: ClientFile): string[] {
  const problems: string[] = []
  const cadence = (where: string, text: string | undefined): void => {
    if (text === undefined) return
    const reading = readCadence(text)
    if (!reading.ok) problems.push(`${where}: ${reading.problem}`)
  }
  cadence('cadence', client.cadence)
  for (const [index, person] of client.people.entries()) cadence(`people.${index}.cadence (${person.name})`, person.cadence)
  for (const [index, commitment] of client.commitments.entries()) {
    const problem = repeatProblem(commitment)
    if (problem !== null) problems.push(`commitments.${index}.repeat (“${commitment.what.slice(0, 60)}”): ${problem}`)
  }
  return problems
}
