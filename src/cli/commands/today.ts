import type { TodayItem } from '../../shared/contract/relationship'
import type { CliCommand } from '../command'

/** One section of the list, left out when it is empty. */
function section(title: string, items: readonly TodayItem[]): string[] {
  return items.length === 0 ? [] : ['', title, ...items.map((item) => `  ${item.clientName}: ${item.line}`)]
}

export const today: CliCommand = {
  name: 'today',
  usage: 'today',
  summary: 'What needs you today: follow-ups, commitments due, important dates, who to reach out to',
  async run(ctx) {
    const list = await ctx.call('today:get', undefined)
    if (ctx.json) return ctx.io.out(JSON.stringify(list, null, 2))
    const lines = [
      ...section('Follow-ups', list.followUps),
      ...section('Your commitments', list.commitments.mine),
      ...section('Their commitments', list.commitments.theirs),
      ...section('Important dates this week', list.importantDates),
      ...section('Reach out', list.reachOut)
    ]
    ctx.io.out([`Today, ${list.day} (${list.timeZone})`, ...(lines.length > 0 ? lines : ['', 'Nothing needs you today.'])].join('\n'))
  }
}
