import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { VaultSession } from '../src/core/session/vault-session'
import { checkoutResourcesDir } from '../src/core/resources'
import type { ShellPorts } from '../src/core/shell-ports'
import { Vault } from '../src/core/vault/vault'
import type { BenchContext } from './run'
import { median, time } from './measure'
import type { Row } from './measure'

const PASSPHRASE = 'correct horse battery staple'
const noShell: ShellPorts = {
  resourcesDir: checkoutResourcesDir,
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  chooseFiles: async () => null,
  openExternal: async () => undefined,
  flushed: () => undefined
}

/**
 * Encryption at rest wired into the vault: what turning it on costs once,
 * and what every later unlock costs against opening the same vault plain.
 * Works on a copy of the synthetic vault (in scratch), with the default KDF cost.
 */
export async function encryptionBench({ vault: synthetic, scratch }: BenchContext): Promise<Row[]> {
  const rows: Row[] = []
  const root = join(scratch, 'vault')
  const copy = await time(() => cp(synthetic.root, join(scratch, `copy-${Math.random()}`), { recursive: true }), 1, 0)
  await cp(synthetic.root, root, { recursive: true })
  const plainOpen = await time(() => Vault.open(root), 3)
  const label = `${synthetic.entries} entries, ${synthetic.clients} clients`

  const session = await VaultSession.start(root, { shell: noShell })
  const started = performance.now()
  await session.encrypt(PASSPHRASE)
  const encrypting = performance.now() - started
  rows.push({
    area: 'encryption',
    measure: `turn encryption on (${label}; every file written again, flushed)`,
    value: encrypting,
    unit: 'ms',
    baseline: { label: 'raw copy of the vault (fs.cp)', value: median(copy) }
  })

  const unlock = await time(async () => {
    await session.lock()
    await session.unlock(PASSPHRASE)
  }, 3)
  rows.push({
    area: 'encryption',
    measure: `unlock and read every entry (KDF + decrypt names and files)`,
    value: median(unlock),
    unit: 'ms',
    baseline: { label: 'open the same vault plain', value: median(plainOpen) }
  })

  const decryptStarted = performance.now()
  await session.decrypt(PASSPHRASE)
  rows.push({
    area: 'encryption',
    measure: 'turn encryption off',
    value: performance.now() - decryptStarted,
    unit: 'ms',
    baseline: { label: 'raw copy of the vault (fs.cp)', value: median(copy) }
  })
  session.close()
  return rows
}
