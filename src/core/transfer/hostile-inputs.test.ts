import { mkdir, readFile, readdir, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mentionMarkdown } from '../../shared/mentions'
import { parseEntryFile, serializeEntryFile } from '../entries/entry-file'
import { formatJson } from '../fs/durable-json-file'
import { findMentions } from '../mentions/find-mentions'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { allEntries } from './import-duplicates'
import { parseMarkdown } from '../../shared/markdown'
import { brokenLinks, filesUnder, fingerprint, linksIn } from './transfer-testing'

/** A file or folder name that works on Windows, macOS and Linux. */
function isSafeName(name: string): boolean {
  return (
    !/[<>:"/\\|?*\u0000-\u001f]/.test(name) &&
    !/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name) &&
    !/[. ]$/.test(name) &&
    name !== '..' &&
    Buffer.byteLength(name) <= 255
  )
}

describe('export with hostile names', () => {
  it('gives every file a safe, distinct name inside the export folder: ../, reserved names, very long names, identical titles', async () => {
    const { call, vault, dir } = await openTestVault()
    const names = ['../escape', 'CON', 'x'.repeat(300), 'Weird / slash \\ back: colon?']
    const clients = []
    for (const name of names) clients.push(await call('clients:create', { name }))
    const titles = ['../../etc/passwd', 'CON', 'nul.txt', 'y'.repeat(300), 'Same', 'Same', 'SAME', 'Trailing dot.', '']
    for (const client of clients) for (const title of titles) await call('entries:create', { clientId: client.id, title, body: `${title}\n` })
    // A date edited by hand into something that is not one never becomes part of a path.
    await mkdir(join(dir, 'journal'), { recursive: true })
    await writeFile(join(dir, 'journal/hand-made.md'), '---\nid: e_hand\ntitle: Hand made\ncreated: ../../../../tmp/evil\n---\n\ntext\n')
    await vault.reload()

    const parent = await tempDir()
    const out = join(parent, 'export')
    const report = await call('export:run', { scope: { all: true }, target: out })
    expect(report).toMatchObject({ status: 'done', entries: titles.length * names.length + 1, skipped: [] })
    expect(await readdir(parent)).toEqual(['export'])
    const files = await filesUnder(out)
    expect(files).toHaveLength(report?.planned ?? -1)
    for (const file of files) for (const part of file.split('/')) expect(isSafeName(part), file).toBe(true)
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length)
    expect(files).toContain('Clients/escape/profile.md')
    expect(files).toContain('Clients/con-1/profile.md')
    expect(files.filter((f) => f.startsWith('Clients/escape/entries/') && /same(-\d)?\.md$/.test(f))).toHaveLength(3)
    expect(files).toContain('Journal/hand-made.md')

    // And back: the same titles, every one of them.
    const copy = await openTestVault()
    await copy.call('import:run', { paths: [out], createClients: true, duplicates: 'keep' })
    const imported = allEntries(copy.vault)
      .map((e) => e.title)
      .sort()
    expect(imported).toEqual(
      allEntries(vault)
        .map((e) => e.title)
        .sort()
    )
    expect(
      copy.vault.clients
        .list()
        .map((c) => c.data?.name)
        .sort()
    ).toEqual([...names].sort())
  })

  it('copies an entry that is not UTF-8 byte for byte rather than damage it', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'journal'))
    const bytes = Buffer.concat([Buffer.from('---\nid: e_latin\ntitle: Latin\n---\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')])
    await writeFile(join(dir, 'journal', '2026-01-01-latin.md'), bytes)
    const { call } = await openTestVault(dir)
    const out = await tempDir()
    await call('export:run', { scope: { all: true }, options: { frontMatter: false }, target: out })
    expect(Buffer.compare(await readFile(join(out, 'Journal/2026-01-01-latin.md')), bytes)).toBe(0)
  })

  it('exports a client whose client.json cannot be read: its entries, and a profile that says why', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'clients/broken/journal'), { recursive: true })
    await writeFile(join(dir, 'clients/broken/client.json'), '{ "name": ')
    await writeFile(join(dir, 'clients/broken/journal/2026-01-01-still-here.md'), '---\nid: e_b\ntitle: Still here\n---\n\nText\n')
    const { call } = await openTestVault(dir)
    const out = await tempDir()
    expect(await call('export:run', { scope: { all: true }, target: out })).toMatchObject({ status: 'done', written: 2, skipped: [] })
    expect(await readFile(join(out, 'Clients/broken/profile.md'), 'utf8')).toMatch(
      /^# broken\n\nThis client's client\.json could not be read \(.*not valid JSON.*\), so only its entries are exported\.\n$/
    )
    expect(await readFile(join(out, 'Clients/broken/entries/2026-01-01-still-here.md'), 'utf8')).toContain('title: Still here')
  })
})

