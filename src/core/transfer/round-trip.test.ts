import { readFile, writeFile } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEntryFile, serializeEntryFile } from '../entries/entry-file'
import { formatJson } from '../fs/durable-json-file'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import type { Vault } from '../vault/vault'
import { entryIdOfUrl, rewriteEntryLinks } from './entry-links'
import { linkedEntry } from './export-links'
import { allEntries } from './import-duplicates'
import { DANA_ID, NORTHWIND_ID, dana, entries as fixtureEntries, writeRealisticVault } from '../testing/realistic-vault'
import { brokenLinks, fingerprint, linksIn } from './transfer-testing'

/** An entry as the round trip must keep it: what it says and how it is filed. */
async function entryFacts(vault: Vault, id: string) {
  const entry = await vault.entries.read(id)
  const { fields } = parseEntryFile(await vault.entries.text(id))
  const { client: _client, ...frontMatter } = fields
  const clientName = entry.clientId === null ? null : (vault.clients.get(entry.clientId).data?.name ?? null)
  return {
    title: entry.title,
    created: entry.created,
    updated: entry.updated,
    tags: entry.tags,
    template: entry.template,
    clientName,
    frontMatter,
    body: entry.body,
    path: entry.path
  }
}

/**
 * Links between entries compared by the entry they lead to: an import writes
 * them as `rapport://entry/<id>` (stable when files are renamed), whatever
 * form the original used (a path relative to the file, or to the vault).
 */
function sameLinks(vault: Vault, body: string, path: string): string {
  const byPath = new Map(allEntries(vault).map((e) => [e.path.toLowerCase(), e.id]))
  return rewriteEntryLinks(body, (target) => {
    const linked = linkedEntry(target, posix.dirname(path), byPath)
    return linked ? `entry:${linked.id}${linked.fragment}` : entryIdOfUrl(target) ? `entry:${entryIdOfUrl(target)}` : null
  })
}

