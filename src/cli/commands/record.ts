import { count } from '../../core/relationship/wording'
import type { ExtractProposal } from '../../shared/contract/templates'
import { extractKindWords } from '../../shared/words'
import type { CliCommand } from '../command'
import { entryIdOf } from '../entries'
import { CliError } from '../output'

const line = (p: Pick<ExtractProposal, 'kind' | 'text' | 'due'>): string => `  ${extractKindWords[p.kind]}: ${p.text}${p.due ? ` (by ${p.due})` : ''}`

export const record: CliCommand = {
  name: 'record',
  usage: 'record ENTRY [--yes]   (an entry id, or the path of its file)',
  summary: 'What a reflection adds to the client’s record; --yes adds it',
  options: { yes: { type: 'boolean', short: 'y' } },
  async run(ctx, { positionals, values }) {
    const entryId = await entryIdOf(ctx, positionals.join(' '), 'Which entry? rapport record e_01J… [--yes]')
    // The same two steps as the app's offer after a save: what the marked sections hold, then what the person accepts.
    const offer = await ctx.call('templates:extract', { entryId })
    if (offer.problem) throw new CliError(`Nothing can be added from this entry: ${offer.problem}`)
    if (values.yes !== true) {
      if (ctx.json) return ctx.io.out(JSON.stringify(offer, null, 2))
      if (offer.proposals.length === 0) return ctx.io.out(noProposals(offer.template))
      ctx.io.out(
        [
          `Would add ${count(offer.proposals.length, 'item')} to the client’s record:`,
          ...offer.proposals.map(line),
          'Nothing has been written; add them with --yes.'
        ].join('\n')
      )
      return
    }
    const result = await ctx.call('templates:apply', {
      entryId,
      items: offer.proposals.map(({ kind, text, due }) => (due ? { kind, text, due } : { kind, text }))
    })
    if (ctx.json) return ctx.io.out(JSON.stringify(result, null, 2))
    if (offer.proposals.length === 0) return ctx.io.out(noProposals(offer.template))
    const lines = [`Added ${count(result.added.length, 'item')} to the client’s record${result.added.length ? ':' : '.'}`, ...result.added.map(line)]
    if (result.skipped.length) lines.push(`Already there, not added again: ${count(result.skipped.length, 'item')}.`)
    ctx.io.out(lines.join('\n'))
  }
}

function noProposals(template: string | undefined): string {
  return template
    ? `Nothing to add: the sections of this reflection (template ${template}) hold nothing the client’s record does not have yet.`
    : 'Nothing to add: this entry was not started from a template, so it has no sections to record.'
}
