import { readFile, symlink, writeFile, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { vaultImagePath } from '../../shared/vault-image-url'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { localLinks, resolveLocalHref } from './attachment-links'
import { safeAttachmentName } from './attachment-name'
import { MAX_ATTACHMENT_BYTES } from './attachment-store'
import { sniffImage } from './file-kind'
import { readVaultImage } from './vault-image'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const fixture = (name: string): Promise<Buffer> => readFile(join(FIXTURES, name))
const base64 = async (name: string): Promise<string> => (await fixture(name)).toString('base64')

describe('what a file is, from its bytes', () => {
  it('knows the four raster formats and SVG as their tools write them, and nothing else by its name', async () => {
    expect(sniffImage(await fixture('whiteboard.png'))).toBe('png')
    expect(sniffImage(await fixture('business-card.jpg'))).toBe('jpeg')
    expect(sniffImage(await fixture('dot.gif'))).toBe('gif')
    expect(sniffImage(await fixture('sketch.webp'))).toBe('webp')
    expect(sniffImage(await fixture('with-script.svg'))).toBe('svg')
    expect(sniffImage(await fixture('not-an-image.png'))).toBeNull()
    expect(sniffImage(await fixture('proposal.pdf'))).toBeNull()
  })
})

describe('safe attachment names', () => {
  it.each([
    ['../../etc/passwd', 'passwd', ''],
    ['/abs/path/Whiteboard Photo.PNG', 'whiteboard-photo', '.png'],
    ['C:\\Users\\x\\CON.pdf', 'con-1', '.pdf'],
    ['line\nbreak.png', 'line-break', '.png'],
    ['🎉.jpeg', 'attachment', '.jpeg'],
    [`${'a'.repeat(300)}.png`, 'a'.repeat(64), '.png'],
    ['...', 'attachment', '']
  ])('%j becomes a plain name in one folder', (given, stem, extension) => {
    expect(safeAttachmentName(given)).toEqual({ stem, extension })
  })
})

describe('links from an entry to its files', () => {
  it('finds local images and links, not web addresses, mentions, anchors or code', () => {
    const md =
      '![a](../attachments/a.png) [p](../attachments/plan%20v2.pdf) [w](https://x.example/a.png) [m](rapport://client/c_1) [#](#top) `![c](../attachments/c.png)` ![abs](/etc/passwd)'
    expect(localLinks(md)).toEqual([
      { href: '../attachments/a.png', image: true },
      { href: '../attachments/plan v2.pdf', image: false }
    ])
  })
  it('resolves inside the vault only', () => {
    const entry = 'clients/northwind/journal/2026-11-22-call.md'
    expect(resolveLocalHref(entry, '../attachments/a.png')).toBe('clients/northwind/attachments/a.png')
    expect(resolveLocalHref(entry, '../../../../secret.png')).toBeNull()
    expect(resolveLocalHref(entry, '../../../.rapport/trash/x.png')).toBeNull()
    expect(resolveLocalHref(entry, '/etc/passwd')).toBeNull()
    expect(resolveLocalHref(entry, 'C:/Windows/win.ini')).toBeNull()
    expect(resolveLocalHref(entry, '..\\..\\x.png')).toBeNull()
    expect(resolveLocalHref(entry, 'a\0.png')).toBeNull()
  })
})

describe('attaching a file to an entry', () => {
  it('keeps a pasted image in the client’s attachments/ folder and gives a relative Markdown image link', async () => {
    const { dir, call } = await openTestVault()
    const client = await call('clients:create', { name: 'Northwind' })
    const entry = await call('entries:create', { clientId: client.id, title: 'Workshop' })
    const added = await call('attachments:add', { entryId: entry.id, name: 'Whiteboard photo.png', data: await base64('whiteboard.png') })
    expect(added).toEqual({ markdown: '![whiteboard-photo](../attachments/whiteboard-photo.png)', href: '../attachments/whiteboard-photo.png', image: true })
    expect(await readFile(join(dir, 'clients/northwind/attachments/whiteboard-photo.png'))).toEqual(await fixture('whiteboard.png'))
    // The same file again is the same attachment; another with that name gets its own.
    expect((await call('attachments:add', { entryId: entry.id, name: 'Whiteboard photo.png', data: await base64('whiteboard.png') })).href).toBe(
      '../attachments/whiteboard-photo.png'
    )
    const jpeg = await call('attachments:add', { entryId: entry.id, name: 'whiteboard photo.png', data: await base64('business-card.jpg') })
    // Its extension comes from what it is: a JPEG named .png is kept as .jpg.
    expect(jpeg.href).toBe('../attachments/whiteboard-photo.jpg')
  })

  it('refuses what is not what its name says, and what is too big, in words, writing nothing', async () => {
    const { dir, call } = await openTestVault()
    const entry = await call('entries:create', { clientId: null, title: 'x' })
    await expect(call('attachments:add', { entryId: entry.id, name: 'photo.png', data: await base64('not-an-image.png') })).rejects.toThrow(
      '"photo.png" was not attached: its name says it is a PNG image, but its contents are not an image.'
    )
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 10 * 1024 * 1024).toString('base64')
    await expect(call('attachments:add', { entryId: entry.id, name: 'huge.bin', data: big })).rejects.toThrow(/bigger than the 50 MB/)
    expect((await readdir(dir)).includes('attachments')).toBe(false)
  })

  it('keeps hostile names inside the attachments folder', async () => {
    const { dir, call } = await openTestVault()
    const entry = await call('entries:create', { clientId: null, title: 'x' })
    const added = await call('attachments:add', { entryId: entry.id, name: '../../../../outside.pdf', data: await base64('proposal.pdf') })
    expect(added.markdown).toBe('[outside.pdf](../attachments/outside.pdf)')
    expect(await readdir(join(dir, 'attachments'))).toEqual(['outside.pdf'])
  })
})

