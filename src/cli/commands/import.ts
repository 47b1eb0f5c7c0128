import { resolve } from 'node:path'
import { findClient } from '../../core/clients/find-client'
import { count } from '../../core/relationship/wording'
import type { ImportPreview } from '../../shared/contract/transfer'
import type { CliCommand } from '../command'
import type { Io } from '../output'
import { CliError, usageError } from '../output'

export const importCommand: CliCommand = {
  name: 'import',
  usage:
    'import PATH… [--client NAME] [--dry-run] [--create-clients | --no-create-clients] [--keep-duplicates] [--windows-1252]   (a Rapport export restores its clients and profiles unless --no-create-clients; other notes create clients only with --create-clients)',
  summary: 'Import Markdown notes (files or folders, e.g. from Obsidian); --dry-run only shows what would happen',
  mayCreateVault: true,
  options: {
    client: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'create-clients': { type: 'boolean' },
    'no-create-clients': { type: 'boolean' },
    'keep-duplicates': { type: 'boolean' },
    'windows-1252': { type: 'boolean' }
  },
  async run(ctx, { positionals, values }) {
    if (positionals.length === 0) throw usageError('Say what to import: one or more Markdown files or folders.')
    if (values['create-clients'] === true && values['no-create-clients'] === true) throw usageError('Choose one: --create-clients or --no-create-clients.')
    const input = {
      paths: positionals.map((p) => resolve(p)),
      // Neither: the core decides (a Rapport export restores its clients).
      ...(values['create-clients'] === true ? { createClients: true } : values['no-create-clients'] === true ? { createClients: false } : {}),
      windows1252: values['windows-1252'] === true,
      ...(typeof values.client === 'string' ? { clientId: findClient(await ctx.call('clients:list', undefined), values.client).id } : {})
    }
    const keep = values['keep-duplicates'] === true
    if (values['dry-run'] === true) {
      const preview = await ctx.call('import:preview', input)
      if (!preview) throw new CliError('Nothing was chosen to import.')
      if (ctx.json) ctx.io.out(JSON.stringify(preview, null, 2))
      else printPreview(ctx.io, preview, keep)
      return preview.problems.length > 0 ? 1 : 0
    }
    const report = await ctx.call('import:run', { ...input, duplicates: keep ? 'keep' : 'skip' })
    if (!report) throw new CliError('Nothing was chosen to import.')
    if (ctx.json) {
      ctx.io.out(JSON.stringify(report, null, 2))
      return report.problems.length > 0 ? 1 : 0
    }
    const created = report.clientsCreated.length
      ? `, created ${count(report.clientsCreated.length, 'client')} (${report.clientsCreated.map((c) => c.name).join(', ')})`
      : ''
    const skipped = report.duplicatesSkipped ? `, skipped ${count(report.duplicatesSkipped, 'duplicate')} (--keep-duplicates imports them)` : ''
    ctx.io.out(`Imported ${count(report.imported, 'note')}${created}${skipped}.`)
    if (report.status === 'cancelled') ctx.io.out(`Cancelled: ${count(report.notReached, 'note')} not imported.`)
    printProblems(ctx.io, report.problems)
    return report.problems.length > 0 ? 1 : 0
  }
}

function printPreview(io: Io, preview: ImportPreview, keep: boolean): void {
  const left = [
    preview.otherFiles ? `${count(preview.otherFiles, 'file')} that ${preview.otherFiles === 1 ? 'is' : 'are'} not Markdown left out` : '',
    preview.historyVersions ? `${count(preview.historyVersions, 'earlier version')} from an export's history not imported` : ''
  ]
  const leftOut = left.filter(Boolean).join('; ')
  io.out(`Found ${count(preview.notes, 'note')}${leftOut ? ` (${leftOut})` : ''}. Nothing has been written (--dry-run).`)
  const importing = keep ? preview.notes : preview.toImport
  io.out(`Would import ${count(importing, 'note')}:`)
  for (const d of preview.destinations) {
    const n = keep ? d.entries + d.duplicates : d.entries
    io.out(`  ${d.name}${d.isNew ? ' (new client)' : ''}: ${n}`)
  }
  if (preview.fromRapportExport && preview.newClients.some((c) => c.willCreate))
    io.out('This is a Rapport export: its clients and their profiles are restored (--no-create-clients puts the notes in your journal instead).')
  const waiting = preview.newClients.filter((c) => !c.willCreate)
  if (waiting.length) {
    io.out(
      `New clients, not created without --create-clients (their notes go to your journal): ${waiting.map((c) => `${c.name} (${count(c.notes, 'note')})`).join(', ')}`
    )
  }
  if (preview.duplicates.length) {
    io.out(`${count(preview.duplicates.length, 'duplicate')} (${keep ? 'imported anyway: --keep-duplicates' : 'skipped; --keep-duplicates imports them'}):`)
    for (const d of preview.duplicates) io.out(`  ${d.path}: same as ${d.inVault ? 'the entry' : 'the note'} ${d.of}`)
  }
  printProblems(io, preview.problems)
}

function printProblems(io: Io, problems: ReadonlyArray<{ path: string; reason: string }>): void {
  if (!problems.length) return
  io.err(`${count(problems.length, 'file')} not imported:`)
  for (const { path, reason } of problems) io.err(`  ${path}: ${reason}`)
}