describe('export, then import into an empty vault', () => {
  it('gives back the same clients and entries: content, titles, dates, tags, template ids, fields Rapport does not know', async () => {
    const root = await tempDir()
    await writeRealisticVault(root)
    const original = await openTestVault(root)
    const out = await tempDir()
    const exported = await original.call('export:run', { scope: { all: true }, target: out })
    expect(exported).toMatchObject({ status: 'done', written: 12, entries: 8, clients: 4, skipped: [] })

    const before = await fingerprint(out)
    const copy = await openTestVault()
    // A Rapport export restores its clients with no option (issue #19, bug 8): the app and the CLI both leave it to the core.
    const preview = await copy.call('import:preview', { paths: [out] })
    expect(preview).toMatchObject({ notes: 8, toImport: 8, duplicates: [], problems: [], fromRapportExport: true })
    expect(preview?.newClients.map((c) => [c.name, c.willCreate]).sort()).toEqual([
      ['Café Ünïcødé', true],
      ['Dana Whitfield', true],
      ['Northwind Traders', true],
      ['Quiet Co', true]
    ])
    expect((await copy.call('import:preview', { paths: [out], createClients: false }))?.newClients.every((c) => !c.willCreate)).toBe(true)
    const report = await copy.call('import:run', { paths: [out], duplicates: 'skip' })
    expect(report).toMatchObject({ status: 'done', imported: 8, duplicatesSkipped: 0, problems: [], notReached: 0 })
    expect(await fingerprint(out)).toEqual(before)

    // Clients: the same names, and client.json as it was, all but the new vault's own id.
    const clientsOf = (vault: Vault) =>
      vault.clients
        .list()
        .flatMap((c) => {
          if (!c.data) return []
          const { id: _id, ...data } = c.data
          return [data]
        })
        .sort((a, b) => a.name.localeCompare(b.name))
    expect(clientsOf(copy.vault)).toEqual(clientsOf(original.vault))
    expect(copy.vault.clients.list().find((c) => c.data?.name === 'Dana Whitfield')?.data).toMatchObject({
      crmId: 'NW-42',
      commitments: [expect.objectContaining({ entry: 'e_01JDXSCOPE0000000000000000' }), expect.anything()]
    })

    // Entries: the same ids (they were free), the same facts, the same text.
    const originals = allEntries(original.vault)
    expect(originals).toHaveLength(fixtureEntries.length)
    expect(allEntries(copy.vault)).toHaveLength(originals.length)
    for (const entry of originals) {
      const was = await entryFacts(original.vault, entry.id)
      const now = await entryFacts(copy.vault, entry.id)
      expect({ ...now, body: sameLinks(copy.vault, now.body, now.path), path: undefined }).toEqual({
        ...was,
        body: sameLinks(original.vault, was.body, was.path),
        path: undefined
      })
      // The same folder in the new vault (client folders come from the same names); file names follow titles.
      expect(posix.dirname(now.path)).toBe(posix.dirname(was.path))
    }
    // Links written as rapport://entry/<id> come back byte for byte; the rest point at the same entries.
    const scope = await copy.vault.entries.read('e_01JDXSCOPE0000000000000000')
    expect(scope.body).toContain('[the first call](rapport://entry/e_01JDXFIRST0000000000000000)')
    expect(scope.body).toContain('[the retro](rapport://entry/e_01JDXRETRO0000000000000000#what-went-well)')
    expect(scope.body).toContain('[not a link](rapport://entry/e_01JDXFIRST0000000000000000)')
    expect(scope.body).toContain('<details><summary>Raw HTML</summary>kept as is</details>')
    expect((await copy.vault.entries.read('e_01JDXWEEK30000000000000000')).body).toBe('Same title as Dana’s, another client.\r\nWindows line endings.\r\n')
    const scopeFile = await readFile(join(copy.dir, scope.path), 'utf8')
    expect(scopeFile).toMatch(/^---\n# written by hand\nid: e_01JDXSCOPE0000000000000000\nclient: c_\w+\ntitle: Scope call went sideways\n/)
    expect(scopeFile).toContain('mood: 2\nfollowUpWith:\n  name: Priya\n  when: Friday\n---\n')

    // Importing the same export again finds every note already there.
    const again = await copy.call('import:run', { paths: [out], createClients: true, duplicates: 'skip' })
    expect(again).toMatchObject({ imported: 0, duplicatesSkipped: 8, clientsCreated: [] })
    expect(allEntries(copy.vault)).toHaveLength(originals.length)
  })

  it('brings a client’s folder export into the vault’s client of the same name (ignoring case), creating nothing', async () => {
    const root = await tempDir()
    await writeRealisticVault(root)
    const original = await openTestVault(root)
    const out = await tempDir()
    await original.call('export:run', { scope: { client: DANA_ID }, target: out })

    const other = await openTestVault()
    const existing = await other.call('clients:create', { name: 'dana whitfield' })
    const preview = await other.call('import:preview', { paths: [out] })
    expect(preview?.newClients).toEqual([])
    expect(preview?.destinations).toEqual([{ clientId: existing.id, name: 'dana whitfield', isNew: false, entries: 4, duplicates: 0 }])
  })
})

describe('mentions through export and import', () => {
  const SCOPE_ID = 'e_01JDXSCOPE0000000000000000'
  /** A journal entry naming people (two with the same name, one named like a heading of the profile), clients and an entry, and some that are not in the vault. */
  const JOURNAL_BODY = [
    `Met [Priya Raman](rapport://person/p_1), her namesake [Priya Raman](rapport://person/p_2) and [Stage history](rapport://person/p_3) of [Dana Whitfield](rapport://client/${DANA_ID}).`,
    `Then [Northwind](rapport:client/${NORTHWIND_ID}) and [Scope call](rapport://entry/${SCOPE_ID}).`,
    'Not here: [Gone](rapport://person/p_gone) and [Elsewhere](rapport://client/c_elsewhere).',
    ''
  ].join('\n')
  const DANA_BODY = 'Talked to [Priya](rapport://person/p_1) about [Dana](rapport://client/' + DANA_ID + ').\n'

  async function vaultWithMentions(): Promise<string> {
    const root = await tempDir()
    await writeRealisticVault(root)
    const people = [...dana.people, { id: 'p_2', name: 'Priya Raman' }, { id: 'p_3', name: 'Stage history' }]
    await writeFile(join(root, 'clients/dana-whitfield/client.json'), formatJson({ ...dana, people }))
    const fields = (id: string, title: string) => ({ id, title, created: '2026-12-01T09:00:00.000Z', updated: '2026-12-01T09:00:00.000Z', tags: [] })
    await writeFile(join(root, 'journal/2026-12-01-mentions.md'), serializeEntryFile(null, fields('e_mentions', 'Mentions'), JOURNAL_BODY))
    await writeFile(
      join(root, 'clients/dana-whitfield/journal/2026-12-01-with-priya.md'),
      serializeEntryFile(null, { ...fields('e_priya', 'With Priya'), client: DANA_ID }, DANA_BODY)
    )
    return root
  }

  it('become relative links a Markdown tool follows, and come back as the same mentions', async () => {
    const original = await openTestVault(await vaultWithMentions())
    const out = await tempDir()
    expect(await original.call('export:run', { scope: { all: true }, target: out })).toMatchObject({ status: 'done', skipped: [] })

    const journal = 'Journal/2026-12-01-mentions.md'
    const exported = parseEntryFile(await readFile(join(out, journal), 'utf8')).body
    expect(linksIn(exported)).toEqual([
      { text: 'Priya Raman', url: '../Clients/dana-whitfield/profile.md#priya-raman' },
      // Same heading twice: the second is `-1`, as GitHub numbers them; `Stage history` is already a heading of the profile.
      { text: 'Priya Raman', url: '../Clients/dana-whitfield/profile.md#priya-raman-1' },
      { text: 'Stage history', url: '../Clients/dana-whitfield/profile.md#stage-history-1' },
      { text: 'Dana Whitfield', url: '../Clients/dana-whitfield/profile.md' },
      { text: 'Northwind', url: '../Clients/northwind-traders/profile.md' },
      { text: 'Scope call', url: '../Clients/dana-whitfield/entries/2026-11-22-scope-call-went-sideways.md' },
      // Not in the export: a relative link would lead nowhere, the id still works in a vault that has them.
      { text: 'Gone', url: 'rapport://person/p_gone' },
      { text: 'Elsewhere', url: 'rapport://client/c_elsewhere' }
    ])
    const danaEntry = 'Clients/dana-whitfield/entries/2026-12-01-with-priya.md'
    expect(parseEntryFile(await readFile(join(out, danaEntry), 'utf8')).body).toBe(
      'Talked to [Priya](../profile.md#priya-raman) about [Dana](../profile.md).\n'
    )
    // Every relative link leads to a file that is there, and to a heading in it.
    expect(await brokenLinks(out, journal)).toEqual([])
    expect(await brokenLinks(out, danaEntry)).toEqual([])

    const copy = await openTestVault()
    expect(await copy.call('import:run', { paths: [out], createClients: true, duplicates: 'skip' })).toMatchObject({ status: 'done', problems: [] })
    const newId = (name: string): string => copy.vault.clients.list().find((c) => c.data?.name === name)?.id ?? 'missing'
    // People keep their ids; a client created by the import has a new one, and its mentions follow it.
    expect(copy.vault.clients.get(newId('Dana Whitfield')).data?.people.map((p) => p.id)).toEqual(['p_1', 'p_2', 'p_3'])
    const danaNow = `rapport://client/${newId('Dana Whitfield')}`
    expect(danaNow).not.toBe(`rapport://client/${DANA_ID}`)
    expect((await copy.vault.entries.read('e_mentions')).body).toBe(
      JOURNAL_BODY.replace(`rapport://client/${DANA_ID}`, danaNow).replace(`rapport:client/${NORTHWIND_ID}`, `rapport://client/${newId('Northwind Traders')}`)
    )
    expect((await copy.vault.entries.read('e_priya')).body).toBe(DANA_BODY.replace(`rapport://client/${DANA_ID}`, danaNow))
    // And the people the mentions name are there.
    expect(copy.vault.clients.get(newId('Dana Whitfield')).data?.people.find((p) => p.id === 'p_2')?.name).toBe('Priya Raman')
  })

  it('jump within a dossier to its client and people', async () => {
    const original = await openTestVault(await vaultWithMentions())
    const out = await tempDir()
    await original.call('export:run', { scope: { client: DANA_ID }, options: { dossier: true }, target: out })
    const dossier = await readFile(join(out, 'dana-whitfield.md'), 'utf8')
    expect(dossier).toContain('Talked to [Priya](#priya-raman) about [Dana](#dana-whitfield).')
    // (The retro is another client's entry, not in this export: that link is not this test's business.)
    expect((await brokenLinks(out, 'dana-whitfield.md')).filter((link) => link.startsWith('#'))).toEqual([])
  })

  it('without front matter, export still links the pages; import, not knowing the ids, leaves those links as written', async () => {
    const original = await openTestVault(await vaultWithMentions())
    const out = await tempDir()
    await original.call('export:run', { scope: { all: true }, options: { frontMatter: false }, target: out })
    expect(await brokenLinks(out, 'Journal/2026-12-01-mentions.md')).toEqual([])
    const copy = await openTestVault()
    await copy.call('import:run', { paths: [out], createClients: true, duplicates: 'skip' })
    const imported = allEntries(copy.vault).find((e) => e.title === 'Mentions')
    const body = imported ? (await copy.vault.entries.read(imported.id)).body : ''
    expect(body).toContain('[Priya Raman](../Clients/dana-whitfield/profile.md#priya-raman)')
    expect(body).toContain('[Dana Whitfield](../Clients/dana-whitfield/profile.md)')
  })
})
