/** Words for how a person at a client relates to the work: the People panel, the brief and the CLI say the same. */
import type { TrustLevel, relations } from './domain'
import { trustWords } from './words'

export type Relation = (typeof relations)[number]

export const relationWords: Record<Relation, string> = {
  sponsor: 'Sponsor',
  'decision-maker': 'Decision maker',
  influencer: 'Influencer',
  user: 'User',
  blocker: 'Blocker'
}

export const trustWord = (trust: TrustLevel): string => trustWords[trust]
