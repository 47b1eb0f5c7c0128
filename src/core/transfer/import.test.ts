import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { parseEntryFile } from '../entries/entry-file'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import type { Vault } from '../vault/vault'
import { allEntries } from './import-duplicates'
import { fingerprint } from './transfer-testing'

/** A folder of notes as Obsidian (or another journal's Markdown export) leaves it. */
async function obsidianFolder(): Promise<string> {
  const root = await tempDir('rapport-notes-')
  const files: Record<string, string> = {
    '.obsidian/workspace.json': '{}',
    '.git/HEAD': 'ref: refs/heads/main\n',
    'Acme/Kick-off.md':
      '---\ndate: 2026-03-01\ntags: "pricing, #renewal"\naliases: [kickoff]\ncssclass: wide\n---\n# Kick-off\n\nMet the team. Next: [[Follow-up]] and [the follow-up](Follow-up.md).\n',
    'Acme/Follow-up.md':
      '---\ncreated_at: 2026-03-08T09:15:00+01:00\nmodified: 2026-03-09T10:00:00Z\ntags: [followup, 2026]\n---\n\nSent the deck. ![chart](chart.png)\n',
    'Acme/chart.png': 'not really a png',
    'Acme/Deeper/Site visit.md': 'No front matter and no heading: the file name is the title.\n',
    'Journal/2026-02-02 Thoughts.md': '# Quiet week\n\nNothing about clients.\n',
    'Loose note.md':
      '---\ncompany: northwind traders\ntitle: Call with procurement\ntemplate: before-a-call\nid: e_FROMELSEWHERE\nmood: 4\n---\nBudget is tight.\n',
    'Drafts/Untitled.md': '---\nclient: Nobody We Know\ndate: last tuesday\n---\nText.\n'
  }
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  // The file's own time stands in for a date the note does not give.
  await utimes(join(root, 'Acme/Deeper/Site visit.md'), new Date('2026-04-04T12:00:00Z'), new Date('2026-04-04T12:00:00Z'))
  return root
}

async function entryByTitle(vault: Vault, title: string) {
  const summary = allEntries(vault).find((e) => e.title === title)
  if (!summary) throw new Error(`no entry called ${title}`)
  const text = await vault.entries.text(summary.id)
  return { ...(await vault.entries.read(summary.id)), fields: parseEntryFile(text).fields, text }
}

