import type { CliCommand } from '../command'

export const init: CliCommand = {
  name: 'init',
  usage: 'init',
  summary: 'Create the vault (if needed) and say where it is',
  mayCreateVault: true,
  async run(ctx) {
    const info = await ctx.call('vault:info', undefined)
    if (ctx.json) return ctx.io.out(JSON.stringify(info, null, 2))
    ctx.io.out(info.created ? `Created a new vault at ${info.root}` : `The vault at ${info.root} is ready`)
  }
}
