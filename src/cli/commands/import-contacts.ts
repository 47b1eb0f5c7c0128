import { resolve } from 'node:path'
import { count } from '../../core/relationship/wording'
import type { ContactsPreview, DuplicateChoice } from '../../shared/contract/contacts'
import { duplicateChoices } from '../../shared/contract/contacts'
import { summariseContacts } from '../../shared/contacts-outcome'
import type { CliCommand } from '../command'
import type { Io } from '../output'
import { CliError, usageError } from '../output'

const formatNames: Record<string, string> = {
  vcard: 'vCard',
  'google-csv': 'Google Contacts CSV',
  'outlook-csv': 'Outlook CSV',
  'linkedin-csv': 'LinkedIn connections CSV',
  csv: 'CSV'
}

export const importContactsCommand: CliCommand = {
  name: 'import-contacts',
  mayCreateVault: true,
  usage: 'import-contacts FILE… [--dry-run] [--group-by-organisation] [--duplicates skip|merge|keep]',
  summary: 'Import contacts from vCard (.vcf) or CSV (Google, Outlook, LinkedIn) as clients',
  options: {
    'dry-run': { type: 'boolean' },
    'group-by-organisation': { type: 'boolean' },
    duplicates: { type: 'string' }
  },
  async run(ctx, { positionals, values }) {
    if (positionals.length === 0) throw usageError('Say what to import: one or more .vcf or .csv files.')
    const duplicates = (values.duplicates ?? 'skip') as DuplicateChoice
    if (!duplicateChoices.includes(duplicates))
      throw usageError('--duplicates is skip (the default), merge (fill their empty fields) or keep (add them anyway).')
    const paths = positionals.map((p) => resolve(p))
    const shape = values['group-by-organisation'] === true ? 'organisation' : 'client'
    const preview = await ctx.call('contacts:preview', { paths })
    if (!preview) throw new CliError('Nothing was chosen to import.')
    if (values['dry-run'] === true) {
      if (ctx.json) ctx.io.out(JSON.stringify(preview, null, 2))
      else printPreview(ctx.io, preview, shape, duplicates)
      return preview.problems.length > 0 ? 1 : 0
    }
    const report = await ctx.call('contacts:import', { paths, choices: { fingerprint: preview.fingerprint, shape, otherDuplicates: duplicates } })
    if (ctx.json) {
      ctx.io.out(JSON.stringify(report, null, 2))
      return report.problems.length > 0 ? 1 : 0
    }
    const done = [
      `created ${count(report.clientsCreated.length, 'client')}`,
      report.peopleAdded ? `added ${count(report.peopleAdded, 'person', 'people')}` : '',
      report.merged ? `merged ${count(report.merged, 'duplicate')}` : '',
      report.skipped ? `skipped ${count(report.skipped, 'duplicate')} (--duplicates merge or keep to bring them in)` : ''
    ]
    ctx.io.out(`Imported contacts: ${done.filter(Boolean).join(', ')}.`)
    printProblems(ctx.io, report.problems)
    return report.problems.length > 0 ? 1 : 0
  }
}

function printPreview(io: Io, preview: ContactsPreview, shape: 'client' | 'organisation', duplicates: DuplicateChoice): void {
  for (const file of preview.files) {
    const encoding = file.encoding === 'utf-8' ? '' : `, read as ${file.encoding}`
    io.out(`${file.path}: ${formatNames[file.format] ?? file.format}, ${count(file.contacts, 'contact')}${encoding}`)
  }
  io.out('Nothing has been written (--dry-run).')
  const choices = { organisations: {}, duplicates: {}, otherDuplicates: duplicates }
  const each = summariseContacts(preview, { ...choices, shape: 'client' })
  const grouped = summariseContacts(preview, { ...choices, shape: 'organisation' })
  const mark = (s: typeof shape): string => (s === shape ? '→' : ' ')
  io.out(`${mark('client')} each contact a client: ${count(each.clients, 'new client')}`)
  io.out(
    `${mark('organisation')} grouped by organisation (--group-by-organisation): ${count(grouped.clients, 'new client')}, ${count(grouped.people, 'person', 'people')}`
  )
  const found = preview.contacts.filter((c) => c.duplicate)
  if (found.length) {
    io.out(
      `${count(found.length, 'likely duplicate')} (${duplicates === 'skip' ? 'skipped' : duplicates === 'merge' ? 'merged: only empty fields are filled' : 'kept as new'}; --duplicates skip|merge|keep):`
    )
    for (const c of found) {
      const d = c.duplicate
      if (!d) continue
      const who = d.of === 'person' ? `${d.name} at ${d.clientName}` : d.of === 'client' ? `the client ${d.name}` : `${d.name}, earlier in this import`
      io.out(`  ${c.name}: same ${d.reason === 'name' ? 'name and organisation' : d.reason} as ${who}`)
    }
  }
  printProblems(io, preview.problems)
}

function printProblems(io: Io, problems: ReadonlyArray<{ path: string; reason: string }>): void {
  if (!problems.length) return
  io.err(`${count(problems.length, 'problem')}:`)
  for (const { path, reason } of problems) io.err(`  ${path}: ${reason}`)
}
