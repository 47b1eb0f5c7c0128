import { createHash } from 'node:crypto'
import type { EntrySummary } from '../../shared/domain'
import type { Vault } from '../vault/vault'
import { nameKey } from './import-clients'

/**
 * What two notes must share to look like the same entry: the title (ignoring
 * case) and the text, ignoring line endings, trailing spaces, blank lines and
 * where links point (an export rewrites them): `[text](x)` counts as `[text]`,
 * `<scheme:x>` as `[scheme:x]`, and `[ref]: x` lines not at all.
 */
export function contentKey(title: string, body: string): string {
  const text = body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, ']')
    .replace(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi, '[$1]')
    .replace(/^ {0,3}\[(?:\\.|[^\\\]])+\]:.*$/gm, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return createHash('sha256')
    .update(`${nameKey(title)}\u0000${text}`)
    .digest('hex')
}

/** Every entry of the vault, whichever journal it is in. */
export function allEntries(vault: Vault): EntrySummary[] {
  return [vault.entries.list(null), ...vault.clients.list().map((c) => vault.entries.list(c.id))].flat()
}

/**
 * The content keys of the vault's entries that could be duplicates: only
 * those with a title among the notes' are read, so importing ten notes into
 * a vault of ten thousand entries reads a handful of files, not all of them.
 */
export async function vaultContentKeys(vault: Vault, titles: ReadonlySet<string>): Promise<Map<string, EntrySummary>> {
  const keys = new Map<string, EntrySummary>()
  // Every record, unsorted: listing each journal in order cost a scan of the vault per client.
  for (const entry of vault.entries.allWithVersions()) {
    if (!titles.has(nameKey(entry.title))) continue
    try {
      keys.set(contentKey(entry.title, (await vault.entries.read(entry.id)).body), entry)
    } catch {
      // An entry that cannot be read cannot be compared; the vault reports it itself.
    }
  }
  return keys
}
