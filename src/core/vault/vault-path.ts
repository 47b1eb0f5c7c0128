import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const VAULT_ENV = 'RAPPORT_VAULT'

/**
 * The one rule for which vault to open, shared by the app and the CLI:
 * `--vault DIR`, else `RAPPORT_VAULT`, else `Rapport` in the user's Documents folder.
 */
export function resolveVaultPath(options: { flag?: string | undefined; env?: NodeJS.ProcessEnv; documentsDir?: string }): string {
  const fromEnv = (options.env ?? process.env)[VAULT_ENV]
  const chosen = options.flag || fromEnv
  if (chosen) return resolve(chosen)
  return join(options.documentsDir ?? join(homedir(), 'Documents'), 'Rapport')
}

/** `--vault DIR` or `--vault=DIR` from an argument list. */
export function vaultFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--vault') return argv[i + 1]
    if (arg?.startsWith('--vault=')) return arg.slice('--vault='.length)
  }
  return undefined
}
