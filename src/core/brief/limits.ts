import type { Capped } from '../../shared/contract/brief'

/**
 * How much of each list and text the brief shows. The brief is read in
 * thirty seconds and must fit one printed A4 or Letter page: everything
 * longer is cut here, in one place, and says how much was left out. With
 * every list at its limit it still fits a Letter page printed at 10 pt
 * (see "fits one printed page" in assemble-brief.test.ts).
 */
export const briefLimits = {
  commitmentsEachWay: 3,
  conversations: 2,
  questions: 2,
  styleNotes: 2,
  /** Points under each heading of the last retrospective. */
  retrospectivePoints: 3,
  likes: 8,
  /** People likely on the call, and the likes and dislikes shown for each: one printed line a person. */
  people: 3,
  personLikes: 1,
  /** The newest entries whose mentions put a person at the top of "likely on the call". */
  mentionWindow: 10,
  dates: 3,
  /** Important dates further off than this are not "coming up" before a call. */
  comingUpDays: 30,
  /** Characters of an entry's gist: two printed lines. */
  gistChars: 200,
  /** Characters of free text (goals, notes, a retrospective point): about two printed lines. */
  textChars: 200
} as const

/** The first `limit` items, and how many were left out. */
export function capped<T>(items: readonly T[], limit: number): Capped<T> {
  return { items: items.slice(0, limit), more: Math.max(0, items.length - limit) }
}

/** The last `limit` items (the most recent of a list kept in the order things were added), still in that order. */
export function cappedRecent<T>(items: readonly T[], limit: number): Capped<T> {
  return { items: items.slice(Math.max(0, items.length - limit)), more: Math.max(0, items.length - limit) }
}
