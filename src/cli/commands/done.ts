import type { CliCommand } from '../command'
import { CliError, usageError } from '../output'

export const done: CliCommand = {
  name: 'done',
  usage: 'done COMMITMENT-ID [--note TEXT]   (ids are in "rapport commitments")',
  summary: 'Mark a commitment as kept',
  options: { note: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const id = positionals.join(' ').trim()
    if (!id) throw usageError('Which commitment? rapport done k_01J…  ("rapport commitments" lists them with their ids)')
    const item = (await ctx.call('commitments:list-all', { include: 'all' })).find((i) => i.commitment.id === id)
    if (!item) throw new CliError(`No commitment has the id "${id}". "rapport commitments" lists them.`)
    if (item.commitment.status === 'done') {
      if (ctx.json) return ctx.io.out(JSON.stringify(item.commitment, null, 2))
      return ctx.io.out(`Already kept: ${item.commitment.what} (${item.clientName})`)
    }
    const note = typeof values.note === 'string' ? values.note : undefined
    const { commitment } = await ctx.call('commitments:update', { clientId: item.clientId, id, status: 'done', ...(note === undefined ? {} : { note }) })
    if (ctx.json) return ctx.io.out(JSON.stringify(commitment, null, 2))
    ctx.io.out(`Kept: ${commitment.what} (${item.clientName})`)
  }
}
