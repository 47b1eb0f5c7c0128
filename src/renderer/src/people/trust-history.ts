import type { TrustLevel } from '@shared/domain'
import { dateStyle, shortDate } from '../../../shared/dates'
import type { DateStyle } from '../../../shared/dates'
import { trustWords } from '../../../shared/words'

/**
 * A person's trust so far, oldest first, each step with its day as the rest
 * of the app says days (the language from Settings, the year only when it is
 * not this one): "Fringe (12 Nov) → Friend (6 Dec)".
 */
export function trustSoFar(history: ReadonlyArray<{ trust?: string; at?: string }>, now: number, style: DateStyle = dateStyle()): string {
  return history
    .map(({ trust = '', at }) => {
      const level = trustWords[trust as TrustLevel] ?? trust
      return at ? `${level} (${shortDate(at, now, style)})` : level
    })
    .join(' → ')
}
