import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mentionMarkdown } from '../../shared/mentions'
import { backlinksCacheFile } from '../mentions/backlinks-index'
import { VaultIndexes } from '../search/vault-indexes'
import { openTestVault } from '../testing/open-vault'
import { Vault } from '../vault/vault'

async function withClient() {
  const t = await openTestVault()
  const client = await t.call('clients:create', { name: 'Northwind' })
  return { ...t, clientId: client.id, file: join(t.dir, 'clients/northwind/client.json') }
}

describe('people at a client', () => {
  it('adds, edits, moves trust with its history and removes, keeping fields written by hand', async () => {
    const { call, clientId, file } = await withClient()
    const { person } = await call('people:add', { clientId, name: 'Priya Raman', role: 'Head of Operations', relation: 'blocker' })
    expect(person).toMatchObject({ id: expect.stringMatching(/^p_/), name: 'Priya Raman', relation: 'blocker' })
    // Someone adds a field of their own to the file.
    const data = JSON.parse(await readFile(file, 'utf8')) as { people: Array<Record<string, unknown>> }
    data.people[0]!.crmId = 'NW-7'
    await writeFile(file, JSON.stringify(data, null, 2))

    await call('people:update', { clientId, id: person.id, patch: { style: { channel: 'email' }, person: { likes: ['tea'] }, notes: 'Careful with dates.' } })
    await call('people:trust', { clientId, id: person.id, trust: 'friend', note: 'Lunch went well' })
    const { people } = await call('people:trust', { clientId, id: person.id, trust: 'familiar' })
    expect(people[0]).toMatchObject({ style: { channel: 'email' }, person: { likes: ['tea'] }, notes: 'Careful with dates.', crmId: 'NW-7' })
    expect(people[0]?.trust?.current).toBe('familiar')
    expect(people[0]?.trust?.history.map((h) => [h.trust, h.note])).toEqual([
      ['friend', 'Lunch went well'],
      ['familiar', undefined]
    ])
    await call('people:update', { clientId, id: person.id, patch: { name: 'Priya Shah', role: null } })
    expect((await call('people:list', { clientId }))[0]).toMatchObject({ name: 'Priya Shah', crmId: 'NW-7' })
    expect((await call('people:list', { clientId }))[0]?.role).toBeUndefined()
    expect(await call('people:remove', { clientId, id: person.id })).toEqual([])
    await expect(call('people:trust', { clientId, id: person.id, trust: 'friend' })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('refuses a hostile or empty name only when it is empty or has control characters', async () => {
    const { call, clientId } = await withClient()
    await expect(call('people:add', { clientId, name: '  ' })).rejects.toMatchObject({ code: 'invalid-input' })
    const { person } = await call('people:add', { clientId, name: '](javascript:alert(1)) <script>' })
    expect(person.name).toBe('](javascript:alert(1)) <script>')
  })
})

describe('backlinks', () => {
  it('lists the entries that mention a person, newest first, and follows saves, renames and the trash', async () => {
    const { call, clientId, indexes } = await withClient()
    const { person } = await call('people:add', { clientId, name: 'Priya Raman' })
    const older = await call('entries:create', {
      clientId,
      title: 'Kick-off',
      body: `We met. ${mentionMarkdown('Priya Raman', { kind: 'person', id: person.id })} asked about scope.\n`
    })
    const newer = await call('entries:create', { clientId, title: 'Follow-up', body: 'Nobody mentioned yet.\n' })
    expect((await call('backlinks:of', { target: person.id })).map((b) => b.entryId)).toEqual([older.id])

    await call('entries:save', {
      id: newer.id,
      title: 'Follow-up',
      version: newer.version,
      body: `Sent [Priya](rapport://person/${person.id}) the plan. See [Kick-off](rapport://entry/${older.id}).\n`
    })
    const rows = await call('backlinks:of', { target: person.id })
    expect(rows.map((b) => [b.title, b.sentence])).toEqual([
      ['Follow-up', 'Sent Priya the plan.'],
      ['Kick-off', 'Priya Raman asked about scope.']
    ])
    expect((await call('backlinks:of', { target: older.id })).map((b) => b.entryId)).toEqual([newer.id])

    // A rename keeps every mention: the id is the link.
    await call('people:update', { clientId, id: person.id, patch: { name: 'Priya Shah' } })
    expect(await call('backlinks:of', { target: person.id })).toHaveLength(2)
    expect(await call('mentions:resolve', { kind: 'person', id: person.id })).toMatchObject({ name: 'Priya Shah', clientId })

    await call('entries:trash', { id: older.id })
    expect((await call('backlinks:of', { target: person.id })).map((b) => b.entryId)).toEqual([newer.id])
    expect(indexes.backlinks.stats.opened).toBe('rebuilt')
  })

  it('takes in a change made on disk by another program', async () => {
    const { call, clientId, vault, dir } = await withClient()
    const entry = await call('entries:create', { clientId, title: 'Notes', body: 'Plain.\n' })
    expect(await call('backlinks:of', { target: 'p_X' })).toEqual([])
    const path = join(dir, entry.path)
    await writeFile(path, (await readFile(path, 'utf8')).replace('Plain.', 'Typed by hand: [Sam](rapport:person/p_X).'))
    await vault.applyChanges([entry.path])
    expect((await call('backlinks:of', { target: 'p_X' })).map((b) => b.sentence)).toEqual(['Typed by hand: Sam.'])
  })

  it('opens from its cache, reads again only what changed, and rebuilds a broken cache', async () => {
    const { call, clientId, indexes, dir } = await withClient()
    const a = await call('entries:create', { clientId, title: 'A', body: 'About [Sam](rapport://person/p_S).\n' })
    const b = await call('entries:create', { clientId, title: 'B', body: 'About [Sam](rapport://person/p_S) too.\n' })
    await indexes.backlinks.current()
    await indexes.backlinks.persist()

    // Changed while Rapport was closed: the cache is stale for B only.
    const pathB = join(dir, b.path)
    await writeFile(pathB, (await readFile(pathB, 'utf8')).replace('p_S) too', 'p_T) instead'))
    const reopened = await Vault.open(dir)
    const index = new VaultIndexes(reopened).backlinks
    expect((await index.of('p_S')).map((r) => r.entryId)).toEqual([a.id])
    expect((await index.of('p_T')).map((r) => r.entryId)).toEqual([b.id])
    expect(index.stats).toMatchObject({ opened: 'cache', entriesRead: 1 })

    await writeFile(backlinksCacheFile(dir), '{ not json')
    const again = new VaultIndexes(await Vault.open(dir)).backlinks
    expect((await again.of('p_S')).map((r) => r.entryId)).toEqual([a.id])
    expect(again.stats).toMatchObject({ opened: 'rebuilt', entriesRead: 2 })
    await rm(backlinksCacheFile(dir))
    expect((await new VaultIndexes(await Vault.open(dir)).backlinks.of('p_T')).map((r) => r.entryId)).toEqual([b.id])
  })
})

describe('default templates', () => {
  it('starts a new entry of the client from its default template, and one about a person from theirs, with a mention', async () => {
    const { call, clientId, file } = await withClient()
    await expect(call('clients:set-default-template', { clientId, template: 'no-such-template' })).rejects.toMatchObject({ code: 'not-found' })
    await call('clients:set-default-template', { clientId, template: 'before-a-call' })
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ defaultTemplate: 'before-a-call' })
    const entry = await call('entries:create', { clientId })
    expect(entry.template).toBe('before-a-call')
    expect(entry.body.length).toBeGreaterThan(20)
    // Asked for by name wins; a blank entry is one command away.
    expect((await call('entries:create', { clientId, template: 'first-meeting' })).template).toBe('first-meeting')
    await call('clients:set-default-template', { clientId, template: null })
    expect((await call('entries:create', { clientId })).template).toBeUndefined()

    const { person } = await call('people:add', { clientId, name: 'Priya [PM]' })
    await call('people:update', { clientId, id: person.id, patch: { defaultTemplate: 'first-meeting' } })
    const about = await call('people:new-entry', { clientId, id: person.id })
    expect(about.template).toBe('first-meeting')
    expect(about.body.startsWith(`[Priya \\[PM\\]](rapport://person/${person.id})\n\n`)).toBe(true)
    expect((await call('backlinks:of', { target: person.id })).map((b) => b.entryId)).toEqual([about.id])
  })
})
