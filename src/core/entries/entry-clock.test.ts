import { describe, expect, it } from 'vitest'
import type { Clock } from '../relationship/viewpoint'
import { openTestVault } from '../testing/open-vault'

// A moment far from the machine's own "now", so a stamp taken from the wrong clock cannot pass by chance.
const clock: Clock = { now: () => new Date('2031-03-04T09:30:00Z'), timeZone: () => 'Europe/London' }

describe("entries are stamped by the session's clock, not the machine's", () => {
  it('a new entry, its template-filled date and a save all carry the clock’s time', async () => {
    const { call } = await openTestVault(undefined, { clock })
    const client = await call('clients:create', { name: 'Northwind' })
    const entry = await call('entries:create', { clientId: client.id, template: 'after-difficult-meeting' })
    expect(entry.created).toBe('2031-03-04T09:30:00.000Z')
    expect(entry.updated).toBe('2031-03-04T09:30:00.000Z')
    expect(entry.body).toContain('2031')

    const saved = await call('entries:save', { id: entry.id, title: entry.title, body: `${entry.body}\nMore.\n`, version: entry.version })
    expect(saved.updated).toBe('2031-03-04T09:30:00.000Z')
  })
})