describe('mentions of hostile names', () => {
  it('export as links that never break the Markdown or lose a character, and import back as the same mentions', async () => {
    const names = [
      '<script>alert(1)</script>',
      '](javascript:alert(1))',
      '[[brackets]] ]] [x',
      '🎉',
      '🎉 Party 🎈',
      'p'.repeat(300),
      '@@ *bold* `code` &amp; | pipe \\'
    ]
    const people = names.map((name, i) => ({ id: `p_${i}`, name }))
    const clientName = '<img src=x onerror=alert(1)>](javascript:x)'
    const dir = await tempDir()
    await mkdir(join(dir, 'clients/hostile/journal'), { recursive: true })
    await mkdir(join(dir, 'journal'))
    const client = { format: 1, id: 'c_hostile', name: clientName, commitments: [], interactions: [], people, tags: [], createdAt: '2026-01-01T00:00:00.000Z' }
    await writeFile(join(dir, 'clients/hostile/client.json'), formatJson(client))
    const body =
      [...people.map((p) => mentionMarkdown(p.name, { kind: 'person', id: p.id })), mentionMarkdown(clientName, { kind: 'client', id: 'c_hostile' })].join(
        ' and '
      ) + '\n'
    const fields = { id: 'e_hostile', title: 'Hostile', created: '2026-01-02T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z', tags: [] }
    await writeFile(join(dir, 'journal/2026-01-02-hostile.md'), serializeEntryFile(null, fields, body))
    const { call } = await openTestVault(dir)
    const out = await tempDir()
    expect(await call('export:run', { scope: { all: true }, target: out })).toMatchObject({ status: 'done', skipped: [] })

    const path = 'Journal/2026-01-02-hostile.md'
    const exported = parseEntryFile(await readFile(join(out, path), 'utf8')).body
    // Every name is still one link, its text exactly the name, going to the client's page; no HTML, no script link.
    const links = linksIn(exported)
    expect(links.map((l) => l.text)).toEqual([...names, clientName])
    for (const { url } of links) expect(url).toMatch(/^\.\.\/Clients\/[^/]+\/profile\.md(#[^#]*)?$/)
    const kinds = new Set<string>()
    const see = (node: { type: string; children?: unknown[] }): void => {
      kinds.add(node.type)
      for (const child of (node.children ?? []) as Array<{ type: string }>) see(child)
    }
    see(parseMarkdown(exported))
    expect(kinds.has('html')).toBe(false)
    expect(await brokenLinks(out, path)).toEqual([])
    // The person whose name has no letters still gets a heading of their own, and a link that says which one.
    expect(links.filter((l) => l.url.endsWith('#')).map((l) => l.text)).toEqual(['🎉'])

    const copy = await openTestVault()
    expect(await copy.call('import:run', { paths: [out], createClients: true, duplicates: 'skip' })).toMatchObject({ problems: [] })
    const newClient = copy.vault.clients.list().find((c) => c.data?.name === clientName)
    expect(newClient?.data?.people.map((p) => p.name)).toEqual(names)
    const mentions = findMentions((await copy.vault.entries.read('e_hostile')).body).map(({ kind, id, text }) => ({ kind, id, text }))
    expect(mentions).toEqual([...people.map((p) => ({ kind: 'person', id: p.id, text: p.name })), { kind: 'client', id: newClient?.id, text: clientName }])
  })
})

describe('import of a hostile folder', () => {
  it('reports each bad file with a clear reason, imports the rest, and writes nothing outside the vault nor in the source', async () => {
    const parent = await tempDir()
    const notes = join(parent, 'notes')
    const outside = join(parent, 'outside')
    await mkdir(join(notes, 'CON'), { recursive: true })
    await mkdir(join(notes, 'deep'), { recursive: true })
    await mkdir(outside)
    await writeFile(join(outside, 'secret.md'), '# Not yours\n')
    await symlink(notes, join(notes, 'deep', 'loop'))
    await symlink(join(notes, 'b'), join(notes, 'a'))
    await symlink(join(notes, 'a'), join(notes, 'b'))
    await symlink(outside, join(notes, 'out'))
    await writeFile(join(notes, 'big.md'), '')
    await truncate(join(notes, 'big.md'), 50 * 1024 * 1024)
    await writeFile(join(notes, 'latin.md'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65, 0x0a]))
    await writeFile(join(notes, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))
    await writeFile(join(notes, 'broken.md'), '---\ntitle: [unclosed\n---\nText\n')
    await writeFile(join(notes, 'note.sync-conflict-20261122-103000-ABCDEFG.md'), 'copy\n')
    await writeFile(join(notes, 'CON', 'reserved.md'), '---\ntitle: ../../../../etc/passwd\n---\nA title that looks like a path.\n')
    await writeFile(join(notes, `${'z'.repeat(240)}.md`), 'A very long file name.\n')
    await writeFile(join(notes, 'deep', 'same-1.md'), '# Same\n\none\n')
    await writeFile(join(notes, 'deep', 'same-2.md'), '# Same\n\ntwo\n')
    const before = await fingerprint(notes)

    const vaultDir = join(parent, 'vault')
    const { call, vault } = await openTestVault(vaultDir)
    const preview = await call('import:preview', { paths: [notes], createClients: true })
    const reasons = Object.fromEntries((preview?.problems ?? []).map((p) => [p.path.slice(notes.length + 1), p.reason]))
    expect(reasons).toEqual({
      a: expect.stringMatching(/symbolic link loop/),
      b: expect.stringMatching(/symbolic link loop/),
      'deep/loop': expect.stringMatching(/link to a folder that contains it/),
      out: expect.stringMatching(/link pointing outside the folder \(to .*outside\)/),
      'big.md': 'it is 50.0 MB; Rapport imports notes up to 20.0 MB, so it was skipped without being read',
      'latin.md': expect.stringMatching(/not UTF-8 text .* Windows-1252/),
      'binary.md': expect.stringMatching(/binary file/),
      'broken.md': expect.stringMatching(/not valid YAML/),
      'note.sync-conflict-20261122-103000-ABCDEFG.md': expect.stringMatching(/copy Syncthing made during a sync conflict/)
    })
    expect(preview?.notes).toBe(4)

    const report = await call('import:run', { paths: [notes], createClients: true, duplicates: 'skip' })
    expect(report).toMatchObject({ imported: 4, problems: preview?.problems })
    expect(await fingerprint(notes)).toEqual(before)
    expect((await readdir(parent)).sort()).toEqual(['notes', 'outside', 'vault'])
    expect(await readdir(outside)).toEqual(['secret.md'])
    const entries = allEntries(vault)
    expect(entries.map((e) => e.title).sort()).toEqual(['../../../../etc/passwd', 'Same', 'Same', 'z'.repeat(240)])
    for (const entry of entries) for (const part of entry.path.split('/')) expect(isSafeName(part), entry.path).toBe(true)
    expect(
      vault.clients
        .list()
        .map((c) => [c.data?.name, c.slug])
        .sort()
    ).toEqual([
      ['CON', 'con-1'],
      ['deep', 'deep']
    ])

    // Asked for, Windows-1252 is read as such.
    const latin = await call('import:run', { paths: [join(notes, 'latin.md')], windows1252: true, duplicates: 'skip' })
    expect(latin).toMatchObject({ imported: 1, problems: [] })
    expect(allEntries(vault).find((e) => e.title === 'latin')?.excerpt).toBe('Café crème')
  })

  it('says so for paths that do not exist or are not Markdown', async () => {
    const notes = await tempDir('rapport-notes-')
    await writeFile(join(notes, 'photo.jpg'), 'x')
    const { call } = await openTestVault()
    const preview = await call('import:preview', { paths: [join(notes, 'missing'), join(notes, 'photo.jpg')] })
    expect(preview?.problems).toEqual([
      { path: join(notes, 'missing'), reason: 'there is no file or folder at this path' },
      { path: join(notes, 'photo.jpg'), reason: 'it is not a Markdown file (.md or .markdown)' }
    ])
  })
})
