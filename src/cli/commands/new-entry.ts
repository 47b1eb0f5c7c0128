import { findClient } from '../../core/clients/find-client'
import type { CliCommand } from '../command'
import { usageError } from '../output'
import { backdate } from '../values'

export const newEntry: CliCommand = {
  name: 'new',
  usage: 'new --client NAME [--title T] [--template ID] [--date DATE]   (the body is read from standard input)',
  summary: 'Write a new entry',
  options: { client: { type: 'string' }, title: { type: 'string' }, template: { type: 'string' }, date: { type: 'string' } },
  async run(ctx, { values }) {
    const clientName = values.client
    if (typeof clientName !== 'string') throw usageError('Say whose journal it goes in: rapport new --client "Dana Whitfield"')
    const created = values.date === undefined ? undefined : await backdate(ctx, values.date)
    const client = findClient(await ctx.call('clients:list', undefined), clientName)
    const body = (await ctx.io.readStdin()) ?? ''
    const entry = await ctx.call('entries:create', {
      clientId: client.id,
      body,
      ...(typeof values.title === 'string' ? { title: values.title } : {}),
      ...(typeof values.template === 'string' ? { template: values.template } : {}),
      ...(created === undefined ? {} : { created })
    })
    if (ctx.json) return ctx.io.out(JSON.stringify(entry, null, 2))
    ctx.io.out(entry.path)
  }
}
