import { execFileSync } from 'node:child_process'
import { cp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_KDF_COST } from '../src/core/crypto/kdf'
import { createVaultKey } from '../src/core/crypto/vault-key'
import { rm as rmInVault } from '../src/core/fs/vault-files'
import { cacheFile } from '../src/core/search/index-cache'
import { VaultIndexes } from '../src/core/search/vault-indexes'
import { VaultSession } from '../src/core/session/vault-session'
import { checkoutResourcesDir } from '../src/core/resources'
import type { ShellPorts } from '../src/core/shell-ports'
import { Vault } from '../src/core/vault/vault'
import type { BenchContext } from './run'
import { described, idleLoop, LoopBlocks } from './loop-blocks'
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
 * Writes back every dirty page the machine holds before a measured run. Without it, the 50 MB a copy just wrote
 * (the baseline's own, or the vault's) goes to the disk *during* the next run, inside its fsyncs: one of the reasons
 * turning encryption on measured anywhere from 3× to 9× a raw copy from one run to the next.
 */
function writeBack(): void {
  if (process.platform !== 'win32') execFileSync('sync')
}

/** Waits until the session's background work (reading entries, building the search index) is done, so none of it runs inside a measurement. */
async function quiet(session: VaultSession): Promise<void> {
  await session.vault.entriesRead
  const status = () => session.handlers['search:status'](undefined) as Promise<{ state: string }>
  while ((await status()).state !== 'ready') await new Promise((resolve) => setTimeout(resolve, 50))
}

/**
 * Encryption at rest wired into the vault: what turning it on costs once,
 * and what every later unlock costs against opening the same vault plain.
 * Works on a copy of the synthetic vault (in scratch), with the default KDF
 * cost, opened as the app opens it (entries read in the background).
 */
export async function encryptionBench({ vault: synthetic, scratch }: BenchContext): Promise<Row[]> {
  const rows: Row[] = []
  const root = join(scratch, 'vault')
  await cp(synthetic.root, root, { recursive: true })
  const plainOpen = await time(() => Vault.open(root), 3)
  const label = `${synthetic.entries} entries, ${synthetic.clients} clients`

  // The baseline: a raw copy of the same files, three times (its time swings with the disk too), each from a quiet disk.
  const copies: number[] = []
  for (let run = 0; run < 3; run++) {
    const target = join(scratch, `copy-${run}`)
    writeBack()
    copies.push(...(await time(() => cp(synthetic.root, target, { recursive: true }), 1, 0)))
    await rm(target, { recursive: true, force: true })
  }
  copies.sort((a, b) => a - b)
  const copy = { label: 'raw copy of the vault (fs.cp, median of 3)', value: median(copies) }

  const kdf = await time(() => createVaultKey(PASSPHRASE, DEFAULT_KDF_COST), 1, 0)
  const session = await VaultSession.start(root, { shell: noShell, entries: 'background' })
  await quiet(session)
  writeBack()
  const started = performance.now()
  await session.encrypt(PASSPHRASE)
  const usable = performance.now() - started
  await session.vault.entriesRead
  const everyEntry = performance.now() - started
  rows.push({
    area: 'encryption',
    measure: `turn encryption on (${label}; every file written again, flushed; until the vault is usable, as in the app)`,
    value: usable,
    unit: 'ms',
    baseline: copy,
    goal: '≤ 3×'
  })
  rows.push({ area: 'encryption', measure: `  of which the passphrase's key, once (Argon2id, default cost)`, value: median(kdf), unit: 'ms' })
  rows.push({
    area: 'encryption',
    measure: '  …and until every entry is read again (in the background)',
    value: everyEntry,
    unit: 'ms',
    baseline: copy
  })

  rows.push(...(await encryptedSearchCache(session.vault)))

  // One warm-up, then three: each from a quiet session (the index built after the last unlock is done).
  const unlock: number[] = []
  for (let run = 0; run < 4; run++) {
    await quiet(session)
    const unlockStarted = performance.now()
    await session.lock()
    await session.unlock(PASSPHRASE)
    await session.vault.entriesRead
    if (run > 0) unlock.push(performance.now() - unlockStarted)
  }
  unlock.sort((a, b) => a - b)
  rows.push({
    area: 'encryption',
    measure: `unlock and read every entry (KDF + decrypt names and files)`,
    value: median(unlock),
    unit: 'ms',
    baseline: { label: 'open the same vault plain', value: median(plainOpen) }
  })

  await quiet(session)
  writeBack()
  const decryptStarted = performance.now()
  await session.decrypt(PASSPHRASE)
  rows.push({
    area: 'encryption',
    measure: 'turn encryption off (until the vault is usable)',
    value: performance.now() - decryptStarted,
    unit: 'ms',
    baseline: copy
  })
  await quiet(session)
  session.close()
  return rows
}

/**
 * The search cache of the encrypted vault (~10 MB at 10,000 entries) is sealed when written and opened when read:
 * the longest the event loop waits meanwhile, beside the idle loop's in this run (both on the index's thread now).
 */
async function encryptedSearchCache(vault: Vault): Promise<Row[]> {
  const idle = await idleLoop(2000)
  const baseline = { label: `idle event loop, 2 s (${described(idle)})`, value: idle.maxMs }
  await rmInVault(cacheFile(vault.root), { force: true })
  const building = new VaultIndexes(vault)
  const write = await LoopBlocks.during(async () => {
    await building.search.indexed()
    await building.search.settled()
  })
  const written = building.search.stats
  building.close()
  if (written.cacheWrites !== 1) throw new Error(`the sealed cache was not written: ${JSON.stringify(written)}`)
  const opening = new VaultIndexes(vault)
  const open = await LoopBlocks.during(() => opening.search.indexed())
  const opened = opening.search.stats
  opening.close()
  if (opened.opened !== 'cache' || opened.sourcesIndexed !== 0) throw new Error(`the sealed cache was not used: ${JSON.stringify(opened)}`)
  return [
    {
      area: 'encryption',
      measure: `longest event-loop block: search index built and its cache sealed and written (${described(write)})`,
      value: write.maxMs,
      unit: 'ms',
      baseline,
      goal: '≤ 16 ms'
    },
    {
      area: 'encryption',
      measure: `longest event-loop block: search index opened from its sealed cache (${described(open)})`,
      value: open.maxMs,
      unit: 'ms',
      baseline,
      goal: '≤ 16 ms'
    }
  ]
}
