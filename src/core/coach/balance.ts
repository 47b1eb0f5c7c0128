import type { Balance, BalancePart, BalanceTrend } from '../../shared/contract/coach'
import { balanceParts } from '../../shared/contract/coach'
import { dayOf } from '../relationship/calendar'

/**
 * The balance of a relationship: the essays call a good one mutually
 * beneficial, professional and personal. A reflection may rate each from 1 to
 * 5 (the front-matter fields `mutual`, `professional`, `personal`, asked by
 * the feedback/retrospective template); this reads the ratings over time.
 */

export interface Rated {
  entryId: string
  created: string
  /** The entry's front matter: only the three balance fields are read from it. */
  fields: Readonly<Record<string, unknown>>
}

export const BALANCE_SCALE = { min: 1, max: 5 } as const

/** `4`, or `"4"` as some editors write it, within the scale; anything else is no rating. */
function rating(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN
  return Number.isInteger(n) && n >= BALANCE_SCALE.min && n <= BALANCE_SCALE.max ? n : null
}

/**
 * The latest rating of each part, and its trend: up, down or steady from the
 * first rating of the same part (over the whole history, so "steady since
 * 2024" is as visible as a fall). Null when nothing was ever rated.
 */
export function balanceOf(entries: readonly Rated[], timeZone: string): Balance | null {
  const rated = entries
    .map((e) => ({ e, values: Object.fromEntries(balanceParts.map((p) => [p, rating(e.fields[p])])) as Record<BalancePart, number | null> }))
    .filter(({ values }) => balanceParts.some((p) => values[p] !== null))
    .sort((a, b) => a.e.created.localeCompare(b.e.created) || a.e.entryId.localeCompare(b.e.entryId))
  const latest = rated[rated.length - 1]
  const first = rated[0]
  if (!latest || !first) return null
  const parts: Balance['parts'] = {}
  for (const part of balanceParts) {
    const history = rated.map(({ values }) => values[part]).filter((v): v is number => v !== null)
    const now = history[history.length - 1]
    const then = history[0]
    if (now === undefined || then === undefined) continue
    const trend: BalanceTrend = history.length < 2 ? 'once' : now > then ? 'up' : now < then ? 'down' : 'steady'
    parts[part] = { value: now, trend, ratings: history.length }
  }
  const day = (created: string) => dayOf(created, timeZone) ?? created.slice(0, 10)
  return { parts, day: day(latest.e.created), entryId: latest.e.entryId, since: day(first.e.created), ratings: rated.length }
}
