import { randomBytes } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Channel, Input, Output } from '../../shared/api'
import { vaultImagePath } from '../../shared/vault-image-url'
import type { KdfCost } from '../crypto/kdf'
import { VaultSession } from '../session/vault-session'
import { createDispatch } from '../service'
import { openTestVault, testShell } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { filesUnder } from '../transfer/transfer-testing'
import { sealingThread } from '../fs/sealing-thread'
import { readVaultImage } from './vault-image'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const base64 = async (name: string): Promise<string> => (await readFile(join(FIXTURES, name))).toString('base64')

/** An entry with a picture and a PDF, in a client's journal. */
async function entryWithFiles(call: Awaited<ReturnType<typeof openTestVault>>['call']) {
  const client = await call('clients:create', { name: 'Northwind' })
  const entry = await call('entries:create', { clientId: client.id, title: 'Workshop' })
  const image = await call('attachments:add', { entryId: entry.id, name: 'whiteboard.png', data: await base64('whiteboard.png') })
  const pdf = await call('attachments:add', { entryId: entry.id, name: 'Proposal.pdf', data: await base64('proposal.pdf') })
  const read = await call('entries:read', { id: entry.id })
  await call('entries:save', { id: entry.id, title: 'Workshop', body: `The board:\n\n${image.markdown}\n\nAnd ${pdf.markdown}.\n`, version: read.version })
  return { client, entry }
}

describe('attachments travel with their entries', () => {
  it('a client exported as a folder takes its files, where the links already point; imported back, they come with the entries', async () => {
    const { call } = await openTestVault()
    await entryWithFiles(call)
    const out = await tempDir('rapport-export-')
    await call('export:run', { scope: { all: true }, target: out })
    const files = await filesUnder(out)
    const entryFile = files.find((f) => f.includes('/entries/') && f.endsWith('workshop.md'))
    expect(entryFile).toBeDefined()
    const clientFolder = (entryFile ?? '').split('/entries/')[0] ?? ''
    expect(files).toContain(`${clientFolder}/attachments/whiteboard.png`)
    expect(files).toContain(`${clientFolder}/attachments/proposal.pdf`)
    expect(await readFile(join(out, clientFolder, 'attachments/whiteboard.png'))).toEqual(await readFile(join(FIXTURES, 'whiteboard.png')))
    expect(await readFile(join(out, entryFile ?? ''), 'utf8')).toContain('![whiteboard](../attachments/whiteboard.png)')

    const second = await openTestVault()
    const report = await second.call('import:run', { paths: [out], duplicates: 'skip' })
    expect(report?.problems).toEqual([])
    const [client] = second.vault.clients.list()
    const [entry] = second.vault.entries.list(client?.id ?? null)
    expect((await second.call('entries:read', { id: entry?.id ?? '' })).body).toBe(
      'The board:\n\n![whiteboard](../attachments/whiteboard.png)\n\nAnd [proposal.pdf](../attachments/proposal.pdf).\n'
    )
    expect((await readdir(join(second.dir, 'clients', client?.slug ?? '', 'attachments'))).sort()).toEqual(['proposal.pdf', 'whiteboard.png'])
  })

  it('one entry exported to a file takes its files into attachments/ beside it, and the copy links them there', async () => {
    const out = await tempDir('rapport-export-')
    const { call } = await openTestVault(undefined, { shell: { chooseSavePath: async () => join(out, 'workshop.md') } })
    const { entry } = await entryWithFiles(call)
    await call('entries:export', { id: entry.id })
    expect((await readdir(join(out, 'attachments'))).sort()).toEqual(['proposal.pdf', 'whiteboard.png'])
    const text = await readFile(join(out, 'workshop.md'), 'utf8')
    expect(text).toContain('![whiteboard](attachments/whiteboard.png)')
    expect(text).toContain('[proposal.pdf](attachments/proposal.pdf)')
  })

  it('renaming the entry, or its client (whose folder moves), keeps its pictures showing', async () => {
    const { call, vault, dir } = await openTestVault()
    const { client, entry } = await entryWithFiles(call)
    const read = await call('entries:read', { id: entry.id })
    const renamed = await call('entries:save', { id: entry.id, title: 'Workshop, day two', body: read.body, version: read.version })
    expect(renamed.path).not.toBe(read.path)
    expect(await readVaultImage(vault, vaultImagePath(entry.id, '../attachments/whiteboard.png'))).not.toBeNull()
    await call('clients:rename', { id: client.id, name: 'Northwind Traders' })
    expect(vault.entries.withVersion(entry.id)?.path.startsWith('clients/northwind-traders/')).toBe(true)
    expect(await readdir(join(dir, 'clients/northwind-traders/attachments'))).toContain('whiteboard.png')
    expect(await readVaultImage(vault, vaultImagePath(entry.id, '../attachments/whiteboard.png'))).not.toBeNull()
  })

  it('trashing an entry keeps its files, and restoring it shows them again', async () => {
    const { call, vault } = await openTestVault()
    const { entry } = await entryWithFiles(call)
    await call('entries:trash', { id: entry.id })
    const [item] = await call('trash:list', undefined)
    await call('trash:restore', { id: item?.id ?? '' })
    const restored = vault.entries.list(vault.clients.list()[0]?.id ?? null)[0]
    expect(await readVaultImage(vault, vaultImagePath(restored?.id ?? '', '../attachments/whiteboard.png'))).not.toBeNull()
  })
})

