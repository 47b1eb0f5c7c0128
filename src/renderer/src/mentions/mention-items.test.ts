import { describe, expect, it } from 'vitest'
import type { MentionCandidate } from '../../../shared/contract/people'
import { MENTION_LIMIT, rankCandidates } from './mention-items'

const client = (id: string, name: string): MentionCandidate => ({ kind: 'client', id, name, clientId: id, clientName: name })
const person = (id: string, name: string, at: MentionCandidate, role?: string): MentionCandidate => ({
  kind: 'person',
  id,
  name,
  clientId: at.id,
  clientName: at.name,
  ...(role === undefined ? {} : { role })
})

const northwind = client('c_north', 'Northwind')
const acme = client('c_acme', 'Acme Foods')
const candidates: MentionCandidate[] = [
  northwind,
  acme,
  person('p_priya', 'Priya Raman', northwind, 'Head of Data'),
  person('p_tom', 'Tom Reyes', acme, 'CFO'),
  person('p_dana', 'Dana Whitfield', northwind, 'COO')
]
const ids = (list: readonly MentionCandidate[]): string[] => list.map((c) => c.id)

describe('rankCandidates (what `@` offers)', () => {
  it('with nothing typed, offers people first in the order of the list, then clients', () => {
    expect(ids(rankCandidates('', candidates))).toEqual(['p_priya', 'p_tom', 'p_dana', 'c_north', 'c_acme'])
    expect(ids(rankCandidates('   ', candidates))).toEqual(['p_priya', 'p_tom', 'p_dana', 'c_north', 'c_acme'])
  })

  it('finds a person by a prefix or by skipped letters', () => {
    expect(ids(rankCandidates('pri', candidates))[0]).toBe('p_priya')
    expect(ids(rankCandidates('prm', candidates))[0]).toBe('p_priya')
    expect(ids(rankCandidates('reyes', candidates))).toEqual(['p_tom'])
  })

  it('puts a match on the name before a match on the client or the role', () => {
    // "north" is Northwind's name, and only the client of Priya and Dana: the client comes first, its people follow.
    const north = ids(rankCandidates('north', candidates))
    expect(north[0]).toBe('c_north')
    expect(north.slice(1).sort()).toEqual(['p_dana', 'p_priya'])
    // "cfo" is Tom's role, exactly: he comes before the loose match in "aCme FOods".
    expect(ids(rankCandidates('cfo', candidates))[0]).toBe('p_tom')
  })

  it('offers nothing for letters no one has, and never more than the limit', () => {
    expect(rankCandidates('zzqx', candidates)).toEqual([])
    const many = Array.from({ length: 20 }, (_, i) => person(`p_${i}`, `Sam ${i}`, acme))
    expect(rankCandidates('sam', many)).toHaveLength(MENTION_LIMIT)
    expect(rankCandidates('', many)).toHaveLength(MENTION_LIMIT)
  })

  it('does not reorder the list it was given', () => {
    const copy = [...candidates]
    rankCandidates('', candidates)
    expect(candidates).toEqual(copy)
  })
})
