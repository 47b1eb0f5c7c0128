import type { CliCommand } from '../command'

export const clients: CliCommand = {
  name: 'clients',
  usage: 'clients',
  summary: 'List clients',
  async run(ctx) {
    const list = await ctx.call('clients:list', undefined)
    if (ctx.json) return ctx.io.out(JSON.stringify(list, null, 2))
    if (list.length === 0) return ctx.io.out('No clients yet. Add one with: rapport client add "Name"')
    for (const c of list) {
      const details = [c.organisation, c.stage, `${c.entryCount} ${c.entryCount === 1 ? 'entry' : 'entries'}`].filter(Boolean).join(' · ')
      ctx.io.out(`${c.name}  ${details}${c.problem ? `  ⚠ ${c.problem}` : ''}`)
    }
  }
}
