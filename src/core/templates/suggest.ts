import type { ClientFile } from '../../shared/domain'
import { shorten } from '../../shared/markdown'
import { isActive } from '../relationship/commitments'
import { dueOf } from '../relationship/due'
import { outreachOf } from '../relationship/outreach'
import { quietOf } from '../relationship/quiet'
import { count } from '../relationship/wording'
import { momentOf } from './client-facts'
import { addDays, dayOf, localDay } from './dates'
import { fold } from './fold'

/**
 * The order of the template picker: the templates most likely wanted for
 * this client right now first, then the rest by their `order`, then by name.
 */

export interface Orderable {
  id: string
  name: string
  description: string
  order: number
  /** Broken templates go last: listed so they can be fixed, never suggested. */
  problem?: string
}

/** The built-ins each situation calls for, most telling situation first. */
export const SUGGESTED = {
  afterMeeting: 'after-difficult-meeting',
  failingGraciously: 'failing-graciously',
  beforeCall: 'before-a-call',
  perseverance: 'perseverance',
  retrospective: 'feedback-retrospective',
  firstMeeting: 'first-meeting'
} as const

/**
 * What the relationship's own rules need (the user's settings): with them,
 * the essays' suggestions are made too — failing graciously after an overdue
 * promise of yours, perseverance for a client gone quiet, the retrospective
 * in the feedback stage.
 */
export interface CoachingContext {
  quietAfterDays: number
  timeZone: string
}

const DAY_MS = 86_400_000

/** A meeting or a conversation: what may have been difficult (an email they sent, or an article you shared, is not). */
const metOrSpoke = (i: ClientFile['interactions'][number]): boolean => i.outcome === 'meeting' || i.outcome === 'conversation'

/** Why a template is likely now, by template id, in the order to show them. */
export function likelyTemplates(client: ClientFile, now: Date, coaching?: CoachingContext): Map<string, string> {
  const likely = new Map<string, string>()
  const interactions = client.interactions ?? []
  const at = (i: (typeof interactions)[number]) => momentOf(i) ?? Number.NaN
  const justMet = interactions.find((i) => metOrSpoke(i) && at(i) <= now.getTime() && now.getTime() - at(i) <= DAY_MS)
  if (justMet) {
    likely.set(SUGGESTED.afterMeeting, justMet.outcome === 'meeting' ? 'You logged a meeting in the last day.' : 'You logged a conversation in the last day.')
  }
  if (coaching) {
    const overdue = client.commitments.find(
      (c) => c.by === 'me' && isActive(c) && c.due !== undefined && dueOf(c.due, now, coaching.timeZone)?.state === 'overdue'
    )
    if (overdue) likely.set(SUGGESTED.failingGraciously, `Your promise “${short(overdue.what)}” is overdue.`)
  }
  const today = localDay(now)
  const followUp = client.followUp ? dayOf(client.followUp) : null
  if (interactions.some((i) => at(i) > now.getTime())) likely.set(SUGGESTED.beforeCall, 'You have a call or meeting coming up.')
  else if (followUp === today) likely.set(SUGGESTED.beforeCall, 'Your follow-up is today.')
  else if (followUp === addDays(today, 1)) likely.set(SUGGESTED.beforeCall, 'Your follow-up is tomorrow.')
  if (coaching) {
    const { lastSpokeAt } = outreachOf(interactions, now, coaching.timeZone)
    const silence = quietOf({ stage: client.stage?.current, lastSpokeAt, createdAt: client.createdAt }, coaching.quietAfterDays, now, coaching.timeZone)
    if (silence.quiet && silence.days !== undefined) likely.set(SUGGESTED.perseverance, `No conversation for ${count(silence.days, 'day')}.`)
    if (client.stage?.current === 'feedback') likely.set(SUGGESTED.retrospective, 'You are in the feedback stage.')
  }
  if (interactions.length === 0) likely.set(SUGGESTED.firstMeeting, 'Nothing is logged with them yet.')
  return likely
}

/** A promise named in a few words, so the reason stays one line. */
const short = (text: string): string => shorten(text.replace(/\s+/g, ' ').trim(), 40)

/** Sorts templates for the picker; `likely` (from `likelyTemplates`) come first, marked with why. */
export function orderTemplates<T extends Orderable>(templates: readonly T[], likely: ReadonlyMap<string, string> = new Map()): (T & { suggested?: string })[] {
  const rank = (t: T): number => {
    if (t.problem) return Number.MAX_SAFE_INTEGER
    const i = [...likely.keys()].indexOf(t.id)
    return i === -1 ? likely.size : i
  }
  return [...templates]
    .sort(
      (a, b) =>
        rank(a) - rank(b) || a.order - b.order || a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) || a.id.localeCompare(b.id)
    )
    .map((t) => {
      const why = t.problem ? undefined : likely.get(t.id)
      return why === undefined ? t : { ...t, suggested: why }
    })
}

/** Keeps the templates whose name or description has every word typed (ignoring case and accents). */
export function filterTemplates<T extends Orderable>(templates: readonly T[], typed: string): T[] {
  const words = searchable(typed).split(' ').filter(Boolean)
  if (words.length === 0) return [...templates]
  return templates.filter((t) => {
    const haystack = searchable(`${t.name} ${t.description} ${t.id}`)
    return words.every((w) => haystack.includes(w))
  })
}

/** Words only: "before-a-call," and "Before a call" search alike. */
const searchable = (text: string): string =>
  fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
