import { posix } from 'node:path'
import { entryIdOfUrl, linkDestination } from './entry-links'
import type { LinkResolver } from './entry-links'
import type { InsidePath } from './target-folder'

/**
 * Which entry a link in an entry points at: a `rapport://entry/<id>` link, or
 * a path to the entry's file — relative to the linking entry's folder (what
 * editors write) or to the vault (what Rapport writes). Null for anything
 * else (web links, mail, images, files that are not entries).
 */
export function linkedEntry(target: string, fromVaultFolder: string, idByVaultPath: ReadonlyMap<string, string>): { id: string; fragment: string } | null {
  const hash = target.indexOf('#')
  const fragment = hash === -1 ? '' : target.slice(hash)
  const id = entryIdOfUrl(target)
  if (id) return { id, fragment }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#')) return null
  const path = target.split(/[?#]/)[0] ?? ''
  if (!path.toLowerCase().endsWith('.md')) return null
  const candidates = [posix.normalize(posix.join(fromVaultFolder, path)), posix.normalize(path.replace(/^\/+/, ''))]
  for (const candidate of candidates) {
    const found = idByVaultPath.get(candidate.toLowerCase())
    if (found) return { id: found, fragment }
  }
  return null
}

/**
 * The resolver for one exported file: links to entries in this export become
 * relative paths from this file to theirs, so they work in any Markdown tool
 * and in a file browser; other links are left exactly as written.
 */
export function exportLinkResolver(options: {
  fromExportPath: InsidePath
  fromVaultFolder: string
  idByVaultPath: ReadonlyMap<string, string>
  exportPathOf: ReadonlyMap<string, InsidePath>
}): LinkResolver {
  const from = posix.dirname(options.fromExportPath)
  return (target) => {
    const linked = linkedEntry(target, options.fromVaultFolder, options.idByVaultPath)
    const to = linked && options.exportPathOf.get(linked.id)
    if (!linked || !to) return null
    const relative = to === options.fromExportPath ? posix.basename(to) : posix.relative(from === '.' ? '' : from, to)
    return linkDestination(relative + linked.fragment)
  }
}
