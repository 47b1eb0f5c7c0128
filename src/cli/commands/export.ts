import { resolve } from 'node:path'
import { findClient } from '../../core/clients/find-client'
import { count } from '../../core/relationship/wording'
import type { ExportScope } from '../../shared/contract/transfer'
import type { CliCommand } from '../command'
import { CliError, usageError } from '../output'

/** How many existing files a refusal names before "and N more". */
const SHOWN = 5

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export (--entry ID | --client NAME | --all) --out DIR [--no-front-matter] [--dossier] [--history] [--overwrite]',
  summary: 'Export an entry, a client (a folder, or one dossier file) or the whole vault as Markdown',
  options: {
    entry: { type: 'string' },
    client: { type: 'string' },
    all: { type: 'boolean' },
    out: { type: 'string' },
    'no-front-matter': { type: 'boolean' },
    dossier: { type: 'boolean' },
    history: { type: 'boolean' },
    overwrite: { type: 'boolean' }
  },
  async run(ctx, { values }) {
    const chosen = [values.entry, values.client, values.all].filter((v) => v !== undefined && v !== false)
    if (chosen.length !== 1) throw usageError('Say what to export: one of --entry ID, --client NAME or --all.')
    if (typeof values.out !== 'string' || !values.out.trim()) throw usageError('Say where: --out DIR (a folder; it is created if it does not exist).')
    let scope: ExportScope
    if (typeof values.entry === 'string') scope = { entry: values.entry }
    else if (typeof values.client === 'string') scope = { client: findClient(await ctx.call('clients:list', undefined), values.client).id }
    else scope = { all: true }

    if ((await ctx.vault()).encrypted)
      ctx.io.err('The vault is encrypted; this export is not: it is plain Markdown that anyone who can open the files can read.')
    const report = await ctx.call('export:run', {
      scope,
      options: { frontMatter: values['no-front-matter'] !== true, dossier: values.dossier === true, history: values.history === true },
      target: resolve(values.out),
      overwrite: values.overwrite === true,
      // Typing the command is the yes that the app asks for in a dialog; still say what it means.
      plainConfirmed: true
    })
    if (!report) throw new CliError('No folder was chosen, so nothing was exported.')
    if (ctx.json) {
      ctx.io.out(JSON.stringify(report, null, 2))
      return report.status === 'done' && report.skipped.length === 0 ? 0 : 1
    }
    if (report.status === 'needs-overwrite') {
      const shown = report.existing.slice(0, SHOWN).join(', ')
      const more = report.existing.length > SHOWN ? ` and ${report.existing.length - SHOWN} more` : ''
      const one = report.existing.length === 1
      throw new CliError(
        `${count(report.existing.length, 'file')} already ${one ? 'exists' : 'exist'} in ${report.target} (${shown}${more}). Nothing was written. Add --overwrite to replace ${one ? 'it' : 'them'}, or choose another --out.`
      )
    }
    const what = [
      count(report.entries, 'entry', 'entries'),
      report.clients ? count(report.clients, 'client') : '',
      report.snapshots ? count(report.snapshots, 'earlier version') : ''
    ]
    ctx.io.out(`Exported ${what.filter(Boolean).join(', ')}: ${count(report.written, 'file')} written to ${report.target}`)
    for (const { path, reason } of report.skipped) ctx.io.err(`  not written  ${path}: ${reason}`)
    return report.skipped.length > 0 ? 1 : 0
  }
}
