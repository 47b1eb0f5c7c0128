import { coachHandlers } from '../src/core/coach/handlers'
import { checkoutResourcesDir } from '../src/core/resources'
import { Vault } from '../src/core/vault/vault'
import type { BenchContext } from './run'
import { median, p95, time } from './measure'
import type { Row } from './measure'

const RUNS = 20

/**
 * The profile's "Where you stand" (`coach:client`) in the synthetic vault
 * (10,000 entries over 500 clients by default): the guidance lines, the
 * balance from the client's newest reflections, value given, and the typical
 * attempts before a conversation — which reads every client's interactions.
 * Goal: under 50 ms, so the profile never waits on it.
 */
export async function coachBench({ vault: synthetic }: BenchContext): Promise<Row[]> {
  const vault = await Vault.open(synthetic.root)
  const handlers = coachHandlers(
    vault,
    { resourcesDir: checkoutResourcesDir },
    { now: () => new Date('2026-11-23T10:00:00Z'), timeZone: () => 'Europe/London' }
  )
  const clients = vault.clients.list()
  // The client with the most interactions: the dearest to work out.
  const busiest = [...clients].sort((a, b) => (b.data?.interactions?.length ?? 0) - (a.data?.interactions?.length ?? 0))[0]
  if (!busiest) throw new Error('The coach benchmark found no client.')
  const runs = await time(
    async () => {
      await handlers['coach:client']({ clientId: busiest.id })
    },
    RUNS,
    3
  )
  const interactions = clients.reduce((sum, c) => sum + (c.data?.interactions?.length ?? 0), 0)
  const what = `${synthetic.entries.toLocaleString('en')} entries, ${clients.length} clients, ${interactions.toLocaleString('en')} interactions`
  return [
    { area: 'coach', measure: `where you stand (coach:client), median (${what})`, value: median(runs), unit: 'ms', goal: '< 50 ms' },
    { area: 'coach', measure: `where you stand (coach:client), p95 (${what})`, value: p95(runs), unit: 'ms', goal: '< 50 ms' }
  ]
}
