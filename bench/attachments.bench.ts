/**
 * Pictures in entries (issue #18): an entry with ten 3 MB photos.
 * - its text, read and parsed for the editor: what the window shows at once,
 *   the photos being only links in it;
 * - one photo served by the image protocol's core (read, confined, sniffed),
 *   and all ten at once, as the window asks for them;
 * - the longest stall of the process's event loop while the ten are served:
 *   the main process answers the window's saves in between, so typing never
 *   waits on pictures. The same in an encrypted vault, where each photo is
 *   decrypted in memory (pure-JS XChaCha20-Poly1305, about 30 ms for 3 MB),
 *   on the sealing thread (src/core/fs/sealing-thread.ts): done on the main
 *   thread, one photo at a time, it stalled the loop 30–40 ms.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { markdownToDoc } from '../src/shared/markdown'
import { vaultImagePath } from '../src/shared/vault-image-url'
import { readVaultImage } from '../src/core/attachments/vault-image'
import type { KdfCost } from '../src/core/crypto/kdf'
import { VaultSession } from '../src/core/session/vault-session'
import { createDispatch } from '../src/core/service'
import { checkoutResourcesDir } from '../src/core/resources'
import type { ShellPorts } from '../src/core/shell-ports'
import type { Vault } from '../src/core/vault/vault'
import type { BenchContext } from './run'
import { median, time } from './measure'
import type { Row } from './measure'

const PHOTOS = 10
const PHOTO_BYTES = 3 * 1024 * 1024
const noShell: ShellPorts = {
  resourcesDir: checkoutResourcesDir,
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  chooseFiles: async () => null,
  openExternal: async () => undefined,
  flushed: () => undefined
}
const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }

/** A JPEG's first bytes and then noise: what the protocol reads and sniffs, at a photo's size. */
const photo = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(PHOTO_BYTES - 4)])

async function entryWithPhotos(root: string, encrypted: boolean): Promise<{ session: VaultSession; vault: Vault; entryId: string }> {
  const session = await VaultSession.start(root, { shell: noShell, kdfCost: cheap })
  const dispatch = createDispatch(session.handlers)
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const result = await dispatch(channel, input)
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }
  if (encrypted) await call('security:encrypt', { passphrase: 'correct horse battery staple' })
  const client = (await call('clients:create', { name: 'Northwind' })) as { id: string }
  const entry = (await call('entries:create', { clientId: client.id, title: 'Site visit' })) as { id: string; version: string }
  const links: string[] = []
  for (let i = 0; i < PHOTOS; i++) {
    const added = (await call('attachments:add', { entryId: entry.id, name: `photo-${i}.jpg`, data: photo().toString('base64') })) as { markdown: string }
    links.push(added.markdown)
  }
  const body = links.map((link, i) => `Paragraph ${i} about the visit, what we saw and what they said.\n\n${link}\n`).join('\n')
  await call('entries:save', {
    id: entry.id,
    title: 'Site visit',
    body,
    version: ((await call('entries:read', { id: entry.id })) as { version: string }).version
  })
  return { session, vault: session.vault, entryId: entry.id }
}

/** The longest gap between 1 ms timer ticks while `work` runs: how long the process could not answer anything else. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 1)
  await work()
  clearInterval(timer)
  return longest
}

export async function attachmentsBench({ scratch }: BenchContext): Promise<Row[]> {
  const rows: Row[] = []
  for (const encrypted of [false, true]) {
    const label = encrypted ? 'encrypted vault' : 'plain vault'
    const { session, vault, entryId } = await entryWithPhotos(join(scratch, encrypted ? 'encrypted' : 'plain'), encrypted)
    const hrefs = Array.from({ length: PHOTOS }, (_, i) => vaultImagePath(entryId, `../attachments/photo-${i}.jpg`))
    const text = await time(async () => markdownToDoc((await vault.entries.read(entryId)).body), 20, 3)
    const one = await time(() => readVaultImage(vault, hrefs[0] ?? ''), 10, 2)
    const all = await time(() => Promise.all(hrefs.map((href) => readVaultImage(vault, href))), 5, 1)
    const stall = await longestStall(() => Promise.all(hrefs.map((href) => readVaultImage(vault, href))))
    rows.push(
      {
        area: 'attachments',
        measure: `entry with ${PHOTOS} photos of 3 MB: text read and parsed (${label})`,
        value: median(text),
        unit: 'ms',
        goal: 'at once (< 50 ms)'
      },
      { area: 'attachments', measure: `one 3 MB photo served by the image protocol (${label})`, value: median(one), unit: 'ms' },
      { area: 'attachments', measure: `all ${PHOTOS} photos served at once (${label})`, value: median(all), unit: 'ms' },
      { area: 'attachments', measure: `longest event-loop stall while serving the ${PHOTOS} (${label})`, value: stall, unit: 'ms', goal: '≤ 16 ms' }
    )
    session.close()
  }
  return rows
}
