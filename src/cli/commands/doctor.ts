import type { CliCommand } from '../command'

export const doctor: CliCommand = {
  name: 'doctor',
  usage: 'doctor',
  summary: 'Check every file of the vault and report problems (exit 1 when there are any)',
  async run(ctx) {
    const info = await ctx.call('vault:info', undefined)
    if (ctx.json) ctx.io.out(JSON.stringify({ root: info.root, readOnly: info.readOnly, problems: info.problems }, null, 2))
    else if (info.problems.length === 0) ctx.io.out(`No problems found in ${info.root}`)
    else {
      ctx.io.out(`${info.problems.length} problem${info.problems.length === 1 ? '' : 's'} in ${info.root}:`)
      for (const p of info.problems) ctx.io.out(`  ${p.path}: ${p.reason}`)
    }
    return info.problems.length > 0 ? 1 : 0
  }
}
