import { lstat, realpath } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import { parseVaultImagePath } from '../../shared/vault-image-url'
import { readLargeFile } from '../fs/large-files'
import { physicalPath } from '../fs/vault-files'
import type { Vault } from '../vault/vault'
import { resolveLocalHref } from './attachment-links'
import { MAX_ATTACHMENT_BYTES } from './attachment-store'
import { IMAGE_MEDIA_TYPES, sniffImage } from './file-kind'

export interface VaultImage {
  body: Buffer
  headers: Record<string, string>
}

/**
 * Every image response: its type from its bytes, no sniffing by the browser,
 * and a policy that lets nothing in it run or load — an SVG opened on its
 * own (not through `<img>`, where scripts never run anyway) stays inert.
 */
const imageHeaders = (contentType: string): Record<string, string> => ({
  'content-type': contentType,
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'cache-control': 'no-store'
})

/**
 * The image a request of the window names (`/vault-image/<entry>/<link>`),
 * read from the vault — decrypted in memory when the vault is encrypted — or
 * null when there is none it may show: an unknown entry, a link leaving the
 * vault or into `.rapport/`, a missing or oversized file, or bytes that are
 * not a PNG, JPEG, GIF, WebP or SVG whatever the name says.
 */
export async function readVaultImage(vault: Vault, pathname: string): Promise<VaultImage | null> {
  const asked = parseVaultImagePath(pathname)
  if (!asked) return null
  const entry = vault.entries.withVersion(asked.entryId)
  if (!entry) return null
  const path = resolveLocalHref(entry.path, asked.href)
  if (path === null) return null
  const absolute = join(vault.root, path)
  try {
    if (!(await isConfinedFile(vault.root, absolute))) return null
    const body = await readLargeFile(absolute)
    const kind = sniffImage(body)
    return kind ? { body, headers: imageHeaders(IMAGE_MEDIA_TYPES[kind]) } : null
  } catch {
    return null // unreadable, or a sealed file that does not open
  }
}

/**
 * A regular file (not a link) whose real location, every folder resolved,
 * is inside the vault's: a symbolic link planted in the vault reads nothing
 * from outside it. Not bigger than an attachment may be, so memory stays bounded.
 */
export async function isConfinedFile(root: string, absolute: string): Promise<boolean> {
  try {
    const physical = physicalPath(absolute)
    const info = await lstat(physical)
    if (!info.isFile() || info.size > MAX_ATTACHMENT_BYTES + 64) return false
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(physical)])
    const rel = relative(realRoot, realFile)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  } catch {
    return false
  }
}
