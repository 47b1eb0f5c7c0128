import { describe, expect, it } from 'vitest'
import { claimOf, renameLeftover, renameStamp } from './id-claims'

describe('which of two files claiming one id a rename left behind', () => {
  const older = { path: 'journal/a.md', updated: '2026-03-01T10:00:00.000Z' }
  const newer = { path: 'journal/b.md', updated: '2026-03-01T10:00:00.001Z' }

  it('is the one saved earlier, in either order', () => {
    expect(renameLeftover(older, newer)).toBe(older)
    expect(renameLeftover(newer, older)).toBe(older)
  })

  it('is neither when they cannot be told apart: saved at one moment, no time, or in two folders', () => {
    expect(renameLeftover(older, { ...newer, updated: older.updated })).toBeNull()
    expect(renameLeftover(older, { ...newer, updated: 'soon' })).toBeNull()
    expect(renameLeftover(older, { ...newer, path: 'clients/anna/journal/b.md' })).toBeNull()
  })

  it('reads the time as the store does: updated, else created, a YAML date or a string', () => {
    expect(claimOf('x.md', { updated: new Date('2026-03-01T10:00:00.000Z') }).updated).toBe('2026-03-01T10:00:00.000Z')
    expect(claimOf('x.md', { created: '2026-03-01' }).updated).toBe('2026-03-01')
    expect(claimOf('x.md', {}).updated).toBe('')
  })
})

describe('the time a renaming save writes', () => {
  it('is now, or just after the file it replaces when that one claims a later time (another computer’s clock)', () => {
    const now = new Date('2026-03-01T10:00:00.000Z')
    expect(renameStamp(now, '2026-02-01T00:00:00.000Z')).toBe('2026-03-01T10:00:00.000Z')
    expect(renameStamp(now, '2026-03-01T10:00:00.000Z')).toBe('2026-03-01T10:00:00.001Z')
    expect(renameStamp(now, '2027-01-01T00:00:00.000Z')).toBe('2027-01-01T00:00:00.001Z')
    expect(renameStamp(now, 'not a time')).toBe('2026-03-01T10:00:00.000Z')
  })
})
