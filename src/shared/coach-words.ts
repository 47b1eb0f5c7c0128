/**
 * The coach's lines in words, shared by the brief's Markdown (core) and the
 * app's profile and brief page, so they read the same everywhere. Plain
 * text: the Markdown writer escapes it like any other text.
 */
import type { Balance, BalancePart, BalanceTrend, ValueGiven } from './contract/coach'
import { balanceParts } from './contract/coach'

/** How a day is written where the line is shown (`3 Nov`, `12 Oct 2025`). */
export type DayWords = (day: string) => string

export const balancePartWords: Record<BalancePart, string> = { mutual: 'mutual', professional: 'professional', personal: 'personal' }
const trendWords: Record<BalanceTrend, string> = { up: ' ↑', down: ' ↓', steady: ' =', once: '' }

/** "Balance 30 Oct (since 12 May 2024): mutual 4 ↑ · professional 5 ↑ · personal 1 =" — each part's latest, and its move since the first rating. */
export function balanceLine(b: Balance, day: DayWords): string {
  const parts = balanceParts.flatMap((p) => {
    const part = b.parts[p]
    return part ? [`${balancePartWords[p]} ${part.value}${trendWords[part.trend]}`] : []
  })
  const span = b.ratings > 1 ? ` (since ${day(b.since)})` : ''
  return `Balance ${day(b.day)}${span}: ${parts.join(' · ')}`
}

const few = (note: string): string => {
  const line = note.replace(/\s+/g, ' ').trim()
  return line.length <= 40 ? line : `${line.slice(0, 39).replace(/\s+\S*$/, '')}…`
}

/** "You last added value on 3 Nov (introduced her to Lee) · they did on 10 Oct"; without `notes`, the days only. */
export function valueLine(v: ValueGiven, day: DayWords, { notes = true }: { notes?: boolean } = {}): string {
  const what = (note: string | undefined) => (note && notes ? ` (${few(note)})` : '')
  if (!v.lastGiven)
    return v.lastReceived
      ? `They last added value on ${day(v.lastReceived.day)}${what(v.lastReceived.note)} · none logged from you yet`
      : 'No value given logged yet'
  const given = `You last added value on ${day(v.lastGiven.day)}${what(v.lastGiven.note)}`
  return v.lastReceived ? `${given} · they did on ${day(v.lastReceived.day)}${what(v.lastReceived.note)}` : given
}
