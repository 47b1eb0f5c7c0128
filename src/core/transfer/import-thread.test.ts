import type { Stats } from 'node:fs'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEntryFile } from '../entries/entry-file'
import { fileVersion } from '../fs/file-version'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { allEntries } from './import-duplicates'
import { importNotes, runImport } from './import'
import { planImport } from './import-plan'
import type { NoteToWrite, ReadNote, ReadResult } from './import-host'
import { DOSSIER_NOT_IMPORTED, ImportHost, withSources } from './import-host'
import { DOSSIER_MARK } from './profile-file'
import { scanSources } from './import-scan'
import { ImportThread } from './import-thread'
import { noteFiles, stampWhenRead } from './note-reader'
import { fingerprint } from './transfer-testing'

/** Notes of every kind an import meets: good ones, and ones that cannot be parsed for different reasons. */
async function mixedFolder(): Promise<string> {
  const root = await tempDir('rapport-thread-notes-')
  const files: Record<string, string | Buffer> = {
    'a-good.md': '---\ntitle: Kick-off\ncreated: 2026-03-01\nmood: 4 # kept as written\ntags: [pricing]\n---\n\nLinks to [the next one](b-good.md).\n',
    'b-good.md': '# Follow-up\n\nSent the deck.\n',
    'broken-yaml.md': '---\ntitle: [unclosed\ncreated: 2026-03-02\n---\nText.\n',
    'unclosed.md': '---\ntitle: No end\n\nText.\n',
    'binary.md': Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]),
    'latin.md': Buffer.from('Caf\xe9 cr\xe8me\n', 'latin1'),
    // A client's dossier as Rapport exports it: one page to read, not an entry.
    'dossier.md': `---\nrapport: ${DOSSIER_MARK}\nname: Dana Whitfield\n---\n\n# Dana Whitfield\n\n## First call\n\nText.\n`
  }
  for (const [path, content] of Object.entries(files)) await writeFile(join(root, path), content)
  // The file's own time stands in for a date the note does not give.
  await utimes(join(root, 'b-good.md'), new Date('2026-03-01T12:00:00Z'), new Date('2026-03-01T12:00:00Z'))
  return root
}

const problemsByFile = (problems: ReadonlyArray<{ path: string; reason: string }>): Record<string, string> =>
  Object.fromEntries(problems.map((p) => [p.path.split('/').pop(), p.reason]))

/** The mixed folder, its notes read on `thread`: the folder, and each note read by its title. */
async function readOn(thread: ImportThread): Promise<{ root: string; noteTitled: (title: string) => ReadNote }> {
  const root = await mixedFolder()
  const { notes } = await scanSources([root])
  const read = (await thread.read(notes, false)).filter((r): r is ReadNote => !('problem' in r))
  return {
    root,
    noteTitled: (title) => {
      const note = read.find((r) => r.title === title)
      if (!note) throw new Error(`${title} was not read`)
      return note
    }
  }
}