describe('the image protocol (what main and the e2e harness serve)', () => {
  it('serves an entry’s image with its sniffed type, and nothing outside the vault, not an image, or through a link', async () => {
    const outside = await tempDir()
    await writeFile(join(outside, 'secret.png'), await fixture('whiteboard.png'))
    const { dir, vault, call } = await openTestVault()
    const client = await call('clients:create', { name: 'Northwind' })
    const entry = await call('entries:create', { clientId: client.id, title: 'Workshop' })
    const added = await call('attachments:add', { entryId: entry.id, name: 'card.jpg', data: await base64('business-card.jpg') })
    const folder = join(dir, 'clients/northwind/attachments')
    await writeFile(join(folder, 'fake.png'), await fixture('not-an-image.png'))
    await writeFile(join(folder, 'drawing.svg'), await fixture('with-script.svg'))
    await symlink(join(outside, 'secret.png'), join(folder, 'linked.png'))
    await mkdir(join(dir, '.rapport'), { recursive: true })
    await writeFile(join(dir, '.rapport/hidden.png'), await fixture('whiteboard.png'))

    const image = await readVaultImage(vault, vaultImagePath(entry.id, added.href))
    expect(image?.body).toEqual(await fixture('business-card.jpg'))
    expect(image?.headers).toMatchObject({ 'content-type': 'image/jpeg', 'x-content-type-options': 'nosniff' })
    const svg = await readVaultImage(vault, vaultImagePath(entry.id, '../attachments/drawing.svg'))
    expect(svg?.headers['content-type']).toBe('image/svg+xml')
    expect(svg?.headers['content-security-policy']).toContain('sandbox')

    for (const href of [
      '../attachments/fake.png',
      '../attachments/linked.png',
      '../../../.rapport/hidden.png',
      `../../../../..${outside}/secret.png`,
      join(outside, 'secret.png'),
      '../attachments/none.png',
      '../client.json'
    ]) {
      expect(await readVaultImage(vault, vaultImagePath(entry.id, href)), href).toBeNull()
    }
    expect(await readVaultImage(vault, vaultImagePath('e_nobody', added.href))).toBeNull()
    expect(await readVaultImage(vault, '/assets/index.js')).toBeNull()
  })
})

describe('files listed under an entry', () => {
  it('lists images and documents the entry links, with whether each is there, and opens one only through the shell', async () => {
    const opened: string[] = []
    const { dir, call } = await openTestVault(undefined, { shell: { openPath: async (path) => void opened.push(path) } })
    const entry = await call('entries:create', { clientId: null, title: 'x' })
    const pdf = await call('attachments:add', { entryId: entry.id, name: 'Proposal.pdf', data: await base64('proposal.pdf') })
    const saved = await call('entries:read', { id: entry.id })
    await call('entries:save', { id: entry.id, title: 'x', body: `${pdf.markdown}\n\n![gone](../attachments/gone.png)\n`, version: saved.version })
    expect(await call('attachments:list', { entryId: entry.id })).toEqual([
      { href: '../attachments/proposal.pdf', name: 'proposal.pdf', image: false, present: true, size: 125 },
      { href: '../attachments/gone.png', name: 'gone.png', image: true, present: false }
    ])
    await call('attachments:open', { entryId: entry.id, href: '../attachments/proposal.pdf' })
    expect(opened).toEqual([join(dir, 'attachments/proposal.pdf')])
    await expect(call('attachments:open', { entryId: entry.id, href: '../../etc/passwd' })).rejects.toMatchObject({ code: 'not-found' })
    expect(opened).toHaveLength(1)
  })
})
