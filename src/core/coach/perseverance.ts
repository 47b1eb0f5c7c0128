import type { Perseverance } from '../../shared/contract/coach'
import type { Interaction } from '../../shared/contract/relationship'
import { chronological, isConversation } from '../relationship/outreach'
import { count } from '../relationship/wording'

/**
 * How many attempts the user typically needs before a real conversation,
 * from their own history: each time they reached out until they spoke, the
 * attempts it took (the unanswered ones, plus the one that connected when
 * the conversation was theirs). A conversation the client started with no
 * attempt before it was not outreach, and is not counted.
 */
export function attemptsBeforeConversations(interactions: readonly Pick<Interaction, 'at' | 'direction' | 'outcome'>[], timeZone: string): number[] {
  const runs: number[] = []
  let unanswered = 0
  for (const i of chronological(interactions, timeZone)) {
    if (isConversation(i)) {
      const attempts = unanswered + (i.direction === 'out' ? 1 : 0)
      if (attempts > 0) runs.push(attempts)
      unanswered = 0
    } else if (i.direction === 'out' && (i.outcome === 'no-reply' || i.outcome === 'left-message')) unanswered++
  }
  return runs
}

/** Runs of outreach needed before a "typical" figure means anything. */
export const MIN_RUNS = 3

/** The median, rounded to a whole attempt; none from too few runs. */
export function typicalAttempts(runs: readonly number[]): number | undefined {
  if (runs.length < MIN_RUNS) return undefined
  const sorted = [...runs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  return Math.round(median)
}

/**
 * The unanswered count beside what is typical: "It usually takes you 4
 * attempts with Dana before a conversation (3 across clients)." Stated as a
 * fact about the user's own rhythm, so four quiet calls read as normal.
 * `brief` is the same in a few words, for the brief's outreach line.
 * Neither when no attempt is waiting or no typical figure is known.
 */
export function perseveranceOf(unanswered: number, clientRuns: readonly number[], everyoneRuns: readonly number[], clientName: string): Perseverance {
  const withClient = typicalAttempts(clientRuns)
  const acrossClients = typicalAttempts(everyoneRuns)
  const result: Perseverance = { unanswered, ...(withClient === undefined ? {} : { withClient }), ...(acrossClients === undefined ? {} : { acrossClients }) }
  if (unanswered === 0 || (withClient === undefined && acrossClients === undefined)) return result
  const name = clientName.trim() || 'them'
  const typical = withClient ?? acrossClients ?? 0
  const where = withClient !== undefined ? `with ${name}` : 'across your clients'
  const also = withClient !== undefined && acrossClients !== undefined ? ` (${acrossClients} across clients)` : ''
  result.sentence = `It usually takes you ${count(typical, 'attempt')} ${where} before a conversation${also}.`
  result.brief = `usually ${typical} ${where}${withClient !== undefined && acrossClients !== undefined ? `, ${acrossClients} across clients` : ''}`
  return result
}
