import { createHash } from 'node:crypto'
import { lstat, readFile, readdir, readlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type * as Mdast from 'mdast'
import { parseEntryFile } from '../entries/entry-file'
import { headingAnchors } from './heading-anchors'
import { literalText, parseMarkdown } from '../../shared/markdown'

/**
 * Helpers for the transfer tests: what a folder holds, to prove an import
 * changed nothing in its source and an export wrote nothing outside its target.
 */

/** Every file under a folder (links not followed), `/`-separated, sorted. */
export async function filesUnder(root: string, prefix = ''): Promise<string[]> {
  const found: string[] = []
  for (const item of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${item.name}` : item.name
    if (item.isDirectory()) found.push(...(await filesUnder(root, path)))
    else found.push(path)
  }
  return found.sort()
}

/** path → hash of content, size and modification time (a link: where it points), for every file under a folder. */
export async function fingerprint(root: string): Promise<Map<string, string>> {
  const prints = new Map<string, string>()
  for (const path of await filesUnder(root)) {
    const absolute = join(root, path)
    const info = await lstat(absolute)
    const content = info.isSymbolicLink()
      ? `link:${await readlink(absolute)}`
      : info.size > 1024 * 1024
        ? `big:${info.size}`
        : createHash('sha256')
            .update(await readFile(absolute))
            .digest('hex')
    prints.set(path, `${content}:${info.size}:${info.mtimeMs}:${info.mode}`)
  }
  return prints
}

/** Every link of a Markdown text as a renderer reads it: the text shown and where it goes (percent-decoding left to the reader). */
export function linksIn(markdown: string): Array<{ text: string; url: string }> {
  const found: Array<{ text: string; url: string }> = []
  const visit = (node: Mdast.Nodes): void => {
    if (node.type === 'link') found.push({ text: literalText(node), url: node.url })
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(parseMarkdown(markdown))
  return found
}

/**
 * The relative links of an exported file that a Markdown tool could not
 * follow: no file at the path, or no heading in it with the anchor. Empty
 * when every one of them works.
 */
export async function brokenLinks(root: string, path: string): Promise<string[]> {
  const broken: string[] = []
  for (const { url } of linksIn(parseEntryFile(await readFile(join(root, path), 'utf8')).body)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) continue
    const [file = '', anchor] = decodeURIComponent(url).split('#')
    const target = file === '' ? join(root, path) : join(root, dirname(path), file)
    let text: string
    try {
      text = parseEntryFile(await readFile(target, 'utf8')).body
    } catch {
      broken.push(`${url} (no file)`)
      continue
    }
    if (anchor !== undefined && !headingAnchors(text).some((h) => h.anchor === anchor)) broken.push(`${url} (no such heading)`)
  }
  return broken
}
