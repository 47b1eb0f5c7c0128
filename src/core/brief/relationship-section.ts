import type { BriefRelationship } from '../../shared/contract/brief'
import type { Guidance } from '../../shared/contract/coach'
import type { EntrySummary } from '../../shared/domain'
import { balanceFromJournal } from '../coach/client-coach'
import { guidanceFor } from '../coach/guidance'
import type { StoredClient } from '../relationship/stored-client'
import type { Vault } from '../vault/vault'

/**
 * "Where you stand": what the stage and the trust rung mean and what moves
 * them on (only with coaching on: `guidance` absent means off), and the
 * balance of the relationship from the latest reflections.
 * Nothing when there is nothing to say.
 */
export async function relationshipSectionOf(
  vault: Vault,
  client: StoredClient,
  entries: readonly EntrySummary[],
  { zone, guidance }: { zone: string; guidance: Guidance | undefined }
): Promise<BriefRelationship | null> {
  const section: BriefRelationship = { kind: 'relationship' }
  if (guidance && client.stage) section.stage = { level: client.stage.current, ...guidanceFor(guidance, 'stage', client.stage.current) }
  if (guidance && client.trust) section.trust = { level: client.trust.current, ...guidanceFor(guidance, 'trust', client.trust.current) }
  const balance = await balanceFromJournal(vault, entries, zone)
  if (balance) section.balance = balance
  return Object.keys(section).length > 1 ? section : null
}
