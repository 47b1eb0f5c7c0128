import { spawn } from 'node:child_process'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isTempFile } from '../fs/atomic-write'
import { testShell } from '../testing/open-vault'
import { bundleForChild } from '../testing/bundle-for-child'
import { tempDir } from '../testing/temp-vault'
import { writeRealisticVault } from '../testing/realistic-vault'
import { CONVERSION_JOURNAL } from './conversion'
import { VaultSession } from '../session/vault-session'

const ROUNDS = Number(process.env.RAPPORT_CONVERSION_KILLS ?? 12)
const PASSPHRASE = 'kill test passphrase'

/** Runs the conversion in a child process and SIGKILLs it after a random number of files (or lets it finish). */
function convertAndKill(victim: string, root: string, direction: 'encrypt' | 'decrypt', killAfterFiles: number, delayMs = 3): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [victim, root, direction, PASSPHRASE], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let files = 0
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.stdout.on('data', (chunk: Buffer) => {
      files += chunk.toString().split('.').length - 1
      if (files >= killAfterFiles && !child.killed) setTimeout(() => child.kill('SIGKILL'), Math.random() * delayMs)
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed')
      else if (code === 0) resolve('finished')
      else reject(new Error(`the conversion failed by itself: ${stderr}`))
    })
  })
}

async function titlesIn(root: string): Promise<{ encrypted: boolean; titles: string[] }> {
  const session = await VaultSession.start(root, { shell: testShell() })
  const encrypted = session.status().encrypted
  if (encrypted) await session.unlock(PASSPHRASE)
  const vault = session.vault
  const titles = [...vault.entries.list(null), ...vault.clients.list().flatMap((c) => vault.entries.list(c.id))].map((e) => e.title).sort()
  session.close()
  return { encrypted, titles }
}

describe('turning encryption on and off survives a kill at any moment', () => {
  it(`${ROUNDS} conversions killed at random: each vault opens whole, in one form or the other, with every entry`, async () => {
    const dir = await tempDir()
    const victim = await bundleForChild('conversion-victim', dir)
    const outcomes = { killed: 0, finished: 0, encrypted: 0, plain: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      const root = await tempDir()
      await writeRealisticVault(root)
      for (let i = 0; i < 40; i++) await writeFile(join(root, 'journal', `note-${i}.md`), `---\ntitle: Note ${i}\n---\n\nText ${i}.\n`)
      const expected = (await titlesIn(root)).titles
      // The vault's own journal, plus 4 client.json files and 7 client entries.
      const files = (await readdir(join(root, 'journal'))).length + 11
      const direction = round % 2 === 0 ? 'encrypt' : 'decrypt'
      if (direction === 'decrypt') expect(await convertAndKill(victim, root, 'encrypt', Number.POSITIVE_INFINITY)).toBe('finished')
      // Two rounds in three are killed while files are copied; the third after the last file, within 25 ms,
      // so the kill lands in flushing the folders, the commit or the clean-up (or it finishes first).
      const atTheEnd = round % 3 === 2
      outcomes[await convertAndKill(victim, root, direction, atTheEnd ? files : 1 + Math.floor(Math.random() * (files - 1)), atTheEnd ? 25 : 3)]++

      const after = await titlesIn(root)
      expect(after.titles, `round ${round} (${direction})`).toEqual(expected)
      outcomes[after.encrypted ? 'encrypted' : 'plain']++
      const names = await readdir(root)
      expect(names).not.toContain(CONVERSION_JOURNAL)
      // One form only: plain folder names or encrypted ones, never both.
      const plainFolders = names.filter((n) => ['clients', 'journal', 'templates'].includes(n))
      // (A kill mid-write can leave an atomic write's temp file, whose long name is not an encrypted one; those are
      // cleared once stale, see stale-temp-files.test.ts.)
      const encryptedFolders = names.filter((n) => n.length > 40 && !isTempFile(n))
      expect(plainFolders.length === 0 || encryptedFolders.length === 0, `round ${round}: ${names.join(', ')}`).toBe(true)
    }
    // Not an assertion on luck, a record of what was exercised (printed with the test output).
    console.log(`conversion kills: ${JSON.stringify(outcomes)}`)
    expect(outcomes.killed).toBeGreaterThan(0)
  }, 120_000)
})
