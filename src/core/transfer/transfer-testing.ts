import { createHash } from 'node:crypto'
import { lstat, readFile, readdir, readlink } from 'node:fs/promises'
import { join } from 'node:path'

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
    const content = info.isSymbolicLink() ? `link:${await readlink(absolute)}` : info.size > 1024 * 1024 ? `big:${info.size}` : createHash('sha256').update(await readFile(absolute)).digest('hex')
    prints.set(path, `${content}:${info.size}:${info.mtimeMs}:${info.mode}`)
  }
  return prints
}