describe('in an encrypted vault', () => {
  const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }
  /** A new vault at `root`, encrypted, and open through the contract as the window sees it. */
  async function encryptedVault(root: string) {
    const session = await VaultSession.start(root, { shell: testShell(), kdfCost: cheap })
    const dispatch = createDispatch(session.handlers)
    async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
      const result = await dispatch(channel, input)
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
      return result.value as Output<C>
    }
    await call('security:encrypt', { passphrase: 'correct horse battery staple' })
    return { session, call }
  }

  it('attachments and their names are sealed like entries, and the image protocol decrypts them in memory', async () => {
    const root = await tempDir()
    const { session, call } = await encryptedVault(root)
    const { entry } = await entryWithFiles(call)
    const png = await readFile(join(FIXTURES, 'whiteboard.png'))
    for (const path of await filesUnder(root)) {
      expect(path).not.toMatch(/whiteboard|attachments|proposal/)
      const bytes = await readFile(join(root, path))
      expect(bytes.includes(png.subarray(0, 64)), `${path} holds the picture in the clear`).toBe(false)
    }
    const image = await readVaultImage(session.vault, vaultImagePath(entry.id, '../attachments/whiteboard.png'))
    expect(image?.body).toEqual(png)
    expect(image?.headers['content-type']).toBe('image/png')
    session.close()
  })

  it('a photo is sealed and opened on a thread of its own: shown, added again without a copy, and exported in the clear', async () => {
    const root = await tempDir()
    const out = await tempDir('rapport-export-')
    const { session, call } = await encryptedVault(root)
    const client = await call('clients:create', { name: 'Northwind' })
    const entry = await call('entries:create', { clientId: client.id, title: 'Site visit' })
    // A JPEG's first bytes, then 2 MB of noise: well past what is sealed where it is asked for.
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2 * 1024 * 1024)])
    expect(await sealingThread.onItsOwnThread()).toBe(true)
    const before = { ...sealingThread.stats }
    const added = await call('attachments:add', { entryId: entry.id, name: 'site.jpg', data: photo.toString('base64') })
    const again = await call('attachments:add', { entryId: entry.id, name: 'site.jpg', data: photo.toString('base64') })
    expect(again.href).toBe(added.href)
    const onDisk = await filesUnder(root)
    for (const path of onDisk) expect((await readFile(join(root, path))).includes(photo.subarray(100, 164)), `${path} holds the photo in the clear`).toBe(false)
    const image = await readVaultImage(session.vault, vaultImagePath(entry.id, added.href))
    expect(image?.body.equals(photo)).toBe(true)
    const read = await call('entries:read', { id: entry.id })
    await call('entries:save', { id: entry.id, title: 'Site visit', body: `${added.markdown}\n`, version: read.version })
    await call('export:run', { scope: { all: true }, target: out, plainConfirmed: true })
    const exported = (await filesUnder(out)).find((path) => path.endsWith('attachments/site.jpg'))
    expect((await readFile(join(out, exported ?? 'missing'))).equals(photo)).toBe(true)
    // Sealed once, opened three times (compared when added again, shown, exported): each on the sealing thread.
    expect(sealingThread.stats.onThread - before.onThread).toBe(4)
    session.close()
  })
})
