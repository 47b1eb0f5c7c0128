import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VAULT_HEADER_FILE, parseVaultHeader } from '../crypto/key-check'
import type { VaultHeader } from '../crypto/key-check'
import { RapportError } from '../errors'

/** The encryption header of the vault at `root`, or null for a plain vault. A damaged header is 'broken-file', never "plain". */
export async function readVaultHeader(root: string): Promise<VaultHeader | null> {
  let text: string
  try {
    text = await readFile(join(root, VAULT_HEADER_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new RapportError(
      'broken-file',
      `${VAULT_HEADER_FILE} is damaged (not JSON), so the vault cannot be unlocked. Restore it from a backup or another device.`,
      VAULT_HEADER_FILE
    )
  }
  return parseVaultHeader(json)
}
