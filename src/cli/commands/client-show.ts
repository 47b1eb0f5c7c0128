import { dayOf } from '../../core/relationship/calendar'
import { count } from '../../core/relationship/wording'
import { relationWords, trustWord } from '../../shared/people-words'
import { channelWords, outcomeWords, stageWords } from '../../shared/words'
import type { CliCommand } from '../command'
import { commitmentLine, dueWords } from '../lines'
import { usageError } from '../output'
import { clientNamed } from '../values'

export const clientShow: CliCommand = {
  name: 'client show',
  usage: 'client show NAME',
  summary: 'A client’s record: stage, trust, commitments, people',
  async run(ctx, { positionals }) {
    const name = positionals.join(' ').trim()
    if (!name) throw usageError('Which client? rapport client show "Dana Whitfield"')
    const { client, summary, insights } = await ctx.call('clients:get', { id: (await clientNamed(ctx, name)).id })
    if (ctx.json) return ctx.io.out(JSON.stringify({ client, summary, insights }, null, 2))
    const standing = [
      client.stage ? `Stage: ${stageWords[client.stage.current]}` : '',
      client.trust ? `Trust: ${trustWord(client.trust.current)}` : '',
      `${count(summary.entryCount, 'entry', 'entries')}`
    ]
    const lines = [
      `${client.name}  (${client.id})  ${summary.path}`,
      ...(client.organisation ? [`Organisation: ${client.organisation}${client.role ? ` — ${client.role}` : ''}`] : []),
      standing.filter(Boolean).join(' · '),
      `Follow up: ${insights.followUp ? dueWords(insights.followUp).replace(/^(was )?due /, '') : 'none planned'}`
    ]
    const active = client.commitments.filter((k) => k.status === 'open' || k.status === 'renegotiated')
    if (active.length > 0) {
      lines.push('', `Commitments (${active.length} open${insights.commitments.overdue ? `, ${insights.commitments.overdue} overdue` : ''}):`)
      const list = await ctx.call('commitments:list-all', {})
      for (const item of list.filter((i) => i.clientId === client.id)) lines.push(`  ${commitmentLine(item.commitment, item.due)}`)
    }
    if (client.people.length > 0) {
      lines.push('', 'People:')
      for (const p of client.people) {
        const details = [p.role, p.relation ? relationWords[p.relation] : undefined, p.trust ? `trust: ${trustWord(p.trust.current)}` : undefined]
          .filter(Boolean)
          .join(' · ')
        lines.push(`  ${p.name}${details ? `  ${details}` : ''}`)
      }
    }
    const last = [...client.interactions].sort((a, b) => a.at.localeCompare(b.at)).at(-1)
    if (last) {
      const day = dayOf(last.at, (await ctx.call('settings:get', undefined)).timeZone) ?? last.at.slice(0, 10)
      lines.push(
        '',
        `Last contact: ${day}, ${channelWords[last.channel]} · ${last.direction === 'in' ? 'from them' : 'from you'} · ${outcomeWords[last.outcome]}`
      )
    }
    if (insights.outreach.sentence) lines.push(insights.outreach.sentence)
    if (insights.quiet.quiet && insights.quiet.days !== undefined) lines.push(`Gone quiet: no conversation for ${count(insights.quiet.days, 'day')}.`)
    ctx.io.out(lines.join('\n'))
  }
}
