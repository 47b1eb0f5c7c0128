import { posix } from 'node:path'
import type * as Mdast from 'mdast'
import { parseMarkdown } from '../../shared/markdown'
import { layout } from '../fs/layout'

/**
 * Links from an entry to files beside it — `![photo](../attachments/a.png)`,
 * `[plan](../attachments/plan.pdf)` — found in its Markdown, and resolved to
 * vault paths with one rule for the editor, the image protocol, export and
 * doctor: a link resolves only to a file inside the vault, never into the
 * app's own folder, never by an absolute path, a drive, a scheme or a NUL.
 */
export interface LocalLink {
  /** As written in the Markdown, percent-decoded, without `#fragment` or `?query`. */
  href: string
  image: boolean
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** Whether a link's target is a file beside the entry rather than a web address, a mention or an anchor. */
export function isLocalHref(target: string): boolean {
  return target !== '' && !HAS_SCHEME.test(target) && !target.startsWith('//') && !target.startsWith('#') && !target.startsWith('/') && !target.startsWith('\\')
}

/** Every local link and image of the Markdown, in order, once each (code is not searched: it holds no links). */
export function localLinks(markdown: string): LocalLink[] {
  if (!markdown.includes('](') && !markdown.includes(']:')) return []
  const found = new Map<string, LocalLink>()
  const visit = (node: Mdast.Nodes): void => {
    if (node.type === 'image' || node.type === 'link' || node.type === 'definition') {
      const href = cleanHref(node.url)
      if (href !== null && isLocalHref(href)) {
        const known = found.get(href)
        if (!known) found.set(href, { href, image: node.type === 'image' })
        else if (node.type === 'image') known.image = true
      }
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(parseMarkdown(markdown))
  return [...found.values()]
}

function cleanHref(url: string): string | null {
  const bare = url.split(/[?#]/)[0] ?? ''
  try {
    return decodeURIComponent(bare)
  } catch {
    return null
  }
}

/**
 * The vault path (forward slashes) a local link from the entry at `entryPath`
 * names, or null when it names nothing it may: outside the vault, in
 * `.rapport/`, absolute, with a drive or a NUL.
 */
export function resolveLocalHref(entryPath: string, href: string): string | null {
  if (!isLocalHref(href) || /[\0\\]/.test(href) || /^[A-Za-z]:/.test(href)) return null
  const joined = posix.normalize(posix.join(posix.dirname(entryPath), href))
  if (joined === '.' || joined.startsWith('../') || joined === '..' || posix.isAbsolute(joined)) return null
  const first = joined.split('/')[0] ?? ''
  if (first === layout.appDir || first.startsWith('.')) return null
  return joined
}

/** The link from an entry at `entryPath` to the vault file `target`, as written in Markdown (`../attachments/a.png`). */
export function hrefBetween(entryPath: string, target: string): string {
  return posix.relative(posix.dirname(entryPath), target)
}
