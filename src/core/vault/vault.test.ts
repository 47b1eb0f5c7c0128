import { existsSync, writeFileSync } from 'node:fs'
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { ShellPorts } from '../service'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'

const openVault = (root?: string, shell?: Partial<ShellPorts>) => openTestVault(root, { shell: shell ?? {} })
const read = (dir: string, path: string) => readFile(join(dir, path), 'utf8')

describe('a new vault', () => {
  it('is created with a manifest and reports that it is new', async () => {
    const { dir, call } = await openVault()
    const info = await call('vault:info', undefined)
    expect(info).toMatchObject({ created: true, readOnly: false, format: 1, problems: [] })
    expect(JSON.parse(await read(dir, 'rapport.json'))).toMatchObject({ format: 1 })
    const again = await openVault(dir)
    expect((await again.call('vault:info', undefined)).created).toBe(false)
  })
})

describe('clients', () => {
  it('are created in the documented format, listed, renamed and trashed', async () => {
    const { dir, call } = await openVault()
    const dana = await call('clients:create', { name: 'Dana Whitfield' })
    expect(dana.path).toBe('clients/dana-whitfield')
    const file = JSON.parse(await read(dir, 'clients/dana-whitfield/client.json'))
    expect(file).toMatchObject({
      format: 1,
      id: dana.id,
      name: 'Dana Whitfield',
      stage: { current: 'first-contact' },
      commitments: [],
      interactions: [],
      people: [],
      tags: []
    })
    expect(dana.id).toMatch(/^c_[0-9A-Z]{26}$/)

    await call('clients:create', { name: 'Aaron Abbott' })
    expect((await call('clients:list', undefined)).map((c) => c.name)).toEqual(['Aaron Abbott', 'Dana Whitfield'])

    const renamed = await call('clients:rename', { id: dana.id, name: 'Dana Whitfield-Ng' })
    expect(renamed.path).toBe('clients/dana-whitfield-ng')
    expect(existsSync(join(dir, 'clients/dana-whitfield'))).toBe(false)
    expect(JSON.parse(await read(dir, 'clients/dana-whitfield-ng/client.json')).name).toBe('Dana Whitfield-Ng')

    await call('clients:trash', { id: dana.id })
    expect((await call('clients:list', undefined)).map((c) => c.name)).toEqual(['Aaron Abbott'])
    const trash = (await readdir(join(dir, '.rapport/trash'))).filter((name) => !name.endsWith('.trash.json'))
    expect(trash).toHaveLength(1)
    expect(trash[0]).toMatch(/dana-whitfield-ng$/)
    expect(existsSync(join(dir, '.rapport/trash', trash[0] ?? '', 'client.json'))).toBe(true)
  })

  it('get safe, distinct folders for odd names', async () => {
    const { dir, call } = await openVault()
    const names = ['../escape', 'CON', '🙂', '🙂', 'x'.repeat(300), 'Café', 'CAFE']
    const created = []
    for (const name of names) created.push(await call('clients:create', { name }))
    const folders = created.map((c) => c.path)
    expect(new Set(folders.map((f) => f.toLowerCase())).size).toBe(names.length)
    expect(folders).toContain('clients/escape')
    expect(folders).toContain('clients/con-1')
    expect(folders).toContain('clients/client')
    expect(folders).toContain('clients/client-2')
    for (const folder of folders) expect(existsSync(join(dir, folder, 'client.json'))).toBe(true)
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['clients', 'rapport.json']))
    expect((await readdir(dir)).length).toBe(2)
    expect((await call('clients:list', undefined)).find((c) => c.path === 'clients/escape')?.name).toBe('../escape')
  })

  it('get a folder no other client has, in any case, and a folder freed by a rename or the trash again', async () => {
    const { dir } = await openVault()
    // A folder made by hand, in capitals: on a disk that ignores case (macOS, Windows) "acme" would be the same folder.
    await mkdir(join(dir, 'clients/Acme'), { recursive: true })
    const { call } = await openVault(dir)
    expect((await call('clients:create', { name: 'Acme' })).path).toBe('clients/acme-2')
    const beta = await call('clients:create', { name: 'Beta' })
    expect(beta.path).toBe('clients/beta')
    expect((await call('clients:rename', { id: beta.id, name: 'Gamma' })).path).toBe('clients/gamma')
    expect((await call('clients:create', { name: 'Beta' })).path).toBe('clients/beta')
    await call('clients:trash', { id: beta.id })
    expect((await call('clients:create', { name: 'Gamma' })).path).toBe('clients/gamma')
    expect((await call('clients:create', { name: 'Gamma' })).path).toBe('clients/gamma-2')
  })

  it('reject empty and control-character names with a clear message', async () => {
    const { dispatch } = await openVault()
    const empty = await dispatch('clients:create', { name: '   ' })
    expect(empty).toEqual({ ok: false, error: { code: 'invalid-input', message: 'A name cannot be empty. (name)' } })
    const control = await dispatch('clients:create', { name: 'a\u0007b' })
    expect(control.ok).toBe(false)
  })

  it('keep fields Rapport does not know, and key order, when rewritten', async () => {
    const { dir, call } = await openVault()
    const c = await call('clients:create', { name: 'Northwind' })
    const path = join(dir, c.path, 'client.json')
    const original = JSON.parse(await readFile(path, 'utf8'))
    const handEdited = { crmId: 'NW-42', ...original, extra: { nested: [1, 2] } }
    await writeFile(path, JSON.stringify(handEdited, null, 2))
    const reopened = await openVault(dir)
    await reopened.call('clients:rename', { id: c.id, name: 'Northwind Traders' })
    const after = JSON.parse(await readFile(join(dir, 'clients/northwind-traders/client.json'), 'utf8'))
    expect(after.crmId).toBe('NW-42')
    expect(after.extra).toEqual({ nested: [1, 2] })
    expect(Object.keys(after)[0]).toBe('crmId')
  })

  it('with a broken client.json still load, are shown with the reason, and are never overwritten', async () => {
    const { dir, call } = await openVault()
    const good = await call('clients:create', { name: 'Good' })
    await mkdir(join(dir, 'clients/broken/journal'), { recursive: true })
    await writeFile(join(dir, 'clients/broken/client.json'), '{ "name": "Broken", ')
    await writeFile(join(dir, 'clients/broken/journal/2026-01-01-note.md'), '---\nid: e_b\ntitle: Still here\n---\n\nText\n')
    const { call: call2 } = await openVault(dir)
    const info = await call2('vault:info', undefined)
    expect(info.problems).toEqual([expect.objectContaining({ path: 'clients/broken/client.json', reason: expect.stringMatching(/not valid JSON/) })])
    const list = await call2('clients:list', undefined)
    expect(list.map((c) => c.name)).toEqual(['broken', 'Good'])
    const broken = list.find((c) => c.name === 'broken')
    expect(broken?.problem).toMatch(/not valid JSON/)
    expect((await call2('entries:list', { clientId: broken?.id ?? '' })).map((e) => e.title)).toEqual(['Still here'])
    await expect(call2('clients:rename', { id: broken?.id ?? '', name: 'Fixed' })).rejects.toMatchObject({ code: 'broken-file' })
    expect(await read(dir, 'clients/broken/client.json')).toBe('{ "name": "Broken", ')
    expect(good.name).toBe('Good')
  })

  it('refuse to overwrite client.json changed by another program between read and write', async () => {
    const { dir, vault } = await openVault()
    const record = await vault.clients.create('Race')
    const path = join(dir, 'clients/race/client.json')
    await expect(
      vault.clients.update(record, (data) => {
        data.name = 'Mine'
        // Another program writes while Rapport is changing the file.
        writeFileSync(path, JSON.stringify({ ...data, name: 'Theirs' }, null, 2))
      })
    ).rejects.toMatchObject({ code: 'conflict' })
    expect(JSON.parse(await readFile(path, 'utf8')).name).toBe('Theirs')
  })
})

