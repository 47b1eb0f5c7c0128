import type { CliCommand } from '../command'
import { commitmentLine } from '../lines'
import { clientNamed, textOption } from '../values'

export const commitments: CliCommand = {
  name: 'commitments',
  usage: 'commitments [--client NAME] [--overdue]',
  summary: 'Open commitments, both ways, overdue first',
  options: { client: { type: 'string' }, overdue: { type: 'boolean' } },
  async run(ctx, { values }) {
    const name = textOption(values.client)
    const clientId = name === undefined ? undefined : (await clientNamed(ctx, name)).id
    const list = (await ctx.call('commitments:list-all', {})).filter(
      (i) => (clientId === undefined || i.clientId === clientId) && (values.overdue !== true || i.overdue)
    )
    if (ctx.json) return ctx.io.out(JSON.stringify(list, null, 2))
    if (list.length === 0) return ctx.io.out(values.overdue === true ? 'Nothing is overdue.' : 'No open commitments.')
    for (const item of list) ctx.io.out(commitmentLine(item.commitment, item.due, clientId === undefined ? item.clientName : undefined))
  }
}
