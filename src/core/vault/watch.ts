import { watch } from 'chokidar'
import { stat } from 'node:fs/promises'
import { isTempFile } from '../fs/atomic-write'
import { isOwnEcho } from '../fs/own-writes'
import type { SeenOnDisk } from '../fs/own-writes'
import { logicalVaultPath } from '../fs/vault-files'
import { layout } from '../fs/layout'

/**
 * Tells `onChange` which vault files other programs changed on disk — a sync
 * tool, an editor or git — batched over `delayMs` so a burst of writes
 * (a git checkout, a sync) becomes one update. The app's own folder and
 * temporary files are ignored, and so is what Rapport itself just wrote:
 * the atomic writes remember the version they wrote (fs/own-writes.ts), and a
 * file seen as exactly that version (or a removal Rapport made) is its echo.
 *
 * chokidar watches each folder rather than each file: Node's own recursive
 * watcher on Linux follows files by inode and goes deaf to a file once it has
 * been replaced by an atomic rename — which is how Rapport itself saves.
 * In an encrypted vault the paths reported are the logical ones, and files
 * that are not the vault's (names it did not encrypt) are ignored.
 * Resolves `ready` once the initial scan is done.
 */
export function watchVault(root: string, onChange: (paths: string[]) => void, delayMs = 150): (() => void) & { ready: Promise<void> } {
  /** Vault path → the path on disk the watcher named. */
  let pending = new Map<string, string>()
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  const toVault = (path: string): string | null => logicalVaultPath(root, path)
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path) => {
      const rel = toVault(path)
      if (rel === null) return true
      return rel === layout.appDir || rel.startsWith(`${layout.appDir}/`) || isTempFile(path)
    }
  })
  const report = async () => {
    const batch = pending
    pending = new Map()
    timer = null
    // Judged by what is on disk now, not when the event came: chokidar drops a second change to a file within 50 ms
    // of the first, so another program's edit right after a save of ours arrives only as the event of our save.
    const seen = await Promise.all([...batch].map(async ([rel, path]) => ({ rel, own: isOwnEcho(path, await seenOnDisk(path)) })))
    const paths = seen.filter(({ own }) => !own).map(({ rel }) => rel)
    if (paths.length > 0 && !stopped) onChange(paths)
  }
  watcher.on('all', (_event, path) => {
    const rel = toVault(path)
    if (!rel) return
    pending.set(rel, path)
    timer ??= setTimeout(() => void report(), delayMs)
  })
  watcher.on('error', () => undefined)
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  const stop = () => {
    stopped = true
    if (timer) clearTimeout(timer)
    void watcher.close()
  }
  return Object.assign(stop, { ready })
}

async function seenOnDisk(path: string): Promise<SeenOnDisk> {
  try {
    const stats = await stat(path)
    return { present: true, isFolder: stats.isDirectory(), identity: stats }
  } catch {
    return { present: false }
  }
}
