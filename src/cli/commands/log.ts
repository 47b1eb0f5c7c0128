import { channels, directions, outcomes } from '../../shared/domain'
import { channelWords, outcomeWords } from '../../shared/words'
import type { CliCommand } from '../command'
import { onUsersClock } from '../lines'
import { usageError } from '../output'
import { clientNamed, instantOnUsersClock, isoMoment, oneOf, textOption } from '../values'

export const log: CliCommand = {
  name: 'log',
  usage: 'log NAME --channel C --outcome O [--direction out|in] [--note TEXT] [--at DATETIME]',
  summary: 'Record a contact: a call, an email, a meeting',
  options: { channel: { type: 'string' }, outcome: { type: 'string' }, direction: { type: 'string' }, note: { type: 'string' }, at: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const name = positionals.join(' ').trim()
    if (!name) throw usageError('With whom? rapport log "Dana Whitfield" --channel phone --outcome conversation')
    const channel = oneOf('channel (--channel)', values.channel, channels)
    const outcome = oneOf('outcome (--outcome)', values.outcome, outcomes)
    const direction = oneOf('direction (--direction)', values.direction ?? 'out', directions)
    const typed = values.at === undefined ? undefined : isoMoment('--at', values.at)
    const note = textOption(values.note)
    const client = await clientNamed(ctx, name)
    // A time is on the user's clock, stored as the instant (as the app's date field does); a day alone stays a day.
    const at = typed === undefined || typed.length === 10 ? typed : await instantOnUsersClock(ctx, '--at', typed)
    const { interaction, client: detail } = await ctx.call('interactions:add', {
      clientId: client.id,
      channel,
      outcome,
      direction,
      ...(at === undefined ? {} : { at }),
      ...(note === undefined ? {} : { note })
    })
    if (ctx.json) return ctx.io.out(JSON.stringify(interaction, null, 2))
    const when = onUsersClock(interaction.at, (await ctx.call('settings:get', undefined)).timeZone)
    ctx.io.out(
      `${detail.client.name}: ${channelWords[channel]} · ${direction === 'in' ? 'from them' : 'from you'} · ${outcomeWords[outcome]}, ${when}  (${interaction.id})`
    )
    if (detail.insights.outreach.sentence) ctx.io.out(detail.insights.outreach.sentence)
  }
}
