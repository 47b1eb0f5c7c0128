import { resolve } from 'node:path'
import { findClient } from '../../core/clients/find-client'
import { count } from '../../core/relationship/wording'
import type { CliCommand } from '../command'
import { CliError, usageError } from '../output'

export const importDayOneCommand: CliCommand = {
  name: 'import-day-one',
  usage:
    'import-day-one EXPORT.zip [--journal "NAME=CLIENT"]… [--dry-run]   (a journal named like a client goes to it; others to your journal; --journal "NAME=-" leaves one out)',
  summary: 'Import a Day One JSON export (.zip): entries with their dates, tags, photos, videos, audio and PDFs',
  mayCreateVault: true,
  options: {
    journal: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' }
  },
  async run(ctx, { positionals, values }) {
    if (positionals.length !== 1) throw usageError('Say which Day One export to import: one .zip file.')
    const path = resolve(positionals[0] ?? '')
    const preview = await ctx.call('import:day-one-preview', { path })
    if (!preview) throw new CliError('Nothing was chosen to import.')
    const clients = await ctx.call('clients:list', undefined)
    const journals: Record<string, string | null> = Object.fromEntries(preview.journals.map((j) => [j.name, j.clientId]))
    for (const given of (values.journal as string[] | undefined) ?? []) {
      const [name, client] = given.split(/=(.*)/s).map((part) => part.trim())
      if (!name || client === undefined) throw usageError(`--journal takes NAME=CLIENT (or NAME=- to leave it out): "${given}"`)
      if (!Object.hasOwn(journals, name))
        throw new CliError(`${path} has no journal named "${name}" (it has ${preview.journals.map((j) => `"${j.name}"`).join(', ')}).`)
      if (client === '-') delete journals[name]
      else journals[name] = client === '' ? null : findClient(clients, client).id
    }
    if (values['dry-run'] === true) {
      if (ctx.json) ctx.io.out(JSON.stringify({ ...preview, mapping: journals }, null, 2))
      else {
        ctx.io.out(`${path}: nothing has been written (--dry-run).`)
        for (const j of preview.journals) {
          const to = !Object.hasOwn(journals, j.name)
            ? 'left out'
            : journals[j.name] === null
              ? 'your journal'
              : (clients.find((c) => c.id === journals[j.name])?.name ?? '')
          ctx.io.out(
            `  ${j.name}: ${count(j.entries, 'entry', 'entries')}, ${count(j.photos, 'photo')}${j.files ? `, ${count(j.files, 'other file')}` : ''} → ${to}${j.alreadyImported ? ` (${j.alreadyImported} already here)` : ''}`
          )
        }
      }
      for (const { path: where, reason } of preview.problems) ctx.io.err(`${where}: ${reason}`)
      return preview.problems.length > 0 ? 1 : 0
    }
    const report = await ctx.call('import:day-one-run', { path, journals })
    if (ctx.json) ctx.io.out(JSON.stringify(report, null, 2))
    else
      ctx.io.out(
        `Imported ${count(report.imported, 'entry', 'entries')} with ${count(report.photos, 'photo')}${report.files ? ` and ${count(report.files, 'other file')}` : ''}${report.alreadyImported ? `; ${count(report.alreadyImported, 'entry', 'entries')} already here` : ''}.`
      )
    for (const { path: where, reason } of report.problems) ctx.io.err(`${where}: ${reason}`)
    return report.problems.length > 0 ? 1 : 0
  }
}
