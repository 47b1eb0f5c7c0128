import { findClient } from '../../core/clients/find-client'
import type { CliCommand } from '../command'
import { usageError } from '../output'
import { readStdinText } from '../stdin'
import { backdate } from '../values'

export const newEntry: CliCommand = {
  name: 'new',
  usage:
    'new --client NAME [--title T] [--template ID] [--date DATE] [--windows-1252]   (the body is read from standard input: UTF-8 text, or Windows-1252 with --windows-1252)',
  summary: 'Write a new entry',
  options: {
    client: { type: 'string' },
    title: { type: 'string' },
    template: { type: 'string' },
    'windows-1252': { type: 'boolean' },
    date: { type: 'string' }
  },
  async run(ctx, { values }) {
    const clientName = values.client
    if (typeof clientName !== 'string') throw usageError('Say whose journal it goes in: rapport new --client "Dana Whitfield"')
    const created = values.date === undefined ? undefined : await backdate(ctx, values.date)
    const client = findClient(await ctx.call('clients:list', undefined), clientName)
    const body = (await readStdinText(ctx.io, { windows1252: values['windows-1252'] === true })) ?? ''
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
