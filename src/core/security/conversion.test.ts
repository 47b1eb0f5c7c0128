import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KdfCost } from '../crypto/kdf'
import { createVaultKey, unlockVaultKey } from '../crypto/vault-key'
import { tempDir } from '../testing/temp-vault'
import { writeRealisticVault } from '../testing/realistic-vault'
import { fingerprint } from '../transfer/transfer-testing'
import { sealingThread } from '../fs/sealing-thread'
import { CONVERSION_JOURNAL, decryptVault, encryptVault, recoverConversion } from './conversion'
import { readVaultHeader } from './vault-header'
import { VaultSession } from '../session/vault-session'
import { testShell } from '../testing/open-vault'

const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }
const PASSPHRASE = 'a passphrase for tests'

class Crash extends Error {}
const crashAt = (n: number) => (count: number) => {
  if (count === n) throw new Crash(`crashed after file ${n}`)
}

async function plainVault(): Promise<{ root: string; before: Map<string, string> }> {
  const root = await tempDir()
  await writeRealisticVault(root)
  return { root, before: await fingerprint(root) }
}

/** What a person would check after a crash: the same entries, readable with the same passphrase (or none). */
async function entryTitles(root: string, passphrase?: string): Promise<string[]> {
  const session = await VaultSession.start(root, { shell: testShell() })
  if (passphrase) await session.unlock(passphrase)
  const titles = session.vault.entries.list(null).map((e) => e.title)
  for (const client of session.vault.clients.list()) titles.push(...session.vault.entries.list(client.id).map((e) => e.title))
  session.close()
  return titles.sort()
}

describe('turning encryption on or off, interrupted', () => {
  it('a crash while the encrypted copy is written: the plain vault is exactly as it was', async () => {
    const { root, before } = await plainVault()
    const titles = await entryTitles(root)
    const { header, key } = await createVaultKey(PASSPHRASE, cheap)
    await expect(encryptVault(root, header, key, { afterFile: crashAt(5) })).rejects.toBeInstanceOf(Crash)
    expect(await readdir(root)).toContain(CONVERSION_JOURNAL)

    expect(await recoverConversion(root)).toBe('undone')
    expect(await fingerprint(root)).toEqual(before)
    expect(await readVaultHeader(root)).toBeNull()
    expect(await entryTitles(root)).toEqual(titles)
  })

  it('a crash after the header is written: the vault is encrypted, whole, and the plain copy goes', async () => {
    const { root } = await plainVault()
    const titles = await entryTitles(root)
    const { header, key } = await createVaultKey(PASSPHRASE, cheap)
    await expect(
      encryptVault(root, header, key, {
        afterCommit: () => {
          throw new Crash()
        }
      })
    ).rejects.toBeInstanceOf(Crash)
    expect(await readdir(root)).toContain('clients')

    expect(await recoverConversion(root)).toBe('finished')
    expect(await readdir(root)).not.toContain('clients')
    expect(await readdir(root)).not.toContain(CONVERSION_JOURNAL)
    expect(await entryTitles(root, PASSPHRASE)).toEqual(titles)
  })

  it('a crash while decrypting, before or after the header is removed, loses nothing', async () => {
    for (const when of ['copying', 'committed'] as const) {
      const { root } = await plainVault()
      const titles = await entryTitles(root)
      const { header, key } = await createVaultKey(PASSPHRASE, cheap)
      await encryptVault(root, header, key)
      const sealed = await fingerprint(root)
      const again = await unlockVaultKey(PASSPHRASE, header)
      const faults =
        when === 'copying'
          ? { afterFile: crashAt(3) }
          : {
              afterCommit: () => {
                throw new Crash()
              }
            }
      await expect(decryptVault(root, again, faults)).rejects.toBeInstanceOf(Crash)

      if (when === 'copying') {
        expect(await recoverConversion(root)).toBe('undone')
        expect(await fingerprint(root)).toEqual(sealed)
        expect(await entryTitles(root, PASSPHRASE)).toEqual(titles)
      } else {
        expect(await recoverConversion(root)).toBe('finished')
        expect(await readVaultHeader(root)).toBeNull()
        expect(await entryTitles(root)).toEqual(titles)
        expect((await readdir(root)).filter((name) => name.length > 40)).toEqual([])
      }
    }
  })

  it('opening the vault finishes an interrupted conversion first', async () => {
    const { root, before } = await plainVault()
    const { header, key } = await createVaultKey(PASSPHRASE, cheap)
    await expect(encryptVault(root, header, key, { afterFile: crashAt(2) })).rejects.toBeInstanceOf(Crash)
    const session = await VaultSession.start(root, { shell: testShell() })
    expect(session.status()).toMatchObject({ encrypted: false, locked: false })
    session.close()
    expect(await fingerprint(root)).toEqual(before)
  })

  it('a photo goes into the encrypted vault and back byte for byte, sealed and opened on the sealing thread', async () => {
    const { root } = await plainVault()
    const [client] = (await readdir(join(root, 'clients'))).sort()
    const photoPath = join(root, 'clients', client ?? '', 'attachments', 'site.jpg')
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(512 * 1024)])
    await mkdir(dirname(photoPath), { recursive: true })
    await writeFile(photoPath, photo)
    const before = { ...sealingThread.stats }
    const { header, key } = await createVaultKey(PASSPHRASE, cheap)
    await encryptVault(root, header, key)
    expect(sealingThread.stats.onThread - before.onThread).toBe(1)
    expect(existsSync(photoPath)).toBe(false)
    await decryptVault(root, await unlockVaultKey(PASSPHRASE, await readVaultHeader(root)))
    expect(sealingThread.stats.onThread - before.onThread).toBe(2)
    expect((await readFile(photoPath)).equals(photo)).toBe(true)
  })

  it('a name too long to encrypt is found before anything is written', async () => {
    const { root } = await plainVault()
    const long = `${'a-very-long-title-'.repeat(9)}.md`
    await writeFile(join(root, 'journal', long), '---\ntitle: Long\n---\n\nText.\n')
    const before = await fingerprint(root)
    const session = await VaultSession.start(root, { shell: testShell(), kdfCost: cheap })
    await expect(session.encrypt(PASSPHRASE)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('too long to encrypt') })
    expect(session.status()).toMatchObject({ encrypted: false, locked: false })
    expect(session.vault.clients.list().length).toBe(4)
    session.close()
    const after = await fingerprint(root)
    // Opening may have written its caches under .rapport; the vault's own files are untouched.
    for (const [path, print] of before) expect(after.get(path), path).toBe(print)
    expect(await readdir(root)).not.toContain(CONVERSION_JOURNAL)
  })
})
