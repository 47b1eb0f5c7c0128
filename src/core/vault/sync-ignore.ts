/**
 * Lines for the ignore files of sync engines, so Rapport's caches stay on
 * each computer: they are rebuilt from the entries anyway, change on every
 * save, and synced they only bring conflicts. Syncthing reads `.stignore`,
 * git `.gitignore`, both at the vault's root. Dropbox, iCloud and Nextcloud
 * have no ignore file a program can write (README says what to do there).
 *
 * Lines already there are left as they are; only missing ones are added, at
 * the end, and a file that needs nothing is not written.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { open, readFile, rename, unlink } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { TEMP_PREFIX, physicalPath } from '../fs/vault-files'
import { syncPhysicalFolder } from '../fs/atomic-write'
import { layout } from '../fs/layout'

export interface IgnoreFileResult {
  file: '.stignore' | '.gitignore'
  /** The lines added; empty when every one was there already. */
  added: string[]
}

/** Where the caches are on disk, relative to the root: in an encrypted vault their folder names are encrypted too. */
function cacheFolderOnDisk(root: string): string {
  return relative(physicalPath(root), physicalPath(join(root, layout.appDir, 'cache')))
    .split(sep)
    .join('/')
}

export function ignoreLines(root: string): Record<IgnoreFileResult['file'], { comment: string; lines: string[] }> {
  const cache = cacheFolderOnDisk(root)
  const why = "Rapport's caches and unfinished writes: rebuilt on each computer, never synced (rapport init --sync-ignore)"
  return {
    // Syncthing: `//` starts a comment; a leading `/` anchors a pattern at the folder's root.
    '.stignore': { comment: `// ${why}`, lines: [`/${cache}`, `${TEMP_PREFIX}*`] },
    '.gitignore': { comment: `# ${why}`, lines: [`/${cache}/`, `${TEMP_PREFIX}*`] }
  }
}

export async function writeSyncIgnoreFiles(root: string): Promise<IgnoreFileResult[]> {
  const results: IgnoreFileResult[] = []
  for (const [file, { comment, lines }] of Object.entries(ignoreLines(root)) as Array<[IgnoreFileResult['file'], { comment: string; lines: string[] }]>) {
    // Plain files read by the sync engine, never sealed: node:fs, not the vault's (possibly encrypted) files.
    const path = join(root, file)
    const before = existsSync(path) ? await readFile(path, 'utf8') : ''
    const present = new Set(before.split(/\r?\n/).map((line) => line.trim()))
    const added = lines.filter((line) => !present.has(line))
    results.push({ file, added })
    if (added.length === 0) continue
    const separator = before === '' || before.endsWith('\n') ? '' : '\n'
    await writePlainAtomic(path, `${before}${separator}${present.has(comment) ? '' : `${comment}\n`}${added.join('\n')}\n`)
  }
  return results
}

/** Temp file, flush, rename, flush the folder: the ignore file is whole or as it was. */
async function writePlainAtomic(path: string, text: string): Promise<void> {
  const temp = join(path, '..', `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`)
  const handle = await open(temp, 'wx', 0o644)
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await syncPhysicalFolder(join(path, '..'))
}
