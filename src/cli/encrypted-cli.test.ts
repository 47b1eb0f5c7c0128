import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KdfCost } from '../core/crypto/kdf'
import { VaultSession } from '../core/session/vault-session'
import { testShell } from '../core/testing/open-vault'
import { tempDir } from '../core/testing/temp-vault'
import { writeRealisticVault } from '../core/testing/realistic-vault'
import { filesUnder, fingerprint } from '../core/transfer/transfer-testing'
import { runCli } from './main'
import type { Io } from './output'
import { rapport } from './testing/run-cli'

const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }
const PASSPHRASE = 'the cli passphrase'

async function encryptedVault(): Promise<string> {
  const root = await tempDir()
  await writeRealisticVault(root)
  const session = await VaultSession.start(root, { shell: testShell(), kdfCost: cheap })
  await session.encrypt(PASSPHRASE)
  session.close()
  return root
}

describe('the CLI on an encrypted vault', () => {
  it('needs the passphrase: without one it says how to give it; a wrong one changes nothing', async () => {
    const vault = await encryptedVault()
    const before = await fingerprint(vault)
    expect(await rapport(['clients', '--vault', vault])).toMatchObject({ code: 1, err: expect.stringContaining('RAPPORT_PASSPHRASE') })
    expect(await rapport(['clients', '--vault', vault], null, { RAPPORT_PASSPHRASE: 'nope' })).toMatchObject({
      code: 1,
      err: expect.stringContaining('does not unlock this vault')
    })
    expect(await fingerprint(vault)).toEqual(before)
  })

  it('works with the passphrase from RAPPORT_PASSPHRASE: lists, searches, writes sealed, exports plain with a note', async () => {
    const vault = await encryptedVault()
    const env = { RAPPORT_PASSPHRASE: PASSPHRASE }
    const v = ['--vault', vault]
    expect((await rapport(['clients', ...v], null, env)).out).toContain('Dana Whitfield')
    expect((await rapport(['search', 'jazz', ...v], null, env)).out).toContain('First call')
    const created = await rapport(['new', '--client', 'dana', '--title', 'Secret plan', ...v], 'Confidential pricing.\n', env)
    expect(created.code).toBe(0)
    expect(created.out).toMatch(/^clients\/dana-whitfield\/journal\/.*secret-plan\.md$/)
    for (const path of await filesUnder(vault)) expect((await readFile(join(vault, path))).includes('Confidential')).toBe(false)
    expect((await rapport(['show', /(\d{4}-\d{2}-\d{2}-secret-plan)/.exec(created.out)![1]!, ...v], null, env)).code).toBeGreaterThanOrEqual(0)

    const out = await tempDir()
    const exported = await rapport(['export', '--client', 'dana', '--out', out, ...v], null, env)
    expect(exported).toMatchObject({ code: 0, err: expect.stringContaining('this export is not') })
    const files = await filesUnder(out)
    const secret = files.find((f) => f.endsWith('secret-plan.md'))
    expect(secret).toBeDefined()
    expect(await readFile(join(out, secret!), 'utf8')).toContain('Confidential pricing.')
  })

  it('asks at the terminal when no variable is set, without echo (the prompt goes to standard error)', async () => {
    const vault = await encryptedVault()
    const prompts: string[] = []
    const out: string[] = []
    const io: Io = {
      out: (t) => void out.push(t),
      err: () => undefined,
      readStdin: async () => null,
      askSecret: async (prompt) => (prompts.push(prompt), PASSPHRASE)
    }
    expect(await runCli(['clients', '--vault', vault], io, {})).toBe(0)
    expect(prompts).toEqual([`Passphrase for ${vault}: `])
    expect(out.join('\n')).toContain('Dana Whitfield')
  })
})
