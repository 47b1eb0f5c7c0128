/**
 * How the window asks for an image an entry shows: a path on the app's own
 * origin, `/vault-image/<entry id>/<link as written, encoded>`. The main
 * process (and the e2e harness) answer it from the vault through
 * src/core/attachments/vault-image.ts; the page never sees a file path, and
 * 'self' in the page's Content-Security-Policy already allows it.
 */
export const VAULT_IMAGE_PREFIX = '/vault-image/'

export const vaultImagePath = (entryId: string, href: string): string => `${VAULT_IMAGE_PREFIX}${encodeURIComponent(entryId)}/${encodeURIComponent(href)}`

/** The entry and link a request path names, or null when it is not such a path. */
export function parseVaultImagePath(pathname: string): { entryId: string; href: string } | null {
  if (!pathname.startsWith(VAULT_IMAGE_PREFIX)) return null
  const [id, href, ...rest] = pathname.slice(VAULT_IMAGE_PREFIX.length).split('/')
  if (!id || !href || rest.length > 0) return null
  try {
    return { entryId: decodeURIComponent(id), href: decodeURIComponent(href) }
  } catch {
    return null
  }
}
