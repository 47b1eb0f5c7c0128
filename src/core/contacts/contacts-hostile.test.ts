import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ClientFile } from '../../shared/domain'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { MAX_CONTACTS } from './contacts-read'

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(await tempDir(), name)
  await writeFile(path, content)
  return path
}

/** Every file under a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
}

const card = (lines: string[]): string => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n')

describe('contacts from hostile files', () => {
  it('imports a card with a 10 MB photo without the photo, and the heap does not grow by it', async () => {
    const { call } = await openTestVault()
    const photo = randomBytes(7.5 * 1024 * 1024).toString('base64')
    const folded = photo.match(/.{1,74}/g)?.join('\r\n ') ?? ''
    const path = await write('photo.vcf', card(['FN:Big Photo', `PHOTO;ENCODING=b;TYPE=JPEG:${folded}`, 'EMAIL:big@photo.example']))
    global.gc?.()
    const before = process.memoryUsage().heapUsed
    const preview = await call('contacts:preview', { paths: [path] })
    const grew = process.memoryUsage().heapUsed - before
    expect(preview?.contacts).toMatchObject([{ name: 'Big Photo', emails: ['big@photo.example'] }])
    expect(JSON.stringify(preview).length).toBeLessThan(10_000)
    // The file is read once (10 MB of text); the photo is never copied into a second string of its size per step.
    expect(grew).toBeLessThan(80 * 1024 * 1024)
  })

  it('names like ../../etc, CON and 300 characters become clients inside the vault, names cut at 300', async () => {
    const parent = await tempDir()
    const { call, dir } = await openTestVault(join(parent, 'vault'))
    const long = 'Ω'.repeat(400)
    const path = join(parent, 'hostile.vcf')
    await writeFile(path, [card(['FN:../../etc']), card(['FN:CON']), card([`FN:${long}`]), card(['FN:Line\\nbreak']), card(['FN:🙂 Emoji'])].join(''))
    const preview = await call('contacts:preview', { paths: [path] })
    if (!preview) throw new Error('no preview')
    expect(preview.contacts.map((c) => c.name)).toEqual(['../../etc', 'CON', 'Ω'.repeat(300), 'Line break', '🙂 Emoji'])
    const report = await call('contacts:import', { paths: [path], choices: { fingerprint: preview.fingerprint } })
    expect(report.clientsCreated).toHaveLength(5)
    expect(report.problems).toEqual([])
    expect((await filesUnder(parent)).filter((f) => !f.startsWith('vault/'))).toEqual(['hostile.vcf'])
    const folders = await readdir(join(dir, 'clients'))
    expect(folders).toHaveLength(5)
    for (const folder of folders) expect(folder).not.toMatch(/^\.|[/\\]|^con$/i)
    const names = await Promise.all(folders.map(async (f) => (JSON.parse(await readFile(join(dir, 'clients', f, 'client.json'), 'utf8')) as ClientFile).name))
    expect(names.sort()).toEqual(['../../etc', 'CON', 'Line break', 'Ω'.repeat(300), '🙂 Emoji'].sort())
  })

  it('says clearly when a .csv is a binary file, and writes nothing', async () => {
    const { call, dir } = await openTestVault()
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), randomBytes(4096)])
    const path = await write('contacts.csv', png)
    const preview = await call('contacts:preview', { paths: [path] })
    expect(preview?.contacts).toEqual([])
    expect(preview?.problems).toEqual([{ path, reason: expect.stringMatching(/not a text file/) }])
    expect(await readdir(dir)).not.toContain('clients')
  })

  it('reads text that is not UTF-8 as Windows-1252 and says so; a broken quoted-printable value is kept as written', async () => {
    const { call } = await openTestVault()
    const path = await write('latin.vcf', Buffer.from(card(['FN:Zoë Müller', 'ORG:Café', 'NOTE;ENCODING=QUOTED-PRINTABLE:=ZZbroken=', '']), 'latin1'))
    const preview = await call('contacts:preview', { paths: [path] })
    expect(preview?.files[0]?.encoding).toBe('windows-1252')
    expect(preview?.contacts[0]).toMatchObject({ name: 'Zoë Müller', organisation: 'Café' })
  })

  it('reads UTF-16 with its byte order mark, as Outlook saves "Unicode" files', async () => {
    const { call } = await openTestVault()
    const text = card(['FN:Łukasz Żółw', 'ORG:Ωmega'])
    const path = await write('utf16.vcf', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    const preview = await call('contacts:preview', { paths: [path] })
    expect(preview?.files[0]?.encoding).toBe('utf-16')
    expect(preview?.contacts[0]).toMatchObject({ name: 'Łukasz Żółw', organisation: 'Ωmega' })
  })

  it('refuses a CSV of more than 20,000 rows with a clear message, without reading it all', async () => {
    const { call } = await openTestVault()
    const rows = Array.from({ length: 100_000 }, (_, i) => `Person ${i},p${i}@example.com`)
    const path = await write('big.csv', `Name,Email\n${rows.join('\n')}\n`)
    const started = Date.now()
    const preview = await call('contacts:preview', { paths: [path] })
    expect(preview?.contacts).toEqual([])
    expect(preview?.problems[0]?.reason).toMatch(new RegExp(`more than ${MAX_CONTACTS.toLocaleString('en')} rows`))
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('says what is wrong with a file that is not there, a folder, and an empty file', async () => {
    const { call } = await openTestVault()
    const folder = await tempDir()
    const empty = await write('empty.vcf', '')
    const preview = await call('contacts:preview', { paths: [join(folder, 'missing.vcf'), folder, empty] })
    expect(preview?.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/no such file/),
      expect.stringMatching(/not a file|folder/),
      expect.stringMatching(/no vCard/)
    ])
  })
})
