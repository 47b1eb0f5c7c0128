import type { CliCommand } from '../command'
import { commitmentLine } from '../lines'
import { clientNamed, isoDay, nameAndLast, oneOf } from '../values'

/** Who keeps it: "them" on the command line is "client" in client.json. */
const parties = { me: 'me', them: 'client', client: 'client' } as const

export const promise: CliCommand = {
  name: 'promise',
  usage: 'promise NAME "WHAT" [--by me|them] [--due DATE] [--repeat RRULE]',
  summary: 'Record a commitment, yours (the default) or theirs',
  options: { by: { type: 'string' }, due: { type: 'string' }, repeat: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const { name, last: what } = nameAndLast(
      positionals,
      'Say to whom and what, the promise in quotes: rapport promise "Dana Whitfield" "Send the revised scope" --due 2026-12-01'
    )
    const by = parties[oneOf('party (--by)', values.by ?? 'me', ['me', 'them'] as const)]
    const due = values.due === undefined ? undefined : isoDay('--due', values.due)
    // A recurring promise (issue #16): an RFC 5545 rule whose first occurrence is --due.
    const repeat = typeof values.repeat === 'string' ? values.repeat : undefined
    const client = await clientNamed(ctx, name)
    const { commitment, client: detail } = await ctx.call('commitments:add', {
      clientId: client.id,
      by,
      what,
      ...(due === undefined ? {} : { due }),
      ...(repeat === undefined ? {} : { repeat })
    })
    if (ctx.json) return ctx.io.out(JSON.stringify(commitment, null, 2))
    const item = (await ctx.call('commitments:list-all', {})).find((i) => i.commitment.id === commitment.id)
    ctx.io.out(commitmentLine(commitment, item?.due ?? null, detail.client.name))
  }
}
