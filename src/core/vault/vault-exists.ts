import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { VAULT_HEADER_FILE } from '../crypto/key-check'
import { CONVERSION_JOURNAL } from '../security/conversion'
import { layout } from '../fs/layout'

/**
 * Whether `root` holds a Rapport vault: its manifest, the header of an
 * encrypted vault (whose other names are encrypted), a conversion under way,
 * or the app's own folder (a vault whose rapport.json was lost, which
 * `rapport doctor` repairs). Commands that only read use this to refuse a
 * folder that is not a vault rather than create one behind a typo.
 */
export function vaultExists(root: string): boolean {
  return [layout.manifest, VAULT_HEADER_FILE, CONVERSION_JOURNAL, layout.appDir].some((name) => existsSync(join(root, name)))
}
