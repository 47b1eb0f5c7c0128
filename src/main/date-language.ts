import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isKnownLocale } from '../shared/contract/relationship'

/**
 * The language the vault's settings choose for dates (rapport.json
 * `settings.locale`), or null to follow the computer's. Read before Electron
 * is ready because Chromium draws its own date and time inputs in the app's
 * language, which only the `--lang` switch at start sets: neither the page's
 * `lang` nor `Intl` reaches them. rapport.json stays readable in an
 * encrypted vault, so this works before it is unlocked.
 */
export function vaultDateLanguage(root: string): string | null {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(root, 'rapport.json'), 'utf8'))
    const settings = typeof manifest === 'object' && manifest !== null ? (manifest as { settings?: unknown }).settings : undefined
    const locale = typeof settings === 'object' && settings !== null ? (settings as { locale?: unknown }).locale : undefined
    return typeof locale === 'string' && isKnownLocale(locale) ? locale : null
  } catch {
    // No vault there yet, or a file that cannot be read: the computer's language, as without a setting.
    return null
  }
}
