import { existsSync } from 'node:fs'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { inZone } from './day-one'

const FIXTURES = join(import.meta.dirname, 'fixtures/day-one')
const EXPORT = join(FIXTURES, 'Day One export.zip')
const IMAGES = join(import.meta.dirname, '../attachments/fixtures')

describe('a Day One JSON export', () => {
  it('previews each journal with what it holds and the client of the same name', async () => {
    const { call } = await openTestVault()
    const northwind = await call('clients:create', { name: 'Northwind' })
    const preview = await call('import:day-one-preview', { path: EXPORT })
    expect(preview).toEqual({
      path: EXPORT,
      journals: [
        { name: 'Journal', entries: 1, photos: 0, files: 0, alreadyImported: 0, first: '2026-12-31T23:30:00Z', last: '2026-12-31T23:30:00Z', clientId: null },
        {
          name: 'Northwind',
          entries: 2,
          photos: 2,
          files: 0,
          alreadyImported: 0,
          first: '2026-11-20T09:15:00Z',
          last: '2026-11-22T16:30:00Z',
          clientId: northwind.id
        }
      ],
      problems: []
    })
  })

  it('imports entries with their dates in their time zones, tags, photos and text without Day One’s escapes; a second import skips them', async () => {
    const { call, vault, dir } = await openTestVault()
    const northwind = await call('clients:create', { name: 'Northwind' })
    const report = await call('import:day-one-run', { path: EXPORT, journals: { Northwind: northwind.id, Journal: null } })
    expect(report).toEqual({ imported: 3, alreadyImported: 0, photos: 2, files: 0, problems: [] })

    const [scope, workshop] = vault.entries.list(northwind.id)
    expect(workshop).toMatchObject({
      title: 'Workshop with Northwind',
      created: '2026-11-20T10:15:00+01:00',
      updated: '2026-11-20T18:40:12+01:00',
      tags: ['workshop', 'Northwind']
    })
    expect(scope).toMatchObject({ title: 'Scope call went sideways. She pushed back on the timeline.', created: '2026-11-22T11:30:00-05:00', tags: ['scope'] })
    const read = await call('entries:read', { id: workshop?.id ?? '' })
    expect(read.body).toBe(
      [
        'Priya drew the whole flow on the whiteboard. Three phases (not two)!',
        '',
        '![photo](../attachments/photo-2026-11-20.png)',
        '',
        '\\- a dash that is not a list',
        '1\\. and a number that is not one',
        '',
        'Next: send the revised scope by Friday.',
        '',
        '![photo](../attachments/photo-2026-11-20.jpg)',
        ''
      ].join('\n')
    )
    expect(read.fields).toMatchObject({
      'dayone-uuid': '9A3C1F2E8B7D4C6A9E1F2B3C4D5E6F70',
      'time-zone': 'Europe/Berlin',
      starred: true,
      location: 'Northwind HQ, Berlin, Germany'
    })
    expect(await readFile(join(dir, 'clients/northwind/attachments/photo-2026-11-20.png'))).toEqual(await readFile(join(IMAGES, 'whiteboard.png')))
    // New Year's Eve in UTC is already New Year's Day in Tokyo.
    expect(vault.entries.list(null)).toMatchObject([{ title: 'New year already in Tokyo. Quiet week.', created: '2027-01-01T08:30:00+09:00' }])

    expect(await call('import:day-one-run', { path: EXPORT, journals: { Northwind: northwind.id, Journal: null } })).toEqual({
      imported: 0,
      alreadyImported: 3,
      photos: 0,
      files: 0,
      problems: []
    })
    expect((await call('import:day-one-preview', { path: EXPORT }))?.journals.map((j) => j.alreadyImported)).toEqual([1, 2])
  })

  it('knows an entry it imported by its Day One id, even after its date was edited in the vault', async () => {
    const { call, vault, dir } = await openTestVault()
    const northwind = await call('clients:create', { name: 'Northwind' })
    const journals = { Northwind: northwind.id, Journal: null }
    expect(await call('import:day-one-run', { path: EXPORT, journals })).toMatchObject({ imported: 3 })
    const workshop = vault.entries.list(northwind.id).find((e) => e.title === 'Workshop with Northwind')
    if (!workshop) throw new Error('the workshop was not imported')
    const file = join(dir, workshop.path)
    const text = await readFile(file, 'utf8')
    expect(text).toContain('created: 2026-11-20T10:15:00+01:00\n')
    // The person moves the entry to the day the workshop really was, in the file itself.
    await writeFile(file, text.replace('created: 2026-11-20T10:15:00+01:00\n', 'created: 2026-11-19T10:15:00+01:00\n'))

    const reopened = await openTestVault(dir)
    expect(reopened.vault.entries.list(northwind.id).map((e) => e.created)).toContain('2026-11-19T10:15:00+01:00')
    expect((await reopened.call('import:day-one-preview', { path: EXPORT }))?.journals.map((j) => j.alreadyImported)).toEqual([1, 2])
    expect(await reopened.call('import:day-one-run', { path: EXPORT, journals })).toMatchObject({ imported: 0, alreadyImported: 3 })
    expect(reopened.vault.entries.list(northwind.id)).toHaveLength(2)
  })

  it('imports only the journals named', async () => {
    const { call, vault } = await openTestVault()
    expect(await call('import:day-one-run', { path: EXPORT, journals: { Journal: null } })).toMatchObject({ imported: 1, photos: 0 })
    expect(vault.entries.list(null)).toHaveLength(1)
  })
})