describe('entries', () => {
  it('are written as Markdown with front matter, listed newest first, and read back', async () => {
    const { dir, call } = await openVault()
    const client = await call('clients:create', { name: 'Dana' })
    const first = await call('entries:create', { clientId: client.id, title: 'Scope call went sideways', body: 'It started well.\n' })
    expect(first.path).toMatch(/^clients\/dana\/journal\/\d{4}-\d{2}-\d{2}-scope-call-went-sideways\.md$/)
    const text = await read(dir, first.path)
    expect(text).toMatch(
      new RegExp(
        `^---\\nid: ${first.id}\\nclient: ${client.id}\\ntitle: Scope call went sideways\\ncreated: \\S+\\nupdated: \\S+\\ntags: \\[\\]\\n---\\n\\nIt started well\\.\\n$`
      )
    )
    const second = await call('entries:create', { clientId: client.id, title: 'Follow-up' })
    const list = await call('entries:list', { clientId: client.id })
    expect(list.map((e) => e.id)).toEqual([second.id, first.id])
    expect(list[1]?.excerpt).toBe('It started well.')
    expect(await call('entries:read', { id: first.id })).toMatchObject({ title: 'Scope call went sideways', body: 'It started well.\n' })
    expect((await call('clients:list', undefined))[0]?.entryCount).toBe(2)
  })

  it('written later take the moment they happened (a backdate): their created time and file name, listed in their place', async () => {
    const { dir, call } = await openVault()
    const client = await call('clients:create', { name: 'Dana' })
    const now = await call('entries:create', { clientId: client.id, title: 'Today' })
    const earlier = await call('entries:create', { clientId: client.id, title: 'Old call', created: '2026-03-01T12:00:00+01:00' })
    expect(earlier).toMatchObject({ created: '2026-03-01T11:00:00.000Z', path: 'clients/dana/journal/2026-03-01-old-call.md' })
    expect(await read(dir, earlier.path)).toMatch(/\ncreated: 2026-03-01T11:00:00.000Z\nupdated: (?!2026-03-01)/)
    expect((await call('entries:list', { clientId: client.id })).map((e) => e.id)).toEqual([now.id, earlier.id])
    for (const created of ['yesterday', '2026-03-01', '2026-02-30T12:00:00Z']) {
      await expect(call('entries:create', { clientId: client.id, created })).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringMatching(/^must be a date and time like/)
      })
    }
  })

  it('save as typed, rename the file with the title, and write nothing when nothing changed', async () => {
    const { dir, call } = await openVault()
    const client = await call('clients:create', { name: 'Dana' })
    const entry = await call('entries:create', { clientId: client.id })
    expect(entry.path).toMatch(/-untitled\.md$/)
    const saved = await call('entries:save', { id: entry.id, title: 'Budget talk', body: '# Budget\n\n- one\n- two\n', version: entry.version })
    expect(saved.path).toMatch(/-budget-talk\.md$/)
    expect(existsSync(join(dir, entry.path))).toBe(false)
    const before = await stat(join(dir, saved.path))
    const bytes = await read(dir, saved.path)
    await new Promise((r) => setTimeout(r, 20))
    const again = await call('entries:save', { id: entry.id, title: 'Budget talk', body: '# Budget\n\n- one\n- two\n', version: saved.version })
    expect(again.version).toBe(saved.version)
    const after = await stat(join(dir, saved.path))
    expect(after.mtimeMs).toBe(before.mtimeMs)
    expect(after.ino).toBe(before.ino)
    expect(await read(dir, saved.path)).toBe(bytes)
  })

  it('never overwrite a file changed on disk since the editor read it', async () => {
    const { dir, call } = await openVault()
    const entry = await call('entries:create', { clientId: null, title: 'Shared', body: 'v1\n' })
    const theirs = (await read(dir, entry.path)).replace('v1', 'edited in another editor')
    await writeFile(join(dir, entry.path), theirs)
    await expect(call('entries:save', { id: entry.id, title: 'Shared', body: 'mine\n', version: entry.version })).rejects.toMatchObject({
      code: 'conflict',
      path: entry.path
    })
    expect(await read(dir, entry.path)).toBe(theirs)
    const fresh = await call('entries:read', { id: entry.id })
    expect(fresh.body).toBe('edited in another editor\n')
    await call('entries:save', { id: entry.id, title: 'Shared', body: 'mine\n', version: fresh.version })
    expect(await read(dir, entry.path)).toMatch(/\n\nmine\n$/)
  })

  it('keep a hand-written file byte for byte until it is edited, then keep its unknown fields', async () => {
    const { dir } = await openVault()
    const text = '---\nid: e_hand\ntitle: Hand made\nmood: 3 # scale 1-5\ncreated: 2026-01-05T09:00:00Z\n---\n\n* star bullet\n\nSetext\n======\n'
    await mkdir(join(dir, 'journal'), { recursive: true })
    await writeFile(join(dir, 'journal/hand.md'), text)
    const { call } = await openVault(dir)
    const entry = await call('entries:read', { id: 'e_hand' })
    expect(entry.body).toBe('* star bullet\n\nSetext\n======\n')
    await call('entries:save', { id: 'e_hand', title: 'Hand made', body: entry.body, version: entry.version })
    expect(await read(dir, 'journal/hand.md')).toBe(text)
    await call('entries:save', { id: 'e_hand', title: 'Hand made', body: `${entry.body}\nMore.\n`, version: entry.version })
    const after = await read(dir, 'journal/hand.md')
    expect(after).toContain('mood: 3 # scale 1-5')
    expect(after).toMatch(/updated: \S+/)
    expect(after.endsWith('Setext\n======\n\nMore.\n')).toBe(true)
  })

  it('adopt Markdown files without front matter and report files that cannot be read safely', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'journal/2025'), { recursive: true })
    await writeFile(join(dir, 'journal/2025/2025-03-01-old-notes.md'), 'Plain notes from another app.\n')
    await writeFile(join(dir, 'journal/latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))
    await writeFile(join(dir, 'journal/broken.md'), '---\ntitle: [oops\n---\nbody\n')
    await writeFile(join(dir, 'journal/notes.sync-conflict-20261122-103000-ABCDEFG.md'), '---\nid: e_x\n---\n')
    await writeFile(join(dir, 'journal/.rapport-tmp-half.md.abc'), 'partial')
    const { call } = await openVault(dir)
    const entries = await call('entries:list', { clientId: null })
    expect(entries.map((e) => e.title).sort()).toEqual(['broken', 'latin1', 'old notes'])
    const info = await call('vault:info', undefined)
    expect(info.problems.map((p) => p.path).sort()).toEqual(['journal/broken.md', 'journal/latin1.md'])
    const latin1 = entries.find((e) => e.title === 'latin1')
    await expect(call('entries:read', { id: latin1?.id ?? '' })).rejects.toMatchObject({ code: 'broken-file' })
    const broken = entries.find((e) => e.title === 'broken')
    const opened = await call('entries:read', { id: broken?.id ?? '' })
    await expect(call('entries:save', { id: opened.id, title: 'x', body: 'y', version: opened.version })).rejects.toMatchObject({ code: 'broken-file' })
    expect(await read(dir, 'journal/broken.md')).toBe('---\ntitle: [oops\n---\nbody\n')
    const old = entries.find((e) => e.title === 'old notes')
    expect(old?.created.slice(0, 10)).toBe('2025-03-01')
  })

  it('move to the trash and export through the shell’s chosen path', async () => {
    const exportDir = await tempDir()
    const { dir, call } = await openVault(undefined, { chooseSavePath: async ({ defaultName }) => join(exportDir, defaultName) })
    const entry = await call('entries:create', { clientId: null, title: 'To export', body: 'Hello **world**\n' })
    const exported = await call('entries:export', { id: entry.id })
    expect(exported?.path).toBe(join(exportDir, entry.path.split('/').pop() ?? ''))
    expect(await readFile(exported?.path ?? '', 'utf8')).toBe(await read(dir, entry.path))
    await call('entries:trash', { id: entry.id })
    expect(await call('entries:list', { clientId: null })).toEqual([])
    expect((await readdir(join(dir, '.rapport/trash'))).filter((name) => name.endsWith('.md'))).toHaveLength(1)
  })
})

