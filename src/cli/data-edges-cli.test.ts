import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

/** A vault with one client, through the CLI itself. */
async function vaultWithClient(name = 'Dana Whitfield'): Promise<{ vault: string; v: string[] }> {
  const vault = await tempDir()
  const v = ['--vault', vault]
  expect((await rapport(['client', 'add', name, ...v])).code).toBe(0)
  return { vault, v }
}

/** “Hi” – €5… in Windows-1252: every byte from 0x80 to 0x9F here is printable there and a C1 control in Latin-1. */
const WINDOWS_1252 = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x85, 0x0a])
const AS_TEXT = '“Hi” – €5…\n'

describe('text from elsewhere (bug 1: Windows-1252)', () => {
  it('import --windows-1252 reads “ ” – € … as themselves', async () => {
    const { v } = await vaultWithClient()
    const notes = await tempDir('rapport-notes-')
    await writeFile(join(notes, 'quotes.md'), WINDOWS_1252)
    expect(await rapport(['import', join(notes, 'quotes.md'), '--windows-1252', '--client', 'Dana Whitfield', ...v])).toMatchObject({ code: 0, out: 'Imported 1 note.' })
    const [entry] = JSON.parse((await rapport(['search', 'Hi', '--json', ...v])).out).results as Array<{ open: { entryId: string } }>
    const shown = await rapport(['show', entry?.open.entryId ?? '', '--json', ...v])
    expect(JSON.parse(shown.out).body).toContain(AS_TEXT)
    expect(shown.out).not.toMatch(/\\u00[89]/)
  })

  it('doctor --fix converts an entry from Windows-1252 without C1 controls', async () => {
    const { vault, v } = await vaultWithClient()
    const path = join(vault, 'journal', 'old.md')
    await mkdir(join(vault, 'journal'), { recursive: true })
    await writeFile(path, Buffer.concat([Buffer.from('---\nid: e_old\ntitle: Old\n---\n\n'), WINDOWS_1252]))
    expect(await rapport(['doctor', ...v])).toMatchObject({ code: 1, out: expect.stringContaining('journal/old.md: not UTF-8 text') })
    expect((await rapport(['doctor', '--fix', ...v])).code).toBe(0)
    expect(await readFile(path, 'utf8')).toBe(`---\nid: e_old\ntitle: Old\n---\n\n${AS_TEXT}`)
  })
})
