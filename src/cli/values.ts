/**
 * The values the recording verbs accept, checked before anything is opened:
 * a wrong one is wrong usage (exit 2) with the valid ones listed, so a typo
 * never reaches the vault. The lists are the domain's own (src/shared/domain.ts),
 * so the CLI accepts exactly what client.json may hold.
 */
import { findClient } from '../core/clients/find-client'
import { instantOf } from '../core/relationship/calendar'
import { isRealIsoDate } from '../shared/contract/relationship'
import type { ClientSummary } from '../shared/domain'
import type { CliContext } from './context'
import { usageError } from './output'

/** `value` when it is one of `allowed`; else wrong usage naming them all. */
export function oneOf<T extends string>(what: string, value: string | boolean | undefined, allowed: readonly T[]): T {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : ''
  const found = allowed.find((a) => a === text)
  if (found !== undefined) return found
  const given = typeof value === 'string' ? `"${value}" is not a ${what}` : `Say the ${what}`
  throw usageError(`${given}. It is one of: ${allowed.join(', ')}.`)
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const MOMENT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/

/** A real calendar day written YYYY-MM-DD (what client.json stores for due dates and follow-ups). */
export function isoDay(flag: string, value: string | boolean | undefined): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (DAY.test(text) && isRealIsoDate(text)) return text
  throw usageError(`${flag} is a date written YYYY-MM-DD, like 2026-11-30${typeof value === 'string' ? `, not "${value}"` : ''}.`)
}

/** A day, or a day and a time (YYYY-MM-DD or YYYY-MM-DDTHH:MM), as stored for an interaction. */
export function isoMoment(flag: string, value: string | boolean | undefined): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (MOMENT.test(text) && isRealIsoDate(text)) return text.replace(' ', 'T')
  throw usageError(
    `${flag} is a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM), like 2026-11-30T14:30${typeof value === 'string' ? `, not "${value}"` : ''}.`
  )
}

/**
 * A wall-clock time typed at the command line (YYYY-MM-DDTHH:MM) as the
 * instant to store, read on the user's clock (their zone from the settings),
 * as the app reads what is typed in its date fields.
 */
export async function instantOnUsersClock(ctx: CliContext, flag: string, wallTime: string): Promise<string> {
  const { timeZone } = await ctx.call('settings:get', undefined)
  const instant = instantOf(wallTime, timeZone)
  if (instant === null) throw usageError(`${flag} is a date written YYYY-MM-DD, not "${wallTime}".`)
  return new Date(instant).toISOString()
}

/**
 * When a backdated entry happened: `--date 2026-11-20` is noon that day on
 * the user's clock, so the day is the same wherever it is read;
 * `--date 2026-11-20T09:30` is that time.
 */
export async function backdate(ctx: CliContext, value: string | boolean | undefined): Promise<string> {
  const moment = isoMoment('--date', value)
  return instantOnUsersClock(ctx, '--date', moment.length === 10 ? `${moment}T12:00` : moment)
}

/** A text option, or undefined when it was not given. */
export const textOption = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined)

/** The client NAME stands for, found the same way as by every other verb. */
export async function clientNamed(ctx: CliContext, name: string): Promise<ClientSummary> {
  return findClient(await ctx.call('clients:list', undefined), name)
}

/**
 * The words of a verb: `stage Dana Whitfield engaged` reads NAME as every
 * word but the last, so a name needs no quotes; `last` says what the last one is for.
 */
export function nameAndLast(positionals: readonly string[], example: string): { name: string; last: string } {
  const last = positionals.at(-1)?.trim() ?? ''
  const name = positionals.slice(0, -1).join(' ').trim()
  if (!name || !last) throw usageError(example)
  return { name, last }
}