describe("an import's own thread", () => {
  it('runs on a worker thread, and answers as the same work on this thread does', async () => {
    const root = await mixedFolder()
    const { notes } = await scanSources([root])
    const worker = new ImportThread()
    const here = new ImportThread('here')
    try {
      expect(await worker.onItsOwnThread()).toBe(true)
      expect(await here.onItsOwnThread()).toBe(false)
      const [there, local] = [await worker.read(notes, false), await here.read(notes, false)]
      expect(there).toEqual(local)
      // What crosses is what the plan keeps: the sources stay on the asking side, the parsed note on the thread that parsed it.
      const crossed = await worker.request({ op: 'read', notes, windows1252: false })
      expect(crossed.filter((answer) => 'source' in answer || 'fields' in answer || 'body' in answer)).toEqual([])
      expect(crossed.find((answer) => 'title' in answer && answer.title === 'Kick-off')).toEqual({
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        title: 'Kick-off',
        created: '2026-03-01',
        clientHints: [],
        key: expect.stringMatching(/^[0-9a-f]{64}$/)
      })
      const read = there.filter((r): r is ReadNote => !('problem' in r))
      expect(read.map((r) => r.title)).toEqual(['Kick-off', 'Follow-up'])
      expect(
        problemsByFile(
          there.filter((r): r is Extract<ReadResult, { problem: string }> => 'problem' in r).map((r) => ({ path: r.source.absolute, reason: r.problem }))
        )
      ).toEqual({
        'broken-yaml.md': expect.stringMatching(/^the front matter is not valid YAML .*; fix it and import the note again$/),
        'unclosed.md': expect.stringMatching(/no closing "---" line/),
        'binary.md': expect.stringMatching(/not UTF-8 text|binary file/),
        'latin.md': expect.stringMatching(/not UTF-8 text .* Windows-1252/),
        'dossier.md': DOSSIER_NOT_IMPORTED
      })
    } finally {
      worker.close()
      here.close()
    }
  })

  it('prepares a note read for the plan as it was read', async () => {
    const thread = new ImportThread()
    try {
      const { noteTitled } = await readOn(thread)
      const kickOff = noteTitled('Kick-off')
      const toWrite: NoteToWrite = { source: kickOff.source, hash: kickOff.hash, id: 'e_NEW', clientId: null, clientName: null }
      const [prepared] = await thread.request({ op: 'prepare', notes: [toWrite], windows1252: false })
      // Its link to a file (not one of the notes written here) is left for the import to resolve where the vault is.
      if (!prepared || !('frontMatter' in prepared)) throw new Error(`not prepared with its links left: ${JSON.stringify(prepared)}`)
      // Its own front matter kept as written (the comment too), Rapport's fields added.
      expect(prepared.frontMatter).toBe(
        '---\ntitle: Kick-off\ncreated: 2026-03-01\nmood: 4 # kept as written\ntags: [ pricing ]\nid: e_NEW\nupdated: 2026-03-01\n---\n\n'
      )
      expect(prepared.stem).toBe('2026-03-01-kick-off')
      expect(prepared.body).toBe('Links to [the next one](b-good.md).\n')
      // A note with nothing left to resolve comes as the file's bytes, with its version and excerpt.
      const followUp = noteTitled('Follow-up')
      const [ready] = await thread.request({
        op: 'prepare',
        notes: [{ source: followUp.source, hash: followUp.hash, id: 'e_NEXT', clientId: 'c_ACME', clientName: 'Acme' }],
        windows1252: false
      })
      if (!ready || !('prepared' in ready)) throw new Error(`not prepared whole: ${JSON.stringify(ready)}`)
      const text = new TextDecoder().decode(ready.prepared.bytes)
      expect(text).toBe(
        '---\nid: e_NEXT\nclient: c_ACME\ntitle: Follow-up\ncreated: 2026-03-01T12:00:00.000Z\nupdated: 2026-03-01T12:00:00.000Z\ntags: []\n---\n\nSent the deck.\n'
      )
      expect(ready.prepared).toMatchObject({ version: fileVersion(text), excerpt: 'Sent the deck.' })
      // Prepared once: it is not kept after, so with the file gone asking again finds nothing to write.
      await rm(kickOff.source.absolute)
      const [again] = await thread.request({ op: 'prepare', notes: [toWrite], windows1252: false })
      expect(again).toEqual({ absolute: kickOff.source.absolute, problem: 'it is no longer there' })
    } finally {
      thread.close()
    }
  })

  it('parses each note once: one read for the plan, and before writing only a look at its file (size, times)', async () => {
    const root = await tempDir('rapport-thread-once-')
    for (const name of ['one.md', 'two.md']) {
      await writeFile(join(root, name), `# ${name}\n\nText.\n`)
      // Older than a file's clock can lag, so its stamp tells whether it changed since.
      await utimes(join(root, name), new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'))
    }
    const { notes } = await scanSources([root])
    const reads: string[] = []
    const stamps: string[] = []
    const host = new ImportHost({
      read: (absolute, options) => (reads.push(absolute), noteFiles.read(absolute, options)),
      stamp: (absolute) => (stamps.push(absolute), noteFiles.stamp(absolute))
    })
    const read = withSources(notes, await host.handle({ op: 'read', notes, windows1252: false })).filter((r): r is ReadNote => !('problem' in r))
    const toWrite = read.map((r, at): NoteToWrite => ({ source: r.source, hash: r.hash, id: `e_${at}`, clientId: null, clientName: null }))
    const prepared = await host.handle({ op: 'prepare', notes: toWrite, windows1252: false })
    expect(prepared.map((p) => ('problem' in p ? p.problem : p.stem))).toEqual(['2001-01-01-one-md', '2001-01-01-two-md'])
    const absolutes = notes.map((n) => n.absolute)
    expect(reads).toEqual(absolutes)
    expect(stamps).toEqual(absolutes)
  })

  it('takes a file as unchanged by its stamp only when it was read well after its last change', () => {
    const info = { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 } as Stats
    expect(stampWhenRead(info, 1_000_500)).toBeNull()
    expect(stampWhenRead(info, 1_003_000)).toBe('10:1000000:1000000:7')
  })

  it('writes a note it did not read only when it is still what was planned', async () => {
    const root = await mixedFolder()
    const { notes } = await scanSources([root])
    const source = notes.find((n) => n.relative === 'b-good.md')
    if (!source) throw new Error('b-good.md was not found')
    const planner = new ImportThread()
    const [read] = await planner.read([source], false)
    planner.close()
    if (!read || 'problem' in read) throw new Error('b-good.md was not read')
    await writeFile(source.absolute, '# Follow-up\n\nChanged since.\n')
    const writer = new ImportThread()
    try {
      const [prepared] = await writer.request({
        op: 'prepare',
        notes: [{ source, hash: read.hash, id: 'e_X', clientId: null, clientName: null }],
        windows1252: false
      })
      expect(prepared).toEqual({ absolute: source.absolute, problem: expect.stringMatching(/changed after the preview/) })
    } finally {
      writer.close()
    }
  })

  it('imports the notes it can, says why for each one it cannot, and changes nothing in the source', async () => {
    const root = await mixedFolder()
    const before = await fingerprint(root)
    const { call, vault } = await openTestVault()
    const report = await call('import:run', { paths: [root], duplicates: 'skip' })
    expect(report).toMatchObject({ status: 'done', imported: 2, notReached: 0 })
    expect(Object.keys(problemsByFile(report?.problems ?? [])).sort()).toEqual(['binary.md', 'broken-yaml.md', 'dossier.md', 'latin.md', 'unclosed.md'])
    const entries = allEntries(vault)
    expect(entries.map((e) => e.title).sort()).toEqual(['Follow-up', 'Kick-off'])
    // The link between the two notes now points at the entry, and the summary matches the file as written.
    const kickOff = entries.find((e) => e.title === 'Kick-off')
    const followUp = entries.find((e) => e.title === 'Follow-up')
    if (!kickOff || !followUp) throw new Error('missing entries')
    const text = await vault.entries.text(kickOff.id)
    expect(text).toContain(`[the next one](rapport://entry/${followUp.id})`)
    const onDisk = parseEntryFile(text).fields
    expect(kickOff).toMatchObject({ title: onDisk.title, created: onDisk.created, updated: onDisk.updated, tags: onDisk.tags })
    expect(onDisk.mood).toBe(4)
    expect(await fingerprint(root)).toEqual(before)
    expect(await readFile(join(root, 'broken-yaml.md'), 'utf8')).toContain('title: [unclosed')
  })

  it('sends the link tables again to the thread that takes over when its own stops: links still point at the entries', async () => {
    const thread = new ImportThread()
    try {
      const { root, noteTitled } = await readOn(thread)
      const kickOff = noteTitled('Kick-off')
      await thread.request({ op: 'links', tables: { idBySource: new Map([[join(root, 'b-good.md'), 'e_NEXT']]) } })
      await thread.endThreads()
      const [ready] = await thread.request({
        op: 'prepare',
        notes: [{ source: kickOff.source, hash: kickOff.hash, id: 'e_NEW', clientId: null, clientName: null }],
        windows1252: false
      })
      if (!ready || 'problem' in ready) throw new Error(`not prepared: ${JSON.stringify(ready)}`)
      const text = 'prepared' in ready ? new TextDecoder().decode(ready.prepared.bytes) : ready.frontMatter + ready.body
      // Without the tables sent again, the link was left pointing at b-good.md.
      expect(text).toContain('Links to [the next one](rapport://entry/e_NEXT).')
      expect(await thread.onItsOwnThread()).toBe(true)
    } finally {
      thread.close()
    }
  })

  it('goes on when its threads stop between the preview and the writing: every note is written, its links rewritten', async () => {
    const root = await mixedFolder()
    const { vault } = await openTestVault()
    const thread = new ImportThread()
    try {
      const plan = await planImport(vault, { paths: [root], windows1252: false }, {}, thread)
      await thread.endThreads()
      // Before, a request sent after the threads had stopped was never answered, and the import waited for ever.
      const outcome = await runImport(vault, plan, { duplicates: 'skip' }, thread)
      expect(outcome).toMatchObject({ status: 'done', imported: 2 })
      const followUp = allEntries(vault).find((e) => e.title === 'Follow-up')
      const kickOff = allEntries(vault).find((e) => e.title === 'Kick-off')
      expect(await vault.entries.text(kickOff?.id ?? '')).toContain(`[the next one](rapport://entry/${followUp?.id})`)
    } finally {
      thread.close()
    }
  })

  it('goes on when its threads stop while they write the entries: every entry whole, none twice, no temporary file left', async () => {
    const notes = await tempDir('rapport-thread-stop-writing-')
    for (let i = 0; i < 300; i++) await writeFile(join(notes, `note-${String(i).padStart(3, '0')}.md`), `# Note ${i}\n\n${'Text. '.repeat(i)}\n`)
    const { vault, dir: root } = await openTestVault()
    const thread = new ImportThread()
    try {
      const plan = await planImport(vault, { paths: [notes], windows1252: false }, {}, thread)
      const stops: Array<Promise<void>> = []
      const outcome = await runImport(
        vault,
        plan,
        { duplicates: 'skip', onProgress: ({ done }) => void (done === 40 && stops.push(thread.endThreads())) },
        thread
      )
      // Stopped while later notes were still being written (64 at a time).
      expect(stops).toHaveLength(1)
      await Promise.all(stops)
      expect(outcome).toMatchObject({ status: 'done', imported: 300, problems: [] })
      const onDisk = readdirSync(join(root, 'journal'))
      expect(onDisk.filter((name) => name.startsWith('.rapport-tmp'))).toEqual([])
      expect(onDisk).toHaveLength(300)
      for (const entry of allEntries(vault)) {
        const i = Number(entry.title.replace('Note ', ''))
        expect(parseEntryFile(await vault.entries.text(entry.id)).body.trim()).toBe('Text. '.repeat(i).trim())
      }
    } finally {
      thread.close()
    }
  })

  it('reports progress through reading and writing, each reaching its total', async () => {
    const notes = await tempDir('rapport-thread-progress-')
    for (let i = 0; i < 150; i++) await writeFile(join(notes, `note-${String(i).padStart(3, '0')}.md`), `# Note ${i}\n\nText ${i}.\n`)
    const events: Array<{ phase: string; done: number; total: number }> = []
    const { call } = await openTestVault(undefined, {
      shell: { emit: (event, payload) => void (event === 'transfer:progress' && events.push(payload as (typeof events)[number])) }
    })
    expect(await call('import:run', { paths: [notes], duplicates: 'skip', jobId: 'progress-1' })).toMatchObject({ imported: 150 })
    const phases = [...new Set(events.map((e) => e.phase))]
    expect(phases).toEqual(['scanning', 'reading', 'writing'])
    for (const phase of ['reading', 'writing']) {
      const of = events.filter((e) => e.phase === phase)
      expect(of.at(-1)).toMatchObject({ done: 150, total: 150 })
      expect(of.map((e) => e.done)).toEqual([...of.map((e) => e.done)].sort((a, b) => a - b))
    }
  })

  describe('a note that changes on disk between the preview and its writing, in one pass on one thread', () => {
    /** Imports `root` in one pass (`importNotes`), calling `between` once every note has been read for the plan and before any is written. */
    async function importChangingBetween(root: string, between: () => void) {
      // Its notes last changed long ago: the one-pass import trusts their stamps, and must see the change by them.
      for (const name of ['a-good.md', 'b-good.md']) await utimes(join(root, name), new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'))
      const { vault } = await openTestVault()
      let changed = false
      const outcome = await importNotes(
        vault,
        { paths: [root], windows1252: false },
        {
          duplicates: 'skip',
          onProgress: (p) => {
            if (p.phase !== 'reading' || p.done < p.total || changed) return
            changed = true
            between()
          }
        }
      )
      expect(changed).toBe(true)
      return { vault, outcome }
    }

    it('is skipped with the reason, as when the plan was made elsewhere, and nothing of it is written', async () => {
      const root = await mixedFolder()
      const kickOff = join(root, 'a-good.md')
      const { vault, outcome } = await importChangingBetween(root, () =>
        writeFileSync(kickOff, '---\ntitle: Kick-off, rewritten\ncreated: 2026-03-01\n---\n\nSomething else now.\n')
      )
      expect(outcome).toMatchObject({ status: 'done', imported: 1 })
      expect(outcome.problems).toContainEqual({ path: kickOff, reason: expect.stringMatching(/^it changed after the preview, so it was not imported/) })
      expect(allEntries(vault).map((e) => e.title)).toEqual(['Follow-up'])
    })

    it('is written when only its time changed and its bytes are those planned', async () => {
      const root = await mixedFolder()
      const kickOff = join(root, 'a-good.md')
      const { vault, outcome } = await importChangingBetween(root, () => writeFileSync(kickOff, readFileSync(kickOff)))
      expect(outcome).toMatchObject({ status: 'done', imported: 2 })
      expect(
        allEntries(vault)
          .map((e) => e.title)
          .sort()
      ).toEqual(['Follow-up', 'Kick-off'])
    })
  })
})