describe('import of a folder of notes', () => {
  it('previews before writing anything: counts per client, new clients, other files, and nothing is written', async () => {
    const notes = await obsidianFolder()
    const { call, vault } = await openTestVault()
    const northwind = await call('clients:create', { name: 'Northwind Traders' })
    const preview = await call('import:preview', { paths: [notes] })
    expect(preview).toMatchObject({ notes: 6, toImport: 6, otherFiles: 1, historyVersions: 0, problems: [], duplicates: [] })
    expect(preview?.newClients).toEqual([
      { name: 'Acme', source: 'folder', notes: 3, willCreate: false },
      { name: 'Drafts', source: 'folder', notes: 1, willCreate: false }
    ])
    // Without agreement to create clients, their notes would go to the journal.
    expect(preview?.destinations).toEqual([
      { clientId: null, name: 'Your journal', isNew: false, entries: 5, duplicates: 0 },
      { clientId: northwind.id, name: 'Northwind Traders', isNew: false, entries: 1, duplicates: 0 }
    ])
    expect(allEntries(vault)).toHaveLength(0)
    expect(vault.clients.list()).toHaveLength(1)
  })

  it('maps front matter where it fits, keeps the rest, assigns clients, and changes nothing in the source', async () => {
    const notes = await obsidianFolder()
    const before = await fingerprint(notes)
    const { call, vault, dir } = await openTestVault()
    const northwind = await call('clients:create', { name: 'Northwind Traders' })
    const preview = await call('import:preview', { paths: [notes], createClients: true })
    expect(preview?.destinations.map((d) => [d.name, d.isNew, d.entries])).toEqual([
      ['Acme', true, 3],
      ['Drafts', true, 1],
      ['Northwind Traders', false, 1],
      ['Your journal', false, 1]
    ])
    const report = await call('import:run', { paths: [notes], createClients: true, duplicates: 'skip' })
    // The chart is text named .png: it is not copied as an image, and the note says so (issue #18).
    expect(report?.problems).toEqual([
      {
        path: join(notes, 'Acme/Follow-up.md'),
        reason: '"chart.png" was not attached: its name says it is a PNG image, but its contents are not an image. The link was left as written.'
      }
    ])
    expect(report).toMatchObject({
      status: 'done',
      imported: 6,
      clientsCreated: [expect.objectContaining({ name: 'Acme' }), expect.objectContaining({ name: 'Drafts' })]
    })
    expect(await fingerprint(notes)).toEqual(before)

    const acme = vault.clients.list().find((c) => c.data?.name === 'Acme')
    const kickoff = await entryByTitle(vault, 'Kick-off')
    expect(kickoff).toMatchObject({ clientId: acme?.id, created: '2026-03-01', updated: '2026-03-01', tags: ['pricing', 'renewal'] })
    // The heading that was the title is not repeated in the text; a wikilink to another note links its entry.
    expect(kickoff.body.startsWith('Met the team. Next: [Follow-up](rapport://entry/')).toBe(true)
    // Mapped aliases are gone (their value is now `created`); fields Rapport does not know are kept.
    expect(kickoff.fields).toMatchObject({ aliases: ['kickoff'], cssclass: 'wide', title: 'Kick-off', created: '2026-03-01' })
    expect(kickoff.fields.date).toBeUndefined()
    const followUp = await entryByTitle(vault, 'Follow-up')
    expect(kickoff.body).toContain(`(rapport://entry/${followUp.id})`)
    expect(followUp).toMatchObject({ clientId: acme?.id, created: '2026-03-08T09:15:00+01:00', updated: '2026-03-09T10:00:00Z', tags: ['followup', '2026'] })
    expect(followUp.fields.created_at).toBeUndefined()
    expect(followUp.body).toContain('![chart](chart.png)')
    expect(await entryByTitle(vault, 'Site visit')).toMatchObject({ clientId: acme?.id, created: '2026-04-04T12:00:00.000Z' })
    expect(await entryByTitle(vault, 'Quiet week')).toMatchObject({ clientId: null, created: '2026-02-02', body: 'Nothing about clients.\n' })

    const loose = await entryByTitle(vault, 'Call with procurement')
    expect(loose).toMatchObject({ id: 'e_FROMELSEWHERE', clientId: northwind.id, template: 'before-a-call' })
    expect(loose.fields).toMatchObject({ company: 'northwind traders', mood: 4, client: northwind.id })
    expect(loose.path).toMatch(/^clients\/northwind-traders\/journal\/\d{4}-\d{2}-\d{2}-call-with-procurement\.md$/)
    // A client name that matched nobody, and a date that is not a date, are kept rather than lost.
    const untitled = await entryByTitle(vault, 'Untitled')
    expect(untitled.fields).toMatchObject({ 'imported-client': 'Nobody We Know', date: 'last tuesday' })
    expect(untitled.path.startsWith('clients/drafts/journal/')).toBe(true)
    expect(await readFile(join(dir, untitled.path), 'utf8')).toMatch(/^---\nclient: c_\w+\ndate: last tuesday\n[\s\S]*\n---\n\nText\.\n$/)
  })

  it('puts every note in the client the user chose, when they chose one', async () => {
    const notes = await obsidianFolder()
    const { call } = await openTestVault()
    const dana = await call('clients:create', { name: 'Dana Whitfield' })
    const preview = await call('import:preview', { paths: [notes], clientId: dana.id, createClients: true })
    expect(preview?.destinations).toEqual([{ clientId: dana.id, name: 'Dana Whitfield', isNew: false, entries: 6, duplicates: 0 }])
    expect(preview?.newClients).toEqual([])
  })

  it('flags duplicates by content (in the vault and among the files), skips or keeps them as the user says', async () => {
    const notes = await tempDir('rapport-notes-')
    await writeFile(join(notes, 'a.md'), '# Same\n\nThe same text.\n')
    await writeFile(join(notes, 'b.md'), '---\ntitle: same\n---\nThe same text.   \r\n\r\n\r\n')
    await writeFile(join(notes, 'c.md'), '# Different\n\nThe same text.\n')
    const { call, vault } = await openTestVault()
    const existing = await call('entries:create', { clientId: null, title: 'Already here', body: 'Written in Rapport.\n' })
    await writeFile(join(notes, 'd.md'), '# Already here\n\nWritten in Rapport.\n')

    const preview = await call('import:preview', { paths: [notes] })
    expect(preview).toMatchObject({ notes: 4, toImport: 2 })
    expect(preview?.duplicates).toEqual([
      { path: join(notes, 'b.md'), title: 'same', of: join(notes, 'a.md'), inVault: false },
      { path: join(notes, 'd.md'), title: 'Already here', of: existing.path, inVault: true }
    ])
    expect(await call('import:run', { paths: [notes], duplicates: 'skip' })).toMatchObject({ imported: 2, duplicatesSkipped: 2 })
    expect(allEntries(vault)).toHaveLength(3)
    expect(await call('import:run', { paths: [notes], duplicates: 'keep' })).toMatchObject({ imported: 4, duplicatesSkipped: 0 })
    expect(allEntries(vault)).toHaveLength(7)
  })

  it('cancelled midway, stops between two notes with a report that adds up', async () => {
    const notes = await tempDir('rapport-notes-')
    // More notes than are written at once: those under way when the cancel comes are finished, no more are started.
    for (let i = 0; i < 200; i++) await writeFile(join(notes, `note-${i}.md`), `# Note ${i}\n\nText ${i}.\n`)
    let cancel: () => Promise<unknown> = async () => undefined
    const opened = await openTestVault(undefined, {
      shell: { emit: (event, payload) => void (event === 'transfer:progress' && (payload as { phase: string }).phase === 'writing' && cancel()) }
    })
    cancel = () => opened.call('transfer:cancel', { jobId: 'import-1' })
    const report = await opened.call('import:run', { paths: [notes], duplicates: 'skip', jobId: 'import-1' })
    expect(report).toMatchObject({ jobId: 'import-1', status: 'cancelled' })
    if (!report) throw new Error('no report')
    expect(report.imported).toBeGreaterThanOrEqual(1)
    expect(report.notReached).toBeGreaterThan(100)
    expect(report.imported + report.notReached).toBe(200)
    expect(allEntries(opened.vault)).toHaveLength(report.imported)
  })

  it('asks for a folder when no paths are given; cancelling the dialog imports nothing', async () => {
    const notes = await obsidianFolder()
    let answer: string | null = null
    const { call } = await openTestVault(undefined, { shell: { chooseFolder: async () => answer } })
    expect(await call('import:preview', {})).toBeNull()
    answer = notes
    expect(await call('import:preview', {})).toMatchObject({ paths: [notes], notes: 6 })
  })

  it('asks for Markdown files when told to; imports just the files chosen, not the rest of their folder', async () => {
    const notes = await obsidianFolder()
    const chosen = [join(notes, 'Loose note.md'), join(notes, 'Acme/Deeper/Site visit.md')]
    const asked: Array<{ title: string; extensions: string[] }> = []
    let answer: string[] | null = null
    const { call, vault } = await openTestVault(undefined, {
      shell: {
        chooseFolder: async () => notes,
        chooseFiles: async ({ title, extensions }) => (asked.push({ title, extensions }), answer)
      }
    })
    // Cancel, or a dialog closed with nothing chosen: no preview, and the folder dialog was not the one asked.
    expect(await call('import:preview', { choose: 'files' })).toBeNull()
    answer = []
    expect(await call('import:preview', { choose: 'files' })).toBeNull()
    expect(asked).toEqual([
      { title: 'Import Markdown notes', extensions: ['md', 'markdown'] },
      { title: 'Import Markdown notes', extensions: ['md', 'markdown'] }
    ])

    answer = chosen
    expect(await call('import:preview', { choose: 'files' })).toMatchObject({ paths: chosen, notes: 2, toImport: 2, otherFiles: 0, problems: [] })
    expect(await call('import:run', { choose: 'files', duplicates: 'skip' })).toMatchObject({ status: 'done', imported: 2 })
    expect(
      allEntries(vault)
        .map((e) => e.title)
        .sort()
    ).toEqual(['Call with procurement', 'Site visit'])
  })

  it('creates many new clients in the plan’s order; one that cannot be created is a problem and its note goes to the journal', async () => {
    const notes = await tempDir('rapport-notes-')
    // More clients than are created at once, so later ones start as earlier ones finish.
    const names = Array.from({ length: 40 }, (_, i) => `Client ${String(i + 1).padStart(2, '0')}`)
    for (const name of names) {
      await mkdir(join(notes, name))
      await writeFile(join(notes, name, 'Call.md'), `---\ncreated: 2026-03-01\n---\nAbout ${name}.\n`)
    }
    const { call, vault } = await openTestVault()
    const create = vault.clients.create.bind(vault.clients)
    vi.spyOn(vault.clients, 'create').mockImplementation(async (name, ...rest) => {
      if (name === 'Client 07') throw new Error('the disk said no')
      return create(name, ...rest)
    })
    const report = await call('import:run', { paths: [notes], createClients: true, duplicates: 'skip' })
    expect(report?.imported).toBe(40)
    expect(report?.clientsCreated.map((c) => c.name)).toEqual(names.filter((n) => n !== 'Client 07'))
    expect(report?.problems).toEqual([{ path: 'Client 07', reason: 'the client could not be created (the disk said no); its notes go to your journal' }])
    const unfiled = allEntries(vault).filter((e) => e.clientId === null)
    expect(unfiled.map((e) => e.title)).toEqual(['Call'])
    expect(await vault.entries.text(unfiled[0]!.id)).toContain('About Client 07.')
  })

  it('refuses an unknown kind of dialog', async () => {
    const { dispatch } = await openTestVault()
    expect(await dispatch('import:preview', { choose: 'everything' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('is refused in a vault open read-only', async () => {
    const notes = await obsidianFolder()
    const root = await tempDir()
    await writeFile(join(root, 'rapport.json'), JSON.stringify({ format: 99 }))
    const { dispatch } = await openTestVault(root)
    expect(await dispatch('import:run', { paths: [notes], duplicates: 'skip' })).toMatchObject({ ok: false, error: { code: 'read-only' } })
  })
})
