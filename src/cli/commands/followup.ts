import type { CliCommand } from '../command'
import { dueWords } from '../lines'
import { clientNamed, isoDay, nameAndLast } from '../values'

export const followup: CliCommand = {
  name: 'followup',
  usage: 'followup NAME DATE|none',
  summary: 'Plan the next follow-up (YYYY-MM-DD), or clear it with none',
  async run(ctx, { positionals }) {
    const { name, last } = nameAndLast(positionals, 'Say with whom and when: rapport followup "Dana Whitfield" 2026-12-01  (or none to clear it)')
    const followUp = last.toLowerCase() === 'none' ? null : isoDay('The follow-up date', last)
    const client = await clientNamed(ctx, name)
    const detail = await ctx.call('clients:update-profile', { id: client.id, patch: { followUp } })
    if (ctx.json) return ctx.io.out(JSON.stringify({ clientId: client.id, followUp: detail.client.followUp ?? null, due: detail.insights.followUp }, null, 2))
    const due = detail.insights.followUp
    ctx.io.out(due ? `${detail.client.name}: follow up ${dueWords(due).replace(/^(was )?due /, '')}` : `${detail.client.name}: no follow-up planned`)
  }
}
