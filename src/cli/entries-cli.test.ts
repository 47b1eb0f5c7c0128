import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Clock } from '../core/relationship/viewpoint'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

const clock: Clock = { now: () => new Date('2026-11-23T10:00:00Z'), timeZone: () => 'Europe/London' }

/**
 * An editor for the tests: a small Node script given as $EDITOR. It replaces
 * $EDIT_FROM by $EDIT_TO in the file it is given and, to stand for another
 * program saving the same entry meanwhile, appends a line to $ALSO_CHANGE.
 */
const EDITOR_SCRIPT = `
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
const file = process.argv[2]
writeFileSync(file, readFileSync(file, 'utf8').replace(process.env.EDIT_FROM, process.env.EDIT_TO))
if (process.env.ALSO_CHANGE) appendFileSync(process.env.ALSO_CHANGE, 'Added by the sync tool.\\n')
process.exit(Number(process.env.EDITOR_STATUS ?? 0))
`

async function vault() {
  const dir = await tempDir()
  const run = (args: string[], stdin: string | null = null, env: NodeJS.ProcessEnv = {}) => rapport([...args, '--vault', dir], stdin, env, clock)
  await run(['init'])
  await run(['client', 'add', 'Dana Whitfield'])
  const editor = join(await tempDir(), 'editor.mjs')
  await writeFile(editor, EDITOR_SCRIPT)
  const editorEnv = (env: Record<string, string>): NodeJS.ProcessEnv => ({ EDITOR: `"${process.execPath}" "${editor}"`, ...env })
  return { dir, run, editorEnv }
}

