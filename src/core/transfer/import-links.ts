import { dirname, resolve } from 'node:path'
import { mentionHref, parseMentionHref } from '../../shared/mentions'
import { linkDestination } from '../../shared/markdown'
import { entryIdOfUrl, entryUrl } from './entry-links'
import type { LinkResolver } from './entry-links'
import type { ProfilePage } from './import-clients'

/**
 * Where the links between the notes of one import point once they are
 * entries: plain data, so the import's own thread (import-thread.ts) can
 * rewrite each note's links where it parsed the note.
 */
export interface LinkTables {
  /** The entry each note becomes, by its file (a skipped duplicate: the entry it duplicates). */
  idBySource: Map<string, string>
  /** The same, by the id a note claimed in its front matter. */
  idByClaimed: Map<string, string>
  /** Exported profile pages, by their file: their client in this vault, and its people by the anchor of their heading. */
  pages: Map<string, { clientId: string; people: Map<string, string> }>
  /** A client's id in this vault, by the id it had in the export. */
  clientIds: Map<string, string>
}

/**
 * Export turned mentions into links to `profile.md` (`#anchor` for a
 * person); the ids in that page's front matter turn them back. A client is
 * the vault's own client of that name or the one just created from the page
 * (its id is new); a person keeps the id in client.json, which the created
 * client keeps too. A page whose client was not created, or an anchor the
 * page does not name, leaves the link as written: nothing is guessed.
 */
export function pageTables(pages: readonly ProfilePage[], created: ReadonlyMap<string, string>): Pick<LinkTables, 'pages' | 'clientIds'> {
  const byPath = new Map<string, { clientId: string; people: Map<string, string> }>()
  const clientIds = new Map<string, string>()
  for (const page of pages) {
    const clientId = page.existing?.id ?? created.get(page.key)
    if (clientId === undefined) continue
    byPath.set(page.absolute, { clientId, people: new Map(page.people) })
    if (!clientIds.has(page.exportedId)) clientIds.set(page.exportedId, clientId)
  }
  return { pages: byPath, clientIds }
}

/**
 * Links from one note to another note of the import — by a path relative to
 * the note (or to the folder that was chosen), or a `rapport://entry/<id>`
 * whose id had to change — become `rapport://entry/<id>` links to the new
 * entries, which stay right however the files are renamed later.
 */
export function importLinks(note: { absolute: string; root: string }, tables: LinkTables): LinkResolver {
  const atPage = (absolute: string, anchor: string | null): string | null => {
    const page = tables.pages.get(absolute)
    if (!page) return null
    if (anchor === null) return mentionHref({ kind: 'client', id: page.clientId })
    const person = page.people.get(anchor)
    return person === undefined ? null : mentionHref({ kind: 'person', id: person })
  }
  return (target) => {
    const hash = target.indexOf('#')
    const fragment = hash === -1 ? '' : linkDestination(target.slice(hash))
    const claimed = entryIdOfUrl(target)
    if (claimed !== null) {
      const id = tables.idByClaimed.get(claimed)
      return id && id !== claimed ? entryUrl(id) + fragment : null
    }
    const mentioned = parseMentionHref(target)
    if (mentioned?.kind === 'client') {
      // A mention of a client whose profile came with the import, by the id it had where it was exported from.
      const id = tables.clientIds.get(mentioned.id)
      return id && id !== mentioned.id ? mentionHref({ kind: 'client', id }) : null
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#')) return null
    const path = target.split(/[?#]/)[0] ?? ''
    if (!path) return null
    // `/x.md` is from the top of the chosen folder (as Obsidian writes it); `x.md` from the note's folder, else from the top.
    const candidates = path.startsWith('/') ? [resolve(note.root, path.replace(/^\/+/, ''))] : [resolve(dirname(note.absolute), path), resolve(note.root, path)]
    for (const absolute of candidates) {
      const id = tables.idBySource.get(absolute) ?? tables.idBySource.get(`${absolute}.md`)
      if (id) return entryUrl(id) + fragment
      const mention = atPage(absolute, hash === -1 ? null : target.slice(hash + 1))
      if (mention) return mention
    }
    return null
  }
}
