import { findMentionTarget } from '../../core/people/find-target'
import type { CliCommand } from '../command'
import { usageError } from '../output'

export const backlinks: CliCommand = {
  name: 'backlinks',
  usage: 'backlinks NAME',
  summary: 'Entries that mention a client or a person, newest first, with the sentence',
  async run(ctx, { positionals }) {
    const name = positionals.join(' ').trim()
    if (!name) throw usageError('Mentions of whom? rapport backlinks "Priya Raman"')
    const target = findMentionTarget(await ctx.call('mentions:candidates', undefined), name)
    const rows = await ctx.call('backlinks:of', { target: target.id })
    if (ctx.json) {
      const out = rows.map((r) => ({ entryId: r.entryId, path: r.path, title: r.title, created: r.created, sentence: r.sentence }))
      return ctx.io.out(JSON.stringify({ target: { kind: target.kind, id: target.id, name: target.name }, entries: out }, null, 2))
    }
    if (rows.length === 0) return ctx.io.out(`No entry mentions ${target.name} yet.`)
    for (const r of rows) ctx.io.out(`${r.created.slice(0, 10)}  ${r.title || 'Untitled'}  ${r.path}  (${r.entryId})\n    ${r.sentence}`)
  }
}
