import { resolve } from 'node:path'
import { CalendarFeedFile } from '../../core/calendar/feed-file'
import { systemClock } from '../../core/relationship/viewpoint'
import type { CliCommand } from '../command'
import { CliError } from '../output'

export const calendar: CliCommand = {
  name: 'calendar',
  usage: 'calendar --out FILE',
  summary: 'Write the iCalendar feed (.ics) once: follow-ups, promises, dates, reach-outs',
  options: { out: { type: 'string' } },
  async run(ctx, { values }) {
    if (typeof values.out !== 'string' || !/\.ics$/i.test(values.out.trim()))
      throw new CliError('Say where, a file ending in .ics: rapport calendar --out ~/Calendars/rapport.ics', 2)
    // The feed depends on the clients and the user's zone, never on "now", so the system clock serves.
    const written = await new CalendarFeedFile(await ctx.vault(), systemClock).writeTo(resolve(values.out.trim()))
    if (ctx.json) return ctx.io.out(JSON.stringify(written, null, 2))
    ctx.io.out(`${written.path}: ${written.events} event${written.events === 1 ? '' : 's'}${written.written ? '' : ' (unchanged)'}`)
  }
}
