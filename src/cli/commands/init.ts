import { writeSyncIgnoreFiles } from '../../core/vault/sync-ignore'
import type { CliCommand } from '../command'

export const init: CliCommand = {
  name: 'init',
  usage: 'init [--sync-ignore]',
  summary: 'Create the vault (if needed) and say where it is; --sync-ignore keeps caches out of Syncthing and git',
  mayCreateVault: true,
  options: { 'sync-ignore': { type: 'boolean' } },
  async run(ctx, { values }) {
    const info = await ctx.call('vault:info', undefined)
    const ignored = values['sync-ignore'] === true ? await writeSyncIgnoreFiles(info.root) : null
    if (ctx.json) return ctx.io.out(JSON.stringify(ignored ? { ...info, syncIgnore: ignored } : info, null, 2))
    ctx.io.out(info.created ? `Created a new vault at ${info.root}` : `The vault at ${info.root} is ready`)
    for (const { file, added } of ignored ?? []) {
      ctx.io.out(added.length > 0 ? `Added to ${file}: ${added.join('  ')}` : `${file} already keeps Rapport's caches out of sync`)
    }
  }
}
