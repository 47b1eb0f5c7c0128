import type { Balance, CoachView } from '../../shared/contract/coach'
import type { EntrySummary } from '../../shared/domain'
import { parseEntryFile } from '../entries/entry-file'
import { outreachOf } from '../relationship/outreach'
import type { StoredClient } from '../relationship/stored-client'
import type { Viewpoint } from '../relationship/viewpoint'
import type { Vault } from '../vault/vault'
import type { Rated } from './balance'
import { balanceOf } from './balance'
import { guidanceFor } from './guidance'
import type { Guidance } from '../../shared/contract/coach'
import { attemptsBeforeConversations, perseveranceOf } from './perseverance'
import { valueGivenOf } from './value-given'

/** Reflections read for the balance, newest first: enough for the latest rating and a trend, bounded for a long history. */
export const BALANCE_ENTRIES = 24

/**
 * The balance from the client's newest reflections (entries started from a
 * template): only those few files are opened; one that cannot be read simply
 * gives no rating.
 */
export async function balanceFromJournal(vault: Vault, entries: readonly EntrySummary[], timeZone: string): Promise<Balance | null> {
  const reflections = entries
    .filter((e) => e.template)
    .sort((a, b) => b.created.localeCompare(a.created))
    .slice(0, BALANCE_ENTRIES)
  const rated: Rated[] = await Promise.all(
    reflections.map(async (e) => {
      try {
        return { entryId: e.id, created: e.created, fields: parseEntryFile(await vault.entries.text(e.id)).fields }
      } catch {
        return { entryId: e.id, created: e.created, fields: {} }
      }
    })
  )
  return balanceOf(rated, timeZone)
}

/** Attempts-before-a-conversation runs of every readable client: the user's rhythm across clients. */
export function everyonesRuns(vault: Vault, timeZone: string): number[] {
  return vault.clients.list().flatMap((record) => (record.data ? attemptsBeforeConversations(record.data.interactions ?? [], timeZone) : []))
}

/** Everything the profile shows about where the relationship stands and how it is kept. */
export async function clientCoach(vault: Vault, clientId: string, client: StoredClient, guidance: Guidance, { now, settings }: Viewpoint): Promise<CoachView> {
  const zone = settings.timeZone
  const coaching = settings.coaching
  const interactions = client.interactions ?? []
  const outreach = outreachOf(interactions, now, zone)
  const perseverance = perseveranceOf(outreach.unanswered, attemptsBeforeConversations(interactions, zone), everyonesRuns(vault, zone), client.name)
  if (!coaching) {
    delete perseverance.sentence
    delete perseverance.brief
  }
  const view: CoachView = {
    coaching,
    balance: await balanceFromJournal(vault, vault.entries.list(clientId), zone),
    value: valueGivenOf(interactions, now, zone),
    perseverance
  }
  if (client.stage) view.stage = { level: client.stage.current, ...(coaching ? { line: guidanceFor(guidance, 'stage', client.stage.current) } : {}) }
  if (client.trust) view.trust = { level: client.trust.current, ...(coaching ? { line: guidanceFor(guidance, 'trust', client.trust.current) } : {}) }
  return view
}