describe('rapport CLI: entries written later, edited, removed and recorded', () => {
  it('backdates a new entry with --date: its file, its created time and its template’s date name that day', async () => {
    const { dir, run } = await vault()
    const winter = await run(['new', '--client', 'Dana', '--title', 'Old call', '--date', '2026-03-01'], 'She pushed back.\n')
    expect(winter).toMatchObject({ code: 0, out: 'clients/dana-whitfield/journal/2026-03-01-old-call.md' })
    const text = await readFile(join(dir, winter.out), 'utf8')
    // Noon on the user's clock: London is on GMT in March, on BST in July.
    expect(text).toMatch(/\ncreated: 2026-03-01T12:00:00.000Z\n/)
    const summer = JSON.parse((await run(['new', '--client', 'Dana', '--template', 'first-meeting', '--date', '2026-07-01', '--json'])).out)
    expect(summer).toMatchObject({ created: '2026-07-01T11:00:00.000Z', path: 'clients/dana-whitfield/journal/2026-07-01-first-meeting.md' })
    expect(summer.body).toContain('Wednesday 1 July 2026, with Dana Whitfield')
    const timed = JSON.parse((await run(['new', '--client', 'Dana', '--date', '2026-11-20T09:15', '--json'], 'x')).out)
    expect(timed.created).toBe('2026-11-20T09:15:00.000Z')
  })

  it('edits an entry in $EDITOR and saves it through the core; no change writes nothing', async () => {
    const { dir, run, editorEnv } = await vault()
    const path = (await run(['new', '--client', 'Dana', '--title', 'Scope call'], 'She pushed back.\n')).out
    const id = /id: (e_\S+)/.exec(await readFile(join(dir, path), 'utf8'))?.[1] ?? ''

    const saved = await run(['edit', id], null, editorEnv({ EDIT_FROM: 'She pushed back.', EDIT_TO: 'She pushed back on the budget 🌱.' }))
    expect(saved).toMatchObject({ code: 0, out: `Saved ${path}` })
    expect(await readFile(join(dir, path), 'utf8')).toMatch(/\ntitle: Scope call\n[\s\S]*\n\nShe pushed back on the budget 🌱\.\n$/)

    // The title is the front matter's: changing it renames the file, as in the app.
    const renamed = await run(['edit', path], null, editorEnv({ EDIT_FROM: 'title: Scope call', EDIT_TO: 'title: Scope call, part 2' }))
    expect(renamed.code).toBe(0)
    const newPath = path.replace('scope-call', 'scope-call-part-2')
    expect(renamed.out).toBe(`Saved ${newPath}`)
    const before = await readFile(join(dir, newPath), 'utf8')
    expect(await run(['edit', join(dir, newPath)], null, editorEnv({ EDIT_FROM: 'nothing-here', EDIT_TO: '' }))).toMatchObject({
      code: 0,
      out: `No changes to ${newPath}.`
    })
    expect(await readFile(join(dir, newPath), 'utf8')).toBe(before)

    // A hostile title is only text: the file gets a safe name inside the client's journal.
    const hostile = JSON.parse(
      (await run(['edit', id, '--json'], null, editorEnv({ EDIT_FROM: 'title: Scope call, part 2', EDIT_TO: `title: "../CON 🌱 ${'x'.repeat(280)}"` }))).out
    )
    expect(hostile.title).toBe(`../CON 🌱 ${'x'.repeat(280)}`)
    expect(hostile.path).toMatch(/^clients\/dana-whitfield\/journal\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/)
    await run(['edit', id], null, editorEnv({ EDIT_FROM: `title: ../CON 🌱 ${'x'.repeat(280)}`, EDIT_TO: 'title: Scope call, part 2' }))

    // Rapport's own fields are not the editor's to change: said, and left as they were.
    const own = await run(['edit', id], null, editorEnv({ EDIT_FROM: `id: ${id}`, EDIT_TO: 'id: e_STOLEN' }))
    expect(own.err).toBe('"id" is set by Rapport, so your change to it was left out.')
    expect(await readFile(join(dir, newPath), 'utf8')).toContain(`id: ${id}\n`)
  })

  it('keeps both versions when the file changed on disk while the editor was open, as the app does', async () => {
    const { dir, run, editorEnv } = await vault()
    const path = (await run(['new', '--client', 'Dana', '--title', 'Scope call'], 'First draft.\n')).out
    const conflict = await run(['edit', path], null, editorEnv({ EDIT_FROM: 'First draft.', EDIT_TO: 'My edit.', ALSO_CHANGE: join(dir, path) }))
    expect(conflict.code).toBe(1)
    expect(conflict.err).toMatch(
      /was changed by another program while you were editing it\. Nothing was overwritten: your version is kept beside it as .+\.rapport-conflict-\d{8}-\d{6}\.md/
    )
    const folder = join(dir, 'clients/dana-whitfield/journal')
    const files = (await readdir(folder)).sort()
    expect(files).toHaveLength(2)
    expect(await readFile(join(dir, path), 'utf8')).toMatch(/First draft\.\nAdded by the sync tool\.\n$/)
    const ours = files.find((f) => f.includes('rapport-conflict')) ?? ''
    expect(await readFile(join(folder, ours), 'utf8')).toMatch(/\n\nMy edit\.\n$/)
  })

  it('keeps the edited text when the editor fails or the front matter is broken, and saves nothing', async () => {
    const { dir, run, editorEnv } = await vault()
    const path = (await run(['new', '--client', 'Dana', '--title', 'Scope call'], 'First draft.\n')).out
    const before = await readFile(join(dir, path), 'utf8')
    const failed = await run(['edit', path], null, editorEnv({ EDIT_FROM: 'First draft.', EDIT_TO: 'Half typed', EDITOR_STATUS: '3' }))
    expect(failed.code).toBe(1)
    const kept = /Your text is kept in (.+\.md)\.$/.exec(failed.err)?.[1] ?? ''
    expect(failed.err).toMatch(/^The editor exited with status 3, so nothing was saved\./)
    expect(await readFile(kept, 'utf8')).toContain('Half typed')
    const broken = await run(['edit', path], null, editorEnv({ EDIT_FROM: 'title: Scope call', EDIT_TO: 'title: [unclosed' }))
    expect(broken.code).toBe(1)
    expect(broken.err).toMatch(/^The front matter cannot be read \(.+\)\. Nothing was saved\. Your text is kept in .+\.md\.$/)
    const tooLong = await run(['edit', path], null, editorEnv({ EDIT_FROM: 'title: Scope call', EDIT_TO: `title: ${'x'.repeat(301)}` }))
    expect(tooLong.code).toBe(1)
    expect(tooLong.err).toMatch(/A title can be at most 300 characters\..* Your text is kept in /)
    expect(await readFile(join(dir, path), 'utf8')).toBe(before)
  })

  it('moves an entry to the trash by id or path; unknown and hostile ones are refused', async () => {
    const { dir, run } = await vault()
    const first = (await run(['new', '--client', 'Dana', '--title', 'One'], 'a')).out
    const second = JSON.parse((await run(['new', '--client', 'Dana', '--title', 'Two', '--json'], 'b')).out) as { id: string; path: string }
    expect(await run(['rm', first])).toMatchObject({ code: 0, out: `Moved ${first} to the trash (.rapport/trash/); it can be restored from the app’s Trash.` })
    expect(JSON.parse((await run(['rm', second.id, '--json'])).out)).toEqual({ removed: { id: second.id, path: second.path, title: 'Two' } })
    expect(await readdir(join(dir, 'clients/dana-whitfield/journal'))).toEqual([])
    expect((await readdir(join(dir, '.rapport/trash'))).filter((n) => n.endsWith('.md'))).toHaveLength(2)
    for (const entry of [second.id, '../../etc/passwd', 'CON', '🌱', 'e_'.padEnd(300, 'x'), 'e_1\ne_2']) {
      const refused = await run(['rm', entry])
      expect(refused.code, entry).toBe(1)
      expect(refused.err).toBe(`No entry has the id or path "${entry}". "rapport search" finds entries; their ids are in their front matter.`)
    }
    expect((await run(['rm'])).code).toBe(2)
    expect((await run(['edit'])).code).toBe(2)
    expect((await run(['record'])).code).toBe(2)
  })

  it('shows what a reflection would add to the client’s record, and adds it with --yes, once', async () => {
    const { dir, run } = await vault()
    const body =
      '## How they like to work\n\n- Wants numbers before stories\n\n## What I promised\n\n- Send the case study by 2026-12-12\n\n## What they promised\n\n- Intro to the CFO\n\n## Ask next time\n\n- Who else signs off?\n'
    const path = (await run(['new', '--client', 'Dana', '--template', 'first-meeting'], body)).out
    const offer = await run(['record', path])
    expect(offer).toMatchObject({ code: 0 })
    expect(offer.out.split('\n')).toEqual([
      'Would add 4 items to the client’s record:',
      '  Working-style note: Wants numbers before stories',
      '  My commitment: Send the case study (by 2026-12-12)',
      '  Their commitment: Intro to the CFO',
      '  Question to ask: Who else signs off?',
      'Nothing has been written; add them with --yes.'
    ])
    const clientFile = join(dir, 'clients/dana-whitfield/client.json')
    const untouched = await readFile(clientFile, 'utf8')
    expect(JSON.parse((await run(['record', path, '--json'])).out).proposals).toHaveLength(4)
    expect(await readFile(clientFile, 'utf8')).toBe(untouched)

    const added = await run(['record', path, '--yes'])
    expect(added.code).toBe(0)
    expect(added.out.split('\n')[0]).toBe('Added 4 items to the client’s record:')
    const data = JSON.parse(await readFile(clientFile, 'utf8'))
    const entryId = /id: (e_\S+)/.exec(await readFile(join(dir, path), 'utf8'))?.[1]
    expect(data.styleNotes).toEqual([{ text: 'Wants numbers before stories', entry: entryId, at: expect.any(String) }])
    expect(data.questions).toEqual([expect.objectContaining({ text: 'Who else signs off?', entry: entryId })])
    expect(data.commitments).toEqual([
      expect.objectContaining({ by: 'me', what: 'Send the case study', due: '2026-12-12', entry: entryId }),
      expect.objectContaining({ by: 'client', what: 'Intro to the CFO', entry: entryId })
    ])
    expect((await run(['record', path, '--yes'])).out).toBe(
      'Nothing to add: the sections of this reflection (template first-meeting) hold nothing the client’s record does not have yet.'
    )

    const plain = (await run(['new', '--client', 'Dana', '--title', 'Plain'], 'Just notes.')).out
    expect(await run(['record', plain])).toMatchObject({
      code: 0,
      out: 'Nothing to add: this entry was not started from a template, so it has no sections to record.'
    })
  })
})
