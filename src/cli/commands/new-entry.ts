import { findClient } from '../../core/clients/find-client'
import type { CliCommand } from '../command'
import { usageError } from '../output'

export const newEntry: CliCommand = {
  name: 'new',
  usage: 'new --client NAME [--title T] [--template ID]   (the body is read from standard input)',
  summary: 'Write a new entry',
  options: { client: { type: 'string' }, title: { type: 'string' }, template: { type: 'string' } },
  async run(ctx, { values }) {
    const clientName = values.client
    if (typeof clientName !== 'string') throw usageError('Say whose journal it goes in: rapport new --client "Dana Whitfield"')
    const client = findClient(await ctx.call('clients:list', undefined), clientName)
    const body = (await ctx.io.readStdin()) ?? ''
    const entry = await ctx.call('entries:create', {
      clientId: client.id,
      body,
      ...(typeof values.title === 'string' ? { title: values.title } : {}),
      ...(typeof values.template === 'string' ? { template: values.template } : {})
    })
    if (ctx.json) return ctx.io.out(JSON.stringify(entry, null, 2))
    ctx.io.out(entry.path)
  }
}
