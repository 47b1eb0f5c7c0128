import { stages } from '../../shared/domain'
import { stageWords } from '../../shared/words'
import type { CliCommand } from '../command'
import { clientNamed, nameAndLast, oneOf, textOption } from '../values'

export const stage: CliCommand = {
  name: 'stage',
  usage: 'stage NAME STAGE [--note TEXT]',
  summary: 'Move a client to a stage, kept in its history',
  options: { note: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const { name, last } = nameAndLast(positionals, `Say whose stage and which: rapport stage "Dana Whitfield" engaged  (stages: ${stages.join(', ')})`)
    const to = oneOf('stage', last, stages)
    const note = textOption(values.note)
    const client = await clientNamed(ctx, name)
    const detail = await ctx.call('clients:set-stage', { id: client.id, stage: to, ...(note === undefined ? {} : { note }) })
    if (ctx.json) return ctx.io.out(JSON.stringify(detail.client.stage, null, 2))
    ctx.io.out(`${detail.client.name}: ${stageWords[to]}`)
  }
}
