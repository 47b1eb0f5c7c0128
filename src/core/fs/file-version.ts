import { createHash } from 'node:crypto'

/**
 * A short fingerprint of a file's exact bytes. Rapport remembers the version
 * it last read or wrote and compares it with the disk before every write, so
 * a change made by a sync tool or another editor is never overwritten.
 * Content, not mtime: sync tools touch mtimes without changing content.
 */
export function fileVersion(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('base64url').slice(0, 22)
}
