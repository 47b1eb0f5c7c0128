import { describe, expect, it } from 'vitest'
import { commands } from '../../../shared/commands'
import type { ClientSummary } from '../../../shared/domain'
import { matchPalette, runsOf } from './palette-items'

const client = (id: string, name: string) => ({ id, name, entryCount: 0 }) as unknown as ClientSummary
const sources = {
  commands: commands.map((c) => ({ ...c, enabled: c.id !== 'client.rename' })),
  views: [
    { id: 'today', label: 'Today' },
    { id: 'commitments', label: 'Commitments' }
  ],
  clients: [client('c1', 'Dana Whitfield'), client('c2', 'Northwind Traders'), client('c3', 'Priya Raman')]
}

describe('matchPalette', () => {
  it('finds a command by a few letters, with the letters marked', () => {
    const { actions } = matchPalette('new ent', sources)
    expect(actions[0]).toMatchObject({ kind: 'command', id: 'entry.new', label: 'New Entry' })
    const marked = (actions[0]?.highlights ?? []).map(([start, end]) => 'New Entry'.slice(start, end)).join('')
    expect(marked.replace(/\s/g, '').toLowerCase()).toBe('newent')
  })

  it('finds clients by initials and skipped letters', () => {
    expect(matchPalette('dwhit', sources).clients.map((c) => c.label)).toEqual(['Dana Whitfield'])
    expect(matchPalette('north', sources).clients[0]?.label).toBe('Northwind Traders')
  })

  it('offers the views as places to go', () => {
    expect(matchPalette('commitm', sources).actions.map((a) => a.label)).toContain('Go to Commitments')
  })

  it('lists disabled commands after the ones that can run, and leaves them out when nothing is typed', () => {
    const renamed = matchPalette('rename client', sources).actions
    expect(renamed.find((a) => a.kind === 'command' && a.id === 'client.rename')).toMatchObject({ enabled: false })
    expect(matchPalette('', sources).actions.some((a) => a.kind === 'command' && a.id === 'client.rename')).toBe(false)
  })

  it('says nothing matches rather than guessing', () => {
    const none = matchPalette('zzqxj', sources)
    expect(none.actions).toEqual([])
    expect(none.clients).toEqual([])
  })
})

describe('runsOf', () => {
  it('turns matched letter positions into runs', () => {
    expect(runsOf([5, 0, 1, 2, 6])).toEqual([
      [0, 3],
      [5, 7]
    ])
  })
})