describe('the contract', () => {
  it('answers unknown channels and bad input with typed errors', async () => {
    const { dispatch } = await openVault()
    expect(await dispatch('fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(await dispatch('entries:read', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await dispatch('entries:read', { id: 'e_missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await dispatch('app:open-external', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/Only http, https and mailto/) }
    })
    expect(await dispatch('app:open-external', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false })
  })

  it('opens a vault written by a newer Rapport read-only', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'rapport.json'), JSON.stringify({ format: 99, createdAt: '2030-01-01', settings: {} }))
    const { dispatch } = await openVault(dir)
    const info = await dispatch('vault:info', undefined)
    expect(info).toMatchObject({ ok: true, value: { readOnly: true } })
    expect(await dispatch('clients:create', { name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'read-only', message: expect.stringMatching(/newer Rapport/) }
    })
    expect(JSON.parse(await read(dir, 'rapport.json')).format).toBe(99)
  })
})

describe('entry fields', () => {
  it('are set, changed and removed on save without touching the rest of the front matter, and refused for Rapport’s own keys', async () => {
    const { dir, call, dispatch } = await openVault()
    const entry = await call('entries:create', { clientId: null, title: 'Hard call', body: 'text\n' })
    const rated = await call('entries:save', { id: entry.id, title: 'Hard call', body: 'text\n', version: entry.version, fields: { mood: 2 } })
    expect(rated.fields).toEqual({ mood: 2 })
    expect(await read(dir, rated.path)).toMatch(/\nmood: 2\n---\n/)
    const same = await call('entries:save', { id: entry.id, title: 'Hard call', body: 'text\n', version: rated.version, fields: { mood: 2 } })
    expect(same.version).toBe(rated.version)
    const cleared = await call('entries:save', { id: entry.id, title: 'Hard call', body: 'text\n', version: rated.version, fields: { mood: null } })
    expect(cleared.fields).toEqual({})
    expect(await read(dir, cleared.path)).not.toContain('mood')
    const refused = await dispatch('entries:save', { id: entry.id, title: 'x', body: 'y', version: cleared.version, fields: { created: 'yesterday' } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/Rapport’s own/) } })
  })
})

