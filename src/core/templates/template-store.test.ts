import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp-vault'
import { TemplateStore } from './template-store'

const BUILT_IN =
  '---\nid: respect\nname: Respect\ndescription: A quiet check.\norder: 30\n# a comment kept when edited\n---\n\n## Did I honour my commitments?\n'

async function setUp() {
  const resources = await tempDir()
  const vault = await tempDir()
  await mkdir(join(resources, 'templates'))
  await writeFile(join(resources, 'templates/respect.md'), BUILT_IN)
  return { resources, vault, store: new TemplateStore(resources, vault) }
}

describe('the template store', () => {
  it('reads a template again only when its file changed, and a caller cannot change what it keeps', async () => {
    const { store, resources } = await setUp()
    const first = await store.usable('respect')
    first.body = 'changed by a caller'
    first.fields.push({ key: 'mood', label: 'Mood', type: 'text' } as never)
    expect(await store.usable('respect')).toMatchObject({ body: '## Did I honour my commitments?\n', fields: [] })

    // Another program edits the file (another size): it is read again.
    await writeFile(join(resources, 'templates/respect.md'), BUILT_IN.replace('Did I honour my commitments?', 'Did I keep every promise I made?'))
    expect((await store.usable('respect')).body).toBe('## Did I keep every promise I made?\n')
    // The same size, a new modification time: read again too.
    await writeFile(join(resources, 'templates/respect.md'), BUILT_IN.replace('Did I honour my commitments?', 'Did I honour my obligations?'))
    await utimes(join(resources, 'templates/respect.md'), new Date(), new Date(Date.now() + 5000))
    expect((await store.usable('respect')).body).toBe('## Did I honour my obligations?\n')
  })

  it('lists built-ins with no vault templates folder at all', async () => {
    const { store, resources } = await setUp()
    expect(await store.list()).toEqual([
      expect.objectContaining({ id: 'respect', isBuiltIn: true, isEdited: false, source: join(resources, 'templates/respect.md') })
    ])
  })

  it('saves an edited copy of a built-in in the vault, keeping its front matter, and reverts it to the trash', async () => {
    const { store, vault } = await setUp()
    const unchanged = await store.save({ id: 'respect', name: 'Respect', description: 'A quiet check.', body: '## Did I honour my commitments?\n' })
    expect(unchanged.isEdited).toBe(false)
    expect(existsSync(join(vault, 'templates'))).toBe(false)

    const edited = await store.save({
      id: 'respect',
      name: 'Respect',
      description: 'A quiet check.',
      body: '## Did I keep my word?',
      version: unchanged.version
    })
    expect(edited).toMatchObject({ id: 'respect', isBuiltIn: true, isEdited: true, source: 'templates/respect.md' })
    const text = await readFile(join(vault, 'templates/respect.md'), 'utf8')
    expect(text).toBe(
      '---\nid: respect\nname: Respect\ndescription: A quiet check.\norder: 30\n\n# a comment kept when edited\n---\n\n## Did I keep my word?\n'
    )

    const reverted = await store.revert('respect')
    expect(reverted).toMatchObject({ isEdited: false })
    expect(existsSync(join(vault, 'templates/respect.md'))).toBe(false)
    expect((await readdir(join(vault, '.rapport/trash'))).some((name) => name.endsWith('respect.md'))).toBe(true)
    // Reverting what is not edited changes nothing.
    expect(await store.revert('respect')).toMatchObject({ isEdited: false })
  })

  it('creates templates of the person’s own under a safe, free id, and deletes only those', async () => {
    const { store, vault } = await setUp()
    const mine = await store.save({ name: 'Respect', description: 'My own take.', body: '## Hello\n' })
    expect(mine).toMatchObject({ id: 'respect-2', isBuiltIn: false, source: 'templates/respect-2.md' })
    const odd = await store.save({ name: '../CON', description: '', body: '' })
    expect(odd.id).toBe('con-1')
    await expect(store.delete('respect')).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/comes with Rapport and cannot be deleted/)
    })
    await expect(store.revert('respect-2')).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/your own template/) })
    await store.delete('respect-2')
    expect(existsSync(join(vault, 'templates/respect-2.md'))).toBe(false)
    await expect(store.get('respect-2')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('refuses to overwrite a template changed elsewhere, or to save one that would be broken', async () => {
    const { store, vault } = await setUp()
    const mine = await store.save({ name: 'Mine', description: '', body: '## A\n' })
    await writeFile(join(vault, 'templates/mine.md'), '---\nname: Mine\n---\n\n## Changed in another editor\n')
    await expect(store.save({ id: 'mine', name: 'Mine', description: '', body: '## B\n', version: mine.version })).rejects.toMatchObject({ code: 'conflict' })
    expect(await readFile(join(vault, 'templates/mine.md'), 'utf8')).toMatch(/Changed in another editor/)
    await expect(store.save({ id: 'mine', name: 'Mine', description: '', body: 'Hi {{client name}}' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/not a placeholder Rapport can read/)
    })
    await expect(store.save({ id: 'nope', name: 'N', description: '', body: '' })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('lists broken files with their problem, skips what is not a template, and refuses to start from a broken one', async () => {
    const { store, vault } = await setUp()
    await mkdir(join(vault, 'templates'))
    await writeFile(join(vault, 'templates/broken.md'), '---\nname: [oops\n---\n')
    await writeFile(join(vault, 'templates/latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    await writeFile(join(vault, 'templates/notes.txt'), 'not a template')
    await writeFile(join(vault, 'templates/.rapport-tmp-x.md.abc'), 'partial')
    await writeFile(join(vault, 'templates/mine.sync-conflict-20261122-103000-ABCDEFG.md'), '---\nname: Copy\n---\n')
    const list = await store.list()
    expect(list.map((t) => [t.id, t.parsed.ok])).toEqual([
      ['respect', true],
      ['broken', false],
      ['latin1', false]
    ])
    const latin1 = list.find((t) => t.id === 'latin1')
    expect(latin1?.parsed.ok === false && latin1.parsed.problem.message).toMatch(/not UTF-8/)
    await expect(store.usable('broken')).rejects.toMatchObject({
      code: 'broken-file',
      message: expect.stringMatching(/^The template "broken" cannot be used: The front matter is not valid YAML/)
    })
    await expect(store.usable('missing')).rejects.toMatchObject({
      code: 'not-found',
      message: 'There is no template called "missing". "rapport templates" lists them.'
    })
  })
})
