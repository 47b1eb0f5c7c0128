import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type * as Mdast from 'mdast'
import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { literalText, parseMarkdown } from '../../shared/markdown'
import { TargetFolder } from './target-folder'
import { DANA_ID, writeRealisticVault } from '../testing/realistic-vault'
import { filesUnder } from './transfer-testing'

async function realisticVault(shell: Parameters<typeof openTestVault>[1] = {}) {
  const root = await tempDir()
  await writeRealisticVault(root)
  return openTestVault(root, shell)
}

const read = (dir: string, path: string) => readFile(join(dir, path), 'utf8')
const parse = (markdown: string): Mdast.Root => parseMarkdown(markdown)

describe('export of the whole vault', () => {
  it('is a tree of Markdown: Clients/<client>/profile.md and entries/, Journal/, with links between exported entries rewritten', async () => {
    const { call, dir } = await realisticVault()
    const out = await tempDir()
    const plan = await call('export:plan', { scope: { all: true }, target: out })
    expect(plan).toMatchObject({ existing: 0, entries: 8, clients: 4, snapshots: 0 })
    expect(plan.files.map((f) => f.path)).toEqual([
      'Clients/cafe-uenicode/profile.md',
      'Clients/cafe-uenicode/entries/2026-05-05-ca-marche.md',
      'Clients/dana-whitfield/profile.md',
      'Clients/dana-whitfield/entries/2026-01-12-first-call.md',
      'Clients/dana-whitfield/entries/2026-11-22-scope-call-went-sideways.md',
      'Clients/dana-whitfield/entries/2026-11-23-weekly-check-in.md',
      'Clients/dana-whitfield/entries/2026-11-23-weekly-check-in-2.md',
      'Clients/northwind-traders/profile.md',
      'Clients/northwind-traders/entries/2026-09-01-retro.md',
      'Clients/northwind-traders/entries/2026-11-23-weekly-check-in.md',
      'Clients/quiet-co/profile.md',
      'Journal/2026-04-01-my-own-notes.md'
    ])
    expect(await readdir(out)).toEqual([])

    await call('export:run', { scope: { all: true }, target: out })
    expect(await filesUnder(out)).toEqual([...plan.files.map((f) => f.path)].sort())
    const scope = await read(out, 'Clients/dana-whitfield/entries/2026-11-22-scope-call-went-sideways.md')
    // The original front matter, unknown fields and the hand-written comment included.
    expect(scope).toMatch(
      /^---\n# written by hand\nid: e_01JDXSCOPE0000000000000000\n[\s\S]*mood: 2\nfollowUpWith:\n {2}name: Priya\n[\s\S]*---\n\n## What happened\n/
    )
    expect(scope).toContain(
      'See [the first call](2026-01-12-first-call.md) and [the retro](../../northwind-traders/entries/2026-09-01-retro.md#what-went-well).'
    )
    expect(scope).toContain('[ref]: ../../northwind-traders/entries/2026-09-01-retro.md "the retro"')
    expect(scope).toContain('```md\n[not a link](rapport://entry/e_01JDXFIRST0000000000000000)\n```')
    expect(scope).toContain('[web link](https://example.com/a_b?x=1)')
    expect(await read(out, 'Clients/northwind-traders/entries/2026-09-01-retro.md')).toContain(
      '[the scope call](../../dana-whitfield/entries/2026-11-22-scope-call-went-sideways.md)'
    )
    expect(await read(out, 'Journal/2026-04-01-my-own-notes.md')).toContain('[Dana’s first call](../Clients/dana-whitfield/entries/2026-01-12-first-call.md)')
    // An entry without links goes out byte for byte.
    expect(await read(out, 'Clients/dana-whitfield/entries/2026-11-23-weekly-check-in.md')).toBe(
      await read(dir, 'clients/dana-whitfield/journal/2026-11-23-weekly-check-in.md')
    )
  })

  it('writes a readable profile.md from client.json, with client.json itself in its front matter', async () => {
    const { call } = await realisticVault()
    const out = await tempDir()
    await call('export:run', { scope: { client: DANA_ID }, target: out })
    const profile = await read(out, 'dana-whitfield/profile.md')
    expect(profile).toMatch(/^---\nrapport: client-profile\nformat: 1\nid: c_01JDXDANA00000000000000000\nname: Dana Whitfield\n[\s\S]*crmId: NW-42\n/)
    const body = profile.slice(profile.indexOf('\n---\n') + 5)
    const headings = parse(body)
      .children.filter((n): n is Mdast.Heading => n.type === 'heading')
      .map((h) => `${'#'.repeat(h.depth)} ${literalText(h)}`)
    expect(headings).toEqual([
      '# Dana Whitfield',
      '## How they like to do business',
      '## The person',
      '## Their business',
      '## Stage and trust',
      '### Stage history',
      '### Trust history',
      '## Commitments',
      '### What I promised',
      '### What they promised',
      '## People',
      '### Priya Raman',
      '## Interactions',
      '## Follow-up and tags'
    ])
    expect(body).toContain('COO at Northwind')
    expect(body).toContain('- **Preferred channel:** Phone')
    expect(body).toContain('- **Birthday:** Friday 14 March 1980 (every year)')
    expect(body).toContain('| 2 March 2026 | Engaged | Signed the pilot |')
    // A commitment links to the entry it was made in, as a path to the exported file.
    expect(body).toContain('[Scope call went sideways](entries/2026-11-22-scope-call-went-sideways.md)')
    expect(body).toContain('| Saturday 21 November 2026 at 09:30 | Video | They did | Conversation | Scope worries |')
    // What a person typed is shown as typed, never taken for Markdown.
    expect(body).toContain('Hates \\*long\\* decks | prefers one page.')
    expect(body).toContain('- **Phone:** +44 20 7946 0000')
    const style = parse(body).children.find((n): n is Mdast.Paragraph => n.type === 'paragraph' && literalText(n).startsWith('Hates'))
    expect(style && literalText(style)).toBe('Hates *long* decks | prefers one page.')
  })

  it('without front matter, an entry opens with its title as a heading and a readable date line', async () => {
    const { call } = await realisticVault()
    const out = await tempDir()
    await call('export:run', { scope: { all: true }, options: { frontMatter: false }, target: out })
    const scope = await read(out, 'Clients/dana-whitfield/entries/2026-11-22-scope-call-went-sideways.md')
    expect(
      scope.startsWith(
        '# Scope call went sideways\n\n*Sunday 22 November 2026 at 10:30 · last changed Sunday 22 November 2026 at 11:02*\n\nTags: scope, pricing\n\n## What happened\n'
      )
    ).toBe(true)
    const cafe = await read(out, 'Clients/cafe-uenicode/entries/2026-05-05-ca-marche.md')
    expect(cafe.split('\n').slice(0, 3)).toEqual(['# Ça marche: \\<b>bold\\</b> & "quotes" #1', '', '*Tuesday 5 May 2026*'])
    // Renders as the title, exactly: no HTML, no closing `#`.
    const heading = parse(cafe).children[0]
    expect(heading?.type === 'heading' && literalText(heading)).toBe('Ça marche: <b>bold</b> & "quotes" #1')
    // A body that already opens with its title does not get it twice; the date line follows the one heading.
    const profile = await read(out, 'Clients/dana-whitfield/profile.md')
    expect(profile.startsWith('# Dana Whitfield\n\nCOO at Northwind\n')).toBe(true)
  })

  it('writes a client as one dossier: the profile, then every entry oldest first, with links jumping to their sections', async () => {
    const { call } = await realisticVault()
    const out = await tempDir()
    const plan = await call('export:plan', { scope: { client: DANA_ID }, options: { dossier: true } })
    expect(plan.files).toEqual([{ path: 'dana-whitfield.md', kind: 'dossier', exists: false }])
    expect(plan.target).toBeNull()
    await call('export:run', { scope: { client: DANA_ID }, options: { dossier: true, frontMatter: false }, target: out })
    expect(await readdir(out)).toEqual(['dana-whitfield.md'])
    const dossier = await read(out, 'dana-whitfield.md')
    const headings = parse(dossier)
      .children.filter((n): n is Mdast.Heading => n.type === 'heading')
      .map((h) => `${'#'.repeat(h.depth)} ${literalText(h)}`)
    const journal = headings.indexOf('# Journal')
    expect(headings[0]).toBe('# Dana Whitfield')
    expect(headings.slice(journal)).toEqual([
      '# Journal',
      '## First call',
      '### Heading one inside',
      '#### Agenda',
      '## Scope call went sideways',
      '#### What happened',
      '## Weekly check-in',
      '## Weekly check-in'
    ])
    expect(dossier).toContain('See [the first call](#first-call)')
    expect(dossier).toContain('[Scope call went sideways](#scope-call-went-sideways) |')
    expect(dossier).toContain('*Monday 23 November 2026 at 17:00 · last changed Tuesday 24 November 2026 at 09:00*')
    // Kept front matter: the client's, marked as a dossier (entries' own front matter cannot sit inside one file).
    await call('export:run', { scope: { client: DANA_ID }, options: { dossier: true }, target: out, overwrite: true })
    expect(await read(out, 'dana-whitfield.md')).toMatch(/^---\nrapport: client-dossier\nformat: 1\n/)
  })

  it('includes the history of an entry when asked, as history/<entry>/<date>.md', async () => {
    const { call, vault } = await realisticVault()
    let entry = await call('entries:create', { clientId: DANA_ID, title: 'Draft', body: 'one\n' })
    entry = await vault.entries.save({ id: entry.id, title: 'Draft', body: 'two\n', version: entry.version }, new Date('2026-11-24T10:00:00Z'))
    await vault.entries.save({ id: entry.id, title: 'Final', body: 'three\n', version: entry.version }, new Date('2026-11-25T11:30:00Z'))
    const out = await tempDir()
    const report = await call('export:run', { scope: { entry: entry.id }, options: { history: true, frontMatter: false }, target: out })
    expect(report).toMatchObject({ status: 'done', entries: 1, snapshots: 2, written: 3 })
    const files = await filesUnder(out)
    const stem = files.find((f) => !f.startsWith('history/'))?.replace(/\.md$/, '') ?? ''
    expect(stem).toMatch(/^\d{4}-\d{2}-\d{2}-final$/)
    expect(files.filter((f) => f.startsWith('history/'))).toEqual([`history/${stem}/2026-11-24-100000.md`, `history/${stem}/2026-11-25-113000.md`])
    expect(await read(out, `history/${stem}/2026-11-24-100000.md`)).toMatch(
      /^# Draft\n\n\*Earlier version, as it was until Tuesday 24 November 2026 at 10:00\*\n\none\n$/
    )
    expect(await read(out, `history/${stem}/2026-11-25-113000.md`)).toContain('two\n')
  })
})

