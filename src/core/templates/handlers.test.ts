import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type { ClientFile } from '../../shared/domain'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { localDay, longDate } from './dates'

/** A real vault in a temp folder, called through the contract exactly as the app does. */
async function openVault(root?: string) {
  const { dir, vault, call, dispatch } = await openTestVault(root)
  const read = (path: string) => readFile(join(dir, path), 'utf8')
  const clientJson = async (path: string): Promise<ClientFile> => JSON.parse(await read(`${path}/client.json`))
  return { dir, vault, call, dispatch, read, clientJson }
}

/** Splits an entry file into its front matter (as values) and its body. */
function entryFile(text: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text)
  if (!match) throw new Error(`not an entry file:\n${text}`)
  return { front: parseYaml(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' }
}

const daysAgo = (n: number): Date => new Date(Date.now() - n * 86_400_000)

describe('templates through the contract', () => {
  it('lists every built-in, each readable with no problem', async () => {
    const { call } = await openVault()
    const list = await call('templates:list', {})
    expect(list.map((t) => t.id)).toEqual([
      'after-difficult-meeting',
      'failing-graciously',
      'respect',
      'passion',
      'perseverance',
      'before-a-call',
      'feedback-retrospective',
      'first-meeting'
    ])
    for (const summary of list) {
      expect(summary).toMatchObject({ isBuiltIn: true, isEdited: false })
      expect(summary.problem).toBeUndefined()
      const template = await call('templates:get', { id: summary.id })
      expect(template.warnings).toEqual([])
      expect(template.body).toMatch(/^## /m)
    }
  })

  it('starts an entry from "After a difficult meeting" filled for the client, its prompts left for the editor to show', async () => {
    const { call, vault, read } = await openVault()
    const dana = await call('clients:create', { name: 'Dana Whitfield' })
    await vault.clients.update(vault.clients.get(dana.id), (data) => {
      data.organisation = 'Northwind'
      data.interactions = [{ id: 'i_1', at: daysAgo(3).toISOString(), channel: 'video', direction: 'out', outcome: 'meeting' }]
      data.commitments = [{ id: 'k_1', by: 'me', what: 'Send the revised scope', status: 'open', createdAt: '2026-11-01' }]
    })
    const entry = await call('entries:create', { clientId: dana.id, template: 'after-difficult-meeting' })
    const { front, body } = entryFile(await read(entry.path))
    expect(front).toMatchObject({ id: entry.id, client: dana.id, title: 'After a difficult meeting', template: 'after-difficult-meeting', tags: [] })
    expect(entry.path).toMatch(/-after-a-difficult-meeting\.md$/)
    expect(body.startsWith(`_${longDate(localDay(new Date()))}, with Dana Whitfield_\n\n## What happened, in facts\n`)).toBe(true)
    // The prompts are guidance, not the person's words: not in the file, but offered to the editor, filled for Dana.
    expect(body).not.toContain('“Call Dana Whitfield by Friday” is enough.')
    expect(body).toContain('## What happened, in facts\n\n## What I felt\n')
    expect(body).toContain('## Did I react or respond?')
    const prompts = await call('templates:prompts', { entryId: entry.id })
    expect(prompts.map((p) => p.heading)).toContain('Did I react or respond?')
    expect(prompts.find((p) => p.heading === 'How I will repair it')?.prompt).toContain('“Call Dana Whitfield by Friday” is enough.')
    expect(body).not.toMatch(/\{\{|undefined/)
    expect((await call('entries:read', { id: entry.id })).template).toBe('after-difficult-meeting')
  })

  it('fills "Before a call" with open commitments and the last conversation, and leaves out what is unknown', async () => {
    const { call, vault, read } = await openVault()
    const dana = await call('clients:create', { name: 'Dana' })
    const fresh = entryFile(await read((await call('entries:create', { clientId: dana.id, template: 'before-a-call' })).path)).body
    expect(fresh).not.toMatch(/Last real conversation/)
    expect(fresh).toContain('## Open commitments\n\nNone open.\n')

    await vault.clients.update(vault.clients.get(dana.id), (data) => {
      data.interactions = [{ id: 'i_1', at: daysAgo(2).toISOString(), channel: 'phone', direction: 'out', outcome: 'conversation' }]
      data.commitments = [{ id: 'k_1', by: 'client', what: 'Confirm the budget', due: '2099-01-02', status: 'open', createdAt: '2026-11-01' }]
    })
    const body = entryFile(await read((await call('entries:create', { clientId: dana.id, template: 'before-a-call' })).path)).body
    expect(body).toContain(`_Last real conversation: ${longDate(localDay(daysAgo(2)))}_`)
    expect(body).toContain('- [ ] Confirm the budget (Dana, due Friday 2 January 2099)')
  })

  it('keeps text it is given, records the template and its fields’ defaults, and refuses an unknown template', async () => {
    const { call, read, dispatch, dir } = await openVault()
    await mkdir(join(dir, 'templates'))
    await writeFile(
      join(dir, 'templates/check-in.md'),
      '---\nname: Check-in\nfields:\n  energy: { label: Energy?, scale: [1, 10], default: 5 }\n---\n\n## How are things?\n'
    )
    const given = await call('entries:create', { clientId: null, title: 'My own words', template: 'check-in', body: 'Already written.\n' })
    const { front, body } = entryFile(await read(given.path))
    expect(front).toMatchObject({ title: 'My own words', template: 'check-in', energy: 5 })
    expect(Object.keys(front)).toEqual(['id', 'title', 'created', 'updated', 'template', 'tags', 'energy'])
    expect(body).toBe('Already written.\n')
    // `rapport new --template` sends an empty body when nothing is piped in: that means "start from the template".
    const blank = await call('entries:create', { clientId: null, template: 'check-in', body: '' })
    expect(entryFile(await read(blank.path)).body).toBe('## How are things?\n')

    const before = await readdir(join(dir, 'journal'))
    expect(await dispatch('entries:create', { clientId: null, template: 'no-such-template' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no template called "no-such-template". "rapport templates" lists them.' }
    })
    expect(await readdir(join(dir, 'journal'))).toEqual(before)
  })

  it('saves an edit of a built-in as a copy in the vault, uses it, and reverts it to the trash', async () => {
    const { call, dir, read } = await openVault()
    const original = await call('templates:get', { id: 'respect' })
    const edited = await call('templates:save', {
      id: 'respect',
      name: 'Respect',
      description: original.description,
      body: `${original.body}\n## One more thing\n`,
      version: original.version
    })
    expect(edited).toMatchObject({ id: 'respect', isBuiltIn: true, isEdited: true, source: 'templates/respect.md' })
    expect(edited.extract).toEqual(original.extract)
    expect(await read('templates/respect.md')).toMatch(/^---\nid: respect\nname: Respect\n[\s\S]*## One more thing\n$/)
    expect((await call('templates:list', {})).find((t) => t.id === 'respect')).toMatchObject({ isEdited: true })
    const entry = await call('entries:create', { clientId: null, template: 'respect' })
    expect(await read(entry.path)).toContain('## One more thing')

    const reverted = await call('templates:revert', { id: 'respect' })
    expect(reverted).toMatchObject({ isEdited: false, body: original.body })
    expect(existsSync(join(dir, 'templates/respect.md'))).toBe(false)
    expect((await readdir(join(dir, '.rapport/trash'))).filter((n) => n.endsWith('respect.md'))).toHaveLength(1)

    await expect(call('templates:delete', { id: 'respect' })).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('creates, renames and deletes the person’s own templates', async () => {
    const { call, dir } = await openVault()
    const mine = await call('templates:save', {
      name: 'Quarterly review',
      description: 'Every three months.',
      body: '## What moved\n\n## Ask next time\n\n-\n',
      extract: [{ heading: 'Ask next time', kind: 'question' }]
    })
    expect(mine).toMatchObject({
      id: 'quarterly-review',
      isBuiltIn: false,
      source: 'templates/quarterly-review.md',
      extract: [{ heading: 'Ask next time', kind: 'question' }]
    })
    const renamed = await call('templates:save', { id: mine.id, name: 'Quarter review', description: mine.description, body: mine.body, version: mine.version })
    expect(renamed).toMatchObject({ id: 'quarterly-review', name: 'Quarter review', extract: mine.extract })
    expect((await call('templates:list', {})).at(-1)?.id).toBe('quarterly-review')
    await call('templates:delete', { id: mine.id })
    expect(existsSync(join(dir, 'templates/quarterly-review.md'))).toBe(false)
    await expect(call('templates:get', { id: mine.id })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('lists a broken template with its problem while the rest still list, and will not start from it', async () => {
    const { call, dir } = await openVault()
    await mkdir(join(dir, 'templates'))
    await writeFile(join(dir, 'templates/broken.md'), '---\nname: Broken one\ndescription: [oops\n---\n\n## A\n')
    await writeFile(join(dir, 'templates/empty.md'), '')
    const list = await call('templates:list', {})
    expect(list).toHaveLength(10)
    expect(list.slice(-2)).toEqual([
      expect.objectContaining({ id: 'broken', name: 'broken', problem: expect.stringMatching(/^The front matter is not valid YAML/) }),
      expect.objectContaining({ id: 'empty', problem: expect.stringMatching(/^The file is empty/) })
    ])
    expect(list.slice(0, 8).every((t) => t.problem === undefined)).toBe(true)
    await expect(call('entries:create', { clientId: null, template: 'broken' })).rejects.toMatchObject({
      code: 'broken-file',
      message: expect.stringMatching(/^The template "broken" cannot be used: The front matter is not valid YAML.*\(templates\/broken\.md\)$/)
    })
    const opened = await call('templates:get', { id: 'empty' })
    expect(opened).toMatchObject({ problem: expect.any(String), body: '', fields: [], extract: [] })
  })

  it('suggests the likely template first for a client, and filters by what is typed', async () => {
    const { call, vault } = await openVault()
    const dana = await call('clients:create', { name: 'Dana' })
    const first = await call('templates:list', { clientId: dana.id })
    expect(first[0]).toMatchObject({ id: 'first-meeting', suggested: 'Nothing is logged with them yet.' })
    await vault.clients.update(vault.clients.get(dana.id), (data) => {
      data.interactions = [{ id: 'i_1', at: new Date(Date.now() - 3_600_000).toISOString(), channel: 'video', direction: 'out', outcome: 'meeting' }]
    })
    expect((await call('templates:list', { clientId: dana.id }))[0]?.id).toBe('after-difficult-meeting')
    expect((await call('templates:list', { clientId: dana.id, filter: 'CALL' })).map((t) => t.id)).toEqual(['before-a-call'])
    await expect(call('templates:list', { clientId: 'c_missing' })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('offers what an entry’s marked sections hold, adds only what is accepted, each linked to the entry', async () => {
    const { call, clientJson } = await openVault()
    const dana = await call('clients:create', { name: 'Dana' })
    const entry = await call('entries:create', { clientId: dana.id, template: 'first-meeting' })
    const body = entry.body
      .replace('## What I promised\n\n-\n', '## What I promised\n\n- Send the case study by 2099-12-01\n- Book the workshop\n')
      .replace('## What they promised\n\n-\n', '## What they promised\n\n- Introduce me to their CFO\n')
      .replace('## Ask next time\n\n-\n', '## Ask next time\n\n- Who else signs off on the budget?\n')
      .replace(/(## How they like to work\n\n)-\n/, '$1- Email first, calls only when booked\n')
    const saved = await call('entries:save', { id: entry.id, title: entry.title, body, version: entry.version })
    const before = await clientJson(dana.path)

    const offered = await call('templates:extract', { entryId: saved.id })
    expect(offered).toEqual({
      entryId: saved.id,
      template: 'first-meeting',
      proposals: [
        { kind: 'style-note', text: 'Email first, calls only when booked', heading: 'How they like to work' },
        { kind: 'commitment-mine', text: 'Send the case study', due: '2099-12-01', heading: 'What I promised' },
        { kind: 'commitment-mine', text: 'Book the workshop', heading: 'What I promised' },
        { kind: 'commitment-theirs', text: 'Introduce me to their CFO', heading: 'What they promised' },
        { kind: 'question', text: 'Who else signs off on the budget?', heading: 'Ask next time' }
      ]
    })
    // Offering writes nothing.
    expect(await clientJson(dana.path)).toEqual(before)

    const accepted = offered.proposals.filter((p) => p.text !== 'Book the workshop')
    const applied = await call('templates:apply', {
      entryId: saved.id,
      items: accepted.map(({ kind, text, due }) => (due ? { kind, text, due } : { kind, text }))
    })
    expect(applied.added).toHaveLength(4)
    expect(applied.skipped).toEqual([])

    const after = await clientJson(dana.path)
    const today = localDay(new Date())
    expect(after.commitments).toEqual([
      { id: expect.stringMatching(/^k_/), by: 'me', what: 'Send the case study', due: '2099-12-01', status: 'open', createdAt: today, entry: saved.id },
      { id: expect.stringMatching(/^k_/), by: 'client', what: 'Introduce me to their CFO', status: 'open', createdAt: today, entry: saved.id }
    ])
    expect(after.questions).toEqual([{ id: expect.stringMatching(/^q_/), text: 'Who else signs off on the budget?', entry: saved.id, createdAt: today }])
    expect(after.styleNotes).toEqual([{ text: 'Email first, calls only when booked', entry: saved.id, at: today }])
    expect(after.name).toBe('Dana')

    // What is in the record is not offered again, and applying twice adds nothing twice.
    expect((await call('templates:extract', { entryId: saved.id })).proposals.map((p) => p.text)).toEqual(['Book the workshop'])
    const again = await call('templates:apply', { entryId: saved.id, items: [{ kind: 'question', text: 'who else signs off on the budget' }] })
    expect(again).toEqual({ added: [], skipped: [{ kind: 'question', text: 'who else signs off on the budget' }] })
  })

  it('says, without failing, when an entry has nothing to offer or nowhere to add it', async () => {
    const { call, dispatch } = await openVault()
    const plain = await call('entries:create', { clientId: null, title: 'No template' })
    expect(await call('templates:extract', { entryId: plain.id })).toEqual({ entryId: plain.id, proposals: [] })
    const loose = await call('entries:create', { clientId: null, template: 'first-meeting' })
    expect(await call('templates:extract', { entryId: loose.id })).toMatchObject({ proposals: [], problem: expect.stringMatching(/belongs to no client/) })
    expect(await dispatch('templates:apply', { entryId: loose.id, items: [{ kind: 'question', text: 'x' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(await dispatch('templates:apply', { entryId: loose.id, items: [{ kind: 'commitment-mine', text: 'x', due: '2026-02-30' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/That date does not exist/) }
    })
  })

  it('summarises reflections per client and overall, with the mood each one recorded', async () => {
    const { call, dir, read } = await openVault()
    const dana = await call('clients:create', { name: 'Dana' })
    const aaron = await call('clients:create', { name: 'Aaron' })
    const one = await call('entries:create', { clientId: dana.id, template: 'after-difficult-meeting' })
    await call('entries:create', { clientId: dana.id, template: 'before-a-call' })
    await call('entries:create', { clientId: aaron.id, template: 'after-difficult-meeting' })
    await call('entries:create', { clientId: dana.id, title: 'Not a reflection' })
    // The mood is answered in the entry's front matter (by the app's form, or by hand).
    await writeFile(join(dir, one.path), (await read(one.path)).replace('tags: []\n', 'tags: []\nmood: 2\n'))

    const { call: reopened } = await openVault(dir)
    const forDana = await reopened('reflections:summary', { clientId: dana.id })
    expect(forDana).toMatchObject({ clientId: dana.id, total: 2 })
    expect(forDana.templates.map((t) => [t.name, t.count])).toEqual([
      ['After a difficult meeting', 1],
      ['Before a call', 1]
    ])
    expect(forDana.months).toEqual([{ month: localDay(new Date()).slice(0, 7), total: 2, byTemplate: { 'after-difficult-meeting': 1, 'before-a-call': 1 } }])
    expect(forDana.series).toEqual([
      {
        field: 'mood',
        label: 'How did it feel, 1 (rough) to 5 (good)?',
        scale: { min: 1, max: 5 },
        points: [expect.objectContaining({ entryId: one.id, value: 2 })]
      }
    ])
    const overall = await reopened('reflections:summary', {})
    expect(overall).toMatchObject({ clientId: null, total: 3 })
    expect(overall.timeline.map((t) => t.clientId).sort()).toEqual([aaron.id, dana.id, dana.id].sort())
  })

  it('changes nothing in a vault that is open read-only', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'rapport.json'), JSON.stringify({ format: 99, createdAt: '2030-01-01', settings: {} }))
    const { dispatch } = await openVault(dir)
    expect((await dispatch('templates:list', {})).ok).toBe(true)
    expect(await dispatch('templates:save', { name: 'X', description: '', body: '' })).toMatchObject({ ok: false, error: { code: 'read-only' } })
    expect(await dispatch('templates:revert', { id: 'respect' })).toMatchObject({ ok: false, error: { code: 'read-only' } })
    expect(existsSync(join(dir, 'templates'))).toBe(false)
  })
})
