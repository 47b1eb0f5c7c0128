import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

describe('rapport templates', () => {
  it('lists the built-ins for people and for scripts, marking edited, own and broken ones', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    await rapport(['init', ...v])
    const listed = await rapport(['templates', ...v])
    expect(listed.code).toBe(0)
    const lines = listed.out.split('\n')
    expect(lines).toHaveLength(8)
    expect(lines[0]).toMatch(/^after-difficult-meeting {2}After a difficult meeting — When a conversation went badly/)
    expect(lines.map((l) => l.split(' ')[0])).toContain('first-meeting')

    await mkdir(join(vault, 'templates'))
    await writeFile(join(vault, 'templates/respect.md'), '---\nname: Respect\ndescription: Mine now.\norder: 30\n---\n\n## Edited\n')
    await writeFile(join(vault, 'templates/weekly.md'), '---\nname: Weekly\n---\n\n## Week\n')
    await writeFile(join(vault, 'templates/broken.md'), '---\nname: [oops\n---\n')
    const mixed = await rapport(['templates', ...v])
    expect(mixed.code).toBe(0)
    expect(mixed.out).toMatch(/^respect +Respect \(edited\) — Mine now\.$/m)
    expect(mixed.out).toMatch(/^weekly +Weekly \(yours\)$/m)
    expect(mixed.out).toMatch(/^ +⚠ templates\/broken\.md: The front matter is not valid YAML/m)

    const json = JSON.parse((await rapport(['templates', '--json', ...v])).out)
    expect(json).toHaveLength(10)
    expect(json[0]).toEqual(expect.objectContaining({ id: 'after-difficult-meeting', name: 'After a difficult meeting', isBuiltIn: true, isEdited: false }))
  })

  it('puts the likely template first for a client, saying why', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    await rapport(['client', 'add', 'Dana', ...v])
    const listed = await rapport(['templates', '--client', 'dana', ...v])
    expect(listed.out.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^first-meeting +First meeting/),
      expect.stringMatching(/↑ Nothing is logged with them yet\./)
    ])
    expect(await rapport(['templates', '--client', 'nobody', ...v])).toMatchObject({ code: 1, err: expect.stringMatching(/No client is called "nobody"/) })
  })
})

describe('rapport new --template', () => {
  it('starts the entry from the template, filled for the client, unless text is piped in', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    await rapport(['client', 'add', 'Dana Whitfield', ...v])
    const created = await rapport(['new', '--client', 'dana', '--template', 'after-difficult-meeting', ...v])
    expect(created.code).toBe(0)
    expect(created.out).toMatch(/^clients\/dana-whitfield\/journal\/\d{4}-\d{2}-\d{2}-after-a-difficult-meeting\.md$/)
    const text = await readFile(join(vault, created.out), 'utf8')
    expect(text).toMatch(/\ntemplate: after-difficult-meeting\n/)
    expect(text).toMatch(/\n_\w+day \d{1,2} \w+ \d{4}, with Dana Whitfield_\n/)
    expect(text).toContain('## Did I react or respond?')
    expect(text).not.toContain('{{')

    const piped = await rapport(['new', '--client', 'dana', '--template', 'before-a-call', '--title', 'Prep', ...v], 'Just a note.\n')
    const pipedText = await readFile(join(vault, piped.out), 'utf8')
    expect(pipedText).toMatch(/\ntitle: Prep\n[\s\S]*\ntemplate: before-a-call\n[\s\S]*\n\nJust a note\.\n$/)

    const unknown = await rapport(['new', '--client', 'dana', '--template', 'nope', ...v])
    expect(unknown).toMatchObject({ code: 1, err: 'There is no template called "nope". "rapport templates" lists them.' })
  })
})