describe('existing files', () => {
  it('are never overwritten without overwrite: true; the plan lists them and the run writes nothing', async () => {
    const { call } = await realisticVault()
    const out = await tempDir()
    await call('export:run', { scope: { client: DANA_ID }, target: out })
    const edited = join(out, 'dana-whitfield/profile.md')
    await writeFile(edited, 'my own notes\n')
    const plan = await call('export:plan', { scope: { client: DANA_ID }, target: out })
    expect(plan.existing).toBe(5)
    expect(plan.files.every((f) => f.exists)).toBe(true)
    const refused = await call('export:run', { scope: { client: DANA_ID }, target: out })
    expect(refused).toMatchObject({ status: 'needs-overwrite', written: 0, existing: expect.arrayContaining(['dana-whitfield/profile.md']) })
    expect(await readFile(edited, 'utf8')).toBe('my own notes\n')
    const replaced = await call('export:run', { scope: { client: DANA_ID }, target: out, overwrite: true })
    expect(replaced).toMatchObject({ status: 'done', written: 5 })
    expect(await readFile(edited, 'utf8')).toMatch(/^---\nrapport: client-profile/)
  })

  it('that appear after the plan was made are left alone and reported', async () => {
    const out = await tempDir()
    const vault = await tempDir()
    const target = await TargetFolder.open(out, vault, { create: true })
    await writeFile(join(out, 'late.md'), 'someone else\n')
    expect(await target.write('late.md', 'ours\n', false)).toBe('exists')
    expect(await readFile(join(out, 'late.md'), 'utf8')).toBe('someone else\n')
    expect(await target.write('new/inside.md', 'ours\n', false)).toBe('written')
  })
})