describe('a hostile Day One zip', () => {
  it.each([
    ['hostile-traversal.zip', /leads outside the folder it unpacks into/],
    ['hostile-absolute.zip', /leads outside the folder it unpacks into/],
    ['hostile-bomb.zip', /"Journal\.json" would unpack to 300\.0 MB, more than the 200\.0 MB allowed/],
    ['not-a-zip.zip', /it is not a zip file/]
  ])('%s is refused in words, and nothing is written anywhere', async (name, reason) => {
    const { call, vault, dir } = await openTestVault()
    const before = await readdir(dir)
    const report = await call('import:day-one-run', { path: join(FIXTURES, name), journals: { Journal: null } })
    expect(report.imported).toBe(0)
    expect(report.problems).toEqual([{ path: join(FIXTURES, name), reason: expect.stringMatching(reason) }])
    expect(vault.entries.list(null)).toEqual([])
    expect(await readdir(dir)).toEqual(before)
    expect(existsSync('/tmp/rapport-pwned.txt')).toBe(false)
    expect(existsSync('/tmp/rapport-pwned-abs.txt')).toBe(false)
  })

  it('keeps videos, audio and PDFs as well as photos: shown where the text shows them, the rest after it, each byte for byte', async () => {
    const media = join(FIXTURES, 'Day One media export.zip')
    const { call, vault, dir } = await openTestVault()
    const northwind = await call('clients:create', { name: 'Northwind' })
    expect((await call('import:day-one-preview', { path: media }))?.journals).toMatchObject([{ name: 'Northwind', entries: 1, photos: 1, files: 3 }])
    expect(await call('import:day-one-run', { path: media, journals: { Northwind: northwind.id } })).toEqual({
      imported: 1,
      alreadyImported: 0,
      photos: 1,
      files: 3,
      problems: []
    })
    const [visit] = vault.entries.list(northwind.id)
    const read = await call('entries:read', { id: visit?.id ?? '' })
    expect(read.body).toBe(
      [
        'Walked the floor with Dana.',
        '',
        '![photo](../attachments/photo-2026-11-24.png)',
        '',
        'Her walkthrough, filmed:',
        '',
        '[video-2026-11-24.mp4](../attachments/video-2026-11-24.mp4)',
        '',
        'The signed proposal:',
        '',
        '[pdf-2026-11-24.pdf](../attachments/pdf-2026-11-24.pdf)',
        '',
        // The recording the text does not show comes after it, so nothing in the export is left behind.
        '[audio-2026-11-24.m4a](../attachments/audio-2026-11-24.m4a)',
        ''
      ].join('\n')
    )
    const attachments = join(dir, 'clients/northwind/attachments')
    expect((await readdir(attachments)).sort()).toEqual(['audio-2026-11-24.m4a', 'pdf-2026-11-24.pdf', 'photo-2026-11-24.png', 'video-2026-11-24.mp4'])
    expect(await readFile(join(attachments, 'pdf-2026-11-24.pdf'))).toEqual(await readFile(join(IMAGES, 'proposal.pdf')))
    expect((await readFile(join(attachments, 'video-2026-11-24.mp4'))).subarray(4, 12).toString('latin1')).toBe('ftypisom')
    expect((await readFile(join(attachments, 'audio-2026-11-24.m4a'))).subarray(4, 12).toString('latin1')).toBe('ftypM4A ')
  })

  it('a photo that is not what its extension says is left out, with the reason; the entry comes in', async () => {
    const { call, vault } = await openTestVault()
    const report = await call('import:day-one-run', { path: join(FIXTURES, 'hostile-fake-photo.zip'), journals: { Journal: null } })
    expect(report).toMatchObject({ imported: 1, photos: 0 })
    expect(report.problems).toEqual([
      {
        path: 'photos/0123456789abcdef0123456789abcdef.jpeg',
        reason:
          '"photo-2026-11-01.jpeg" was not attached: its name says it is a JPEG image, but its contents are not an image. The entry was imported without it.'
      }
    ])
    expect(vault.entries.list(null)).toHaveLength(1)
  })
})

describe('times in their own zone', () => {
  it('keeps the instant and writes the offset of that day (summer and winter)', () => {
    expect(inZone('2026-07-01T12:00:00Z', 'Europe/London')).toBe('2026-07-01T13:00:00+01:00')
    expect(inZone('2026-12-01T12:00:00Z', 'Europe/London')).toBe('2026-12-01T12:00:00+00:00')
    expect(inZone('2026-12-01T12:00:00Z', 'Asia/Kolkata')).toBe('2026-12-01T17:30:00+05:30')
    expect(inZone('2026-12-01T12:00:00Z', null)).toBe('2026-12-01T12:00:00Z')
  })
})