describe('reading the vault again', () => {
  it('never shows a request half a vault: clients and entries stay readable during reloads', async () => {
    const { vault, call } = await openVault()
    const client = await call('clients:create', { name: 'Busy' })
    const entries = []
    for (let i = 0; i < 30; i++) entries.push(await call('entries:create', { clientId: client.id, title: `Entry ${i}` }))
    const reloads = Promise.all(Array.from({ length: 5 }, () => vault.reload()))
    let reads = 0
    let done = false
    void reloads.then(() => (done = true))
    while (!done) {
      const listed = await call('entries:list', { clientId: client.id })
      expect(listed).toHaveLength(30)
      expect((await call('clients:list', undefined)).map((c) => c.id)).toEqual([client.id])
      await call('entries:read', { id: entries[reads % 30]?.id ?? '' })
      reads++
    }
    expect(reads).toBeGreaterThan(0)
  })
})

describe('a save during a reload', () => {
  it('is not undone in memory by the reload that read the file before it', async () => {
    const { vault, call } = await openVault()
    const client = await call('clients:create', { name: 'Racer' })
    for (let i = 0; i < 40; i++) await call('entries:create', { clientId: client.id, title: `Filler ${i}` })
    const reloading = vault.reload()
    await call('clients:rename', { id: client.id, name: 'Racer Renamed' })
    await reloading
    expect((await call('clients:list', undefined)).map((c) => c.name)).toEqual(['Racer Renamed'])
  })

  it('keeps every entry created, saved or trashed while the journal is being read', async () => {
    const { dir, vault, call } = await openVault()
    const fillers = 50
    await mkdir(join(dir, 'journal'), { recursive: true })
    for (let i = 0; i < fillers; i++) await writeFile(join(dir, `journal/filler-${i}.md`), `---\nid: e_filler${i}\ntitle: Filler ${i}\n---\n\nText ${i}\n`)
    await vault.reload()
    const renamed = await call('entries:read', { id: 'e_filler0' })
    const trashed = await call('entries:read', { id: 'e_filler1' })
    // Hold the load at its read of the last file (the folder is listed by then), so every change below lands while
    // the journal is being read, however fast or slow the machine is.
    const held = `journal/filler-${fillers - 1}.md`
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    let reached = () => {}
    const reading = new Promise<void>((resolve) => (reached = resolve))
    const store = vault.entries as unknown as { readBytes(relative: string): Promise<unknown> }
    const readBytes = store.readBytes.bind(store)
    vi.spyOn(store, 'readBytes').mockImplementation(async (relative) => {
      if (relative === held) {
        reached()
        await gate
      }
      return readBytes(relative)
    })
    // The store's own load, not the vault's reload (which reads again when something moved, and so hides the race).
    let loaded = false
    const loading = vault.entries.load([{ clientId: null, path: 'journal' }]).then(() => (loaded = true))
    await reading
    await call('entries:save', { id: renamed.id, title: 'Renamed meanwhile', body: renamed.body, version: renamed.version })
    await call('entries:trash', { id: trashed.id })
    const made: string[] = []
    for (let i = 0; i < 5; i++) made.push((await call('entries:create', { clientId: null, title: `During ${i}` })).id)
    expect(loaded).toBe(false)
    release()
    await loading
    const listed = new Map((await call('entries:list', { clientId: null })).map((e) => [e.id, e.title]))
    expect(made.filter((id) => !listed.has(id))).toEqual([])
    expect(listed.get(renamed.id)).toBe('Renamed meanwhile')
    expect(listed.has(trashed.id)).toBe(false)
    expect(listed.size).toBe(fillers - 1 + made.length)
  })
})

describe('a hand-edited created date', () => {
  it('never takes a renamed file out of its folder', async () => {
    const { dir } = await openVault()
    await mkdir(join(dir, 'journal'), { recursive: true })
    await writeFile(join(dir, 'journal/note.md'), '---\nid: e_sly\ntitle: Old\ncreated: ../../../escaped\n---\n\nText\n')
    const { call: call2 } = await openVault(dir)
    const entry = await call2('entries:read', { id: 'e_sly' })
    const saved = await call2('entries:save', { id: 'e_sly', title: 'New title', body: entry.body, version: entry.version })
    expect(saved.path).toBe('journal/undated-new-title.md')
    expect(await readdir(join(dir, 'journal'))).toEqual(['undated-new-title.md'])
  })
})
