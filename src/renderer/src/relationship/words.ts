/**
 * The relationship views' words: the domain's values come from shared/words.ts
 * and dates from shared/dates.ts, as the brief, the core and the CLI say them.
 */
import { channels, commitmentStatuses, outcomes, stages, trustLevels } from '@shared/domain'
import { calendarDayOf } from '@shared/dates'
import { appNow } from '@renderer/platform/dates/app-clock'
export { channelWords, outcomeWords, stageWords, statusWords, trustWords } from '@shared/words'

export type Channel = (typeof channels)[number]
export type Outcome = (typeof outcomes)[number]
export type CommitmentStatus = (typeof commitmentStatuses)[number]

export { channels, commitmentStatuses, outcomes, stages, trustLevels }

/** Today in the user's zone as `2026-11-23`, for date inputs. */
export const localToday = (): string => calendarDayOf(appNow())

export { count as plural } from '@shared/words'