describe('paths', () => {
  it('never leave the export folder: no `..`, no absolute path, no folder that is a link', async () => {
    const parent = await tempDir()
    const out = join(parent, 'out')
    const target = await TargetFolder.open(out, await tempDir(), { create: true })
    for (const bad of ['../x.md', 'a/../../x.md', '/etc/x.md', 'C:/x.md', 'a\\..\\x.md', '', 'a//b.md']) {
      expect(() => target.resolve(bad), bad).toThrow(/outside the export folder/)
    }
    const elsewhere = join(parent, 'elsewhere')
    await mkdir(elsewhere)
    await symlink(elsewhere, join(out, 'Clients'))
    await expect(target.write('Clients/x/profile.md', 'x', false)).rejects.toThrow(/Clients in the export folder is a link/)
    expect(await readdir(elsewhere)).toEqual([])
  })

  it('an export folder inside the vault is refused: the vault would read the export back as entries', async () => {
    const { dispatch, dir } = await realisticVault()
    const result = await dispatch('export:run', { scope: { all: true }, target: join(dir, 'journal', 'export') })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/is inside the vault/) } })
  })
})

describe('the native folder dialog and progress', () => {
  it('asks for a folder when none is given (cancel writes nothing), and reports progress with the job id', async () => {
    const out = await tempDir()
    let answer: string | null = null
    const events: Array<{ jobId: string; done: number; total: number; phase: string }> = []
    const { call } = await realisticVault({
      shell: {
        chooseFolder: async () => answer,
        emit: (event, payload) => void (event === 'transfer:progress' && events.push(payload as (typeof events)[number]))
      }
    })
    expect(await call('export:run', { scope: { all: true } })).toBeNull()
    answer = out
    const report = await call('export:run', { scope: { all: true }, jobId: 'job-1' })
    expect(report).toMatchObject({ jobId: 'job-1', target: expect.stringContaining('rapport-test-'), status: 'done' })
    expect(events[0]).toEqual({ jobId: 'job-1', done: 1, total: 12, phase: 'writing' })
    expect(events.at(-1)).toEqual({ jobId: 'job-1', done: 12, total: 12, phase: 'writing' })
  })

  it('cancelled midway, stops between two files: what was written stays and the report says how much', async () => {
    const out = await tempDir()
    let cancel: () => Promise<unknown> = async () => undefined
    const opened = await realisticVault({
      shell: { emit: (event, payload) => void (event === 'transfer:progress' && (payload as { done: number }).done === 1 && cancel()) }
    })
    cancel = () => opened.call('transfer:cancel', { jobId: 'stop-me' })
    const report = await opened.call('export:run', { scope: { all: true }, target: out, jobId: 'stop-me' })
    expect(report).toMatchObject({ status: 'cancelled', planned: 12, written: 1 })
    expect(await filesUnder(out)).toHaveLength(report?.written ?? -1)
    expect(await opened.call('transfer:cancel', { jobId: 'stop-me' })).toEqual({ cancelled: false })
  })
})
