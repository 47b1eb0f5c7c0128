import type { SearchResult } from '../../shared/contract/search'
import { findClient } from '../../core/clients/find-client'
import type { CliCommand } from '../command'
import { usageError } from '../output'

/** The id to pass to `rapport show` (entries), or where the item lives. */
function whereToOpen(result: SearchResult): string {
  const open = result.open
  switch (open.kind) {
    case 'entry':
      return open.entryId
    case 'client':
      return open.clientId
    case 'commitment':
      return `${open.clientId} commitment ${open.commitmentId}`
    case 'interaction':
      return `${open.clientId} interaction ${open.interactionId}`
  }
}

function describe(result: SearchResult): string {
  // A client is named in its own title, and when it was added says nothing about it.
  const about =
    result.kind === 'client'
      ? 'client'
      : [result.kind === 'entry' ? null : result.kind, result.clientName, result.date?.slice(0, 10)].filter(Boolean).join(', ')
  const lines = [`${result.title || 'Untitled'}${about ? `  (${about})` : ''}  ${whereToOpen(result)}`]
  if (result.snippet) lines.push(`  ${result.snippet}`)
  return lines.join('\n')
}

export const search: CliCommand = {
  name: 'search',
  usage: 'search QUERY [--client NAME] [--limit N]',
  summary: 'Search entries, clients, commitments and interactions (the same index and ranking as the app)',
  options: { client: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const query = positionals.join(' ').trim()
    if (!query) throw usageError('Say what to look for: rapport search "budget spring"')
    const limit = values.limit === undefined ? 20 : Number(values.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw usageError('--limit is a number from 1 to 200.')
    const clientId = typeof values.client === 'string' ? findClient(await ctx.call('clients:list', undefined), values.client).id : undefined
    // The app answers while it indexes; a command waits until the index is complete (and its cache written for next time).
    await (await ctx.indexes()).search.settled()
    const answer = await ctx.call('search:query', { query, limit, ...(clientId ? { filters: { clientId } } : {}) })
    if (ctx.json) return ctx.io.out(JSON.stringify(answer, null, 2))
    if (answer.results.length === 0) return ctx.io.out(`Nothing found for "${query}".`)
    const shown = answer.total > answer.results.length ? `${answer.results.length} of ${answer.total}` : `${answer.total}`
    ctx.io.out([`${shown} found for "${query}":`, ...answer.results.map(describe)].join('\n\n'))
  }
}
