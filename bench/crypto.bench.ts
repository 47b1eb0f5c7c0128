import { deriveMasterKey, DEFAULT_KDF_COST, newKdfParams } from '../src/core/crypto/kdf'
import { openFile, sealFile } from '../src/core/crypto/envelope'
import { decryptName, deriveNameKeys, encryptName } from '../src/core/crypto/names'
import type { BenchContext } from './run'
import { median, time } from './measure'
import type { Row } from './measure'
import { entryBody } from './synthetic-vault'

/**
 * The cost of encryption at rest (src/core/crypto), before it is wired into
 * the vault: unlocking once, and what every save/open and every path segment
 * would add. Needs no vault; the context is unused.
 */
export async function cryptoBench(_: BenchContext): Promise<Row[]> {
  const rows: Row[] = []
  const params = newKdfParams()
  const kdf = await time(() => deriveMasterKey('correct horse battery staple', params), 3)
  const cost = `Argon2id m=${DEFAULT_KDF_COST.memoryKiB / 1024} MiB t=${DEFAULT_KDF_COST.iterations} p=${DEFAULT_KDF_COST.parallelism}`
  rows.push({ area: 'crypto', measure: `unlock: derive the master key (${cost}, default)`, value: median(kdf), unit: 'ms', goal: '500–1000 ms' })

  let seed = 1
  const markdown = entryBody(() => (seed = (seed * 48271) % 2147483647) / 2147483647, 5000)
  const bytes = new TextEncoder().encode(markdown)
  const key = crypto.getRandomValues(new Uint8Array(32))
  const path = 'clients/anna-schmidt/journal/2026-11-22.md'
  const copy = await time(() => bytes.slice(), 200, 20)
  const sealOpen = await time(() => openFile(key, sealFile(key, bytes, path), path), 200, 20)
  rows.push({
    area: 'crypto',
    measure: `seal + open a 5,000-word entry (${(bytes.length / 1024).toFixed(0)} KiB, XChaCha20-Poly1305)`,
    value: median(sealOpen),
    unit: 'ms',
    baseline: { label: 'copy of the same bytes', value: median(copy) }
  })

  const segments = Array.from({ length: 1000 }, (_, i) => `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}-call-${i}.md`)
  // Keys derived once, as VaultKey keeps them.
  const nameKeys = deriveNameKeys(key)
  const physical = segments.map((segment) => encryptName(nameKeys, 'clients/anna-schmidt/journal', segment))
  const encrypt = await time(() => segments.forEach((segment) => encryptName(nameKeys, 'clients/anna-schmidt/journal', segment)), 10)
  const decrypt = await time(() => physical.forEach((name) => decryptName(nameKeys, 'clients/anna-schmidt/journal', name)), 10)
  rows.push({ area: 'crypto', measure: 'encrypt one name segment (AES-GCM-SIV)', value: (median(encrypt) * 1000) / segments.length, unit: 'µs' })
  rows.push({ area: 'crypto', measure: 'decrypt one name segment', value: (median(decrypt) * 1000) / segments.length, unit: 'µs' })
  return rows
}
