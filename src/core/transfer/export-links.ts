import { posix } from 'node:path'
import type { MentionTarget } from '../../shared/mentions'
import { parseMentionHref } from '../../shared/mentions'
import { linkDestination } from '../../shared/markdown'
import { entryIdOfUrl } from './entry-links'
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

/** Where a mentioned client or person can be read in the export. */
export interface MentionPlace {
  /** The client's page: its `profile.md`, or its dossier. */
  path: InsidePath
  /** The anchor of the person's heading on that page; null for the client itself (its page from the top). */
  anchor: string | null
  /** The anchor of the page's title, for a mention of the client from inside its own dossier. */
  top: string
}

/**
 * The resolver for one exported file: links to entries in this export become
 * relative paths from this file to theirs, and mentions of clients and people
 * whose page is in this export become relative links to that page (a person:
 * to their heading on it), so they work in any Markdown tool and in a file
 * browser; other links are left exactly as written.
 */
export function exportLinkResolver(options: {
  fromExportPath: InsidePath
  fromVaultFolder: string
  idByVaultPath: ReadonlyMap<string, string>
  exportPathOf: ReadonlyMap<string, InsidePath>
  placeOf?: (mention: MentionTarget) => MentionPlace | null
}): LinkResolver {
  const from = posix.dirname(options.fromExportPath)
  const relativeTo = (to: InsidePath): string => (to === options.fromExportPath ? posix.basename(to) : posix.relative(from === '.' ? '' : from, to))
  return (target) => {
    const linked = linkedEntry(target, options.fromVaultFolder, options.idByVaultPath)
    if (linked) {
      const to = options.exportPathOf.get(linked.id)
      return to ? linkDestination(relativeTo(to) + linked.fragment) : null
    }
    const mention = parseMentionHref(target)
    if (!mention || mention.kind === 'entry') return null
    // Not in this export: the mention stays `rapport://…`. A relative link would lead nowhere, while the
    // id still finds the client or person when the file is imported back into a vault that has them.
    const place = options.placeOf?.(mention)
    if (!place) return null
    if (place.path === options.fromExportPath) {
      // The same file (a dossier mentioning its own client or people): a jump within it, or its top.
      const anchor = place.anchor ?? place.top
      return anchor ? `#${linkDestination(anchor)}` : linkDestination(posix.basename(place.path))
    }
    return linkDestination(relativeTo(place.path) + (place.anchor === null ? '' : `#${place.anchor}`))
  }
}
