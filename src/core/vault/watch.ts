import { watch } from 'chokidar'
import { isTempFile } from '../fs/atomic-write'
import { logicalVaultPath } from '../fs/vault-files'
import { layout } from '../fs/layout'

/**
 * Tells `onChange` which vault files changed on disk — by Rapport, a sync
 * tool, an editor or git — batched over `delayMs` so a burst of writes
 * (a git checkout, a sync) becomes one update. The app's own folder and
 * temporary files are ignored.
 *
 * chokidar watches each folder rather than each file: Node's own recursive
 * watcher on Linux follows files by inode and goes deaf to a file once it has
 * been replaced by an atomic rename — which is how Rapport itself saves.
 * In an encrypted vault the paths reported are the logical ones, and files
 * that are not the vault's (names it did not encrypt) are ignored.
 * Resolves `ready` once the initial scan is done.
 */
export function watchVault(root: string, onChange: (paths: string[]) => void, delayMs = 150): (() => void) & { ready: Promise<void> } {
  let pending = new Set<string>()
  let timer: NodeJS.Timeout | null = null
  const toVault = (path: string): string | null => logicalVaultPath(root, path)
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path) => {
      const rel = toVault(path)
      if (rel === null) return true
      return rel === layout.appDir || rel.startsWith(`${layout.appDir}/`) || isTempFile(path)
    }
  })
  watcher.on('all', (_event, path) => {
    const rel = toVault(path)
    if (!rel) return
    pending.add(rel)
    timer ??= setTimeout(() => {
      const paths = [...pending]
      pending = new Set()
      timer = null
      onChange(paths)
    }, delayMs)
  })
  watcher.on('error', () => undefined)
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  const stop = () => {
    if (timer) clearTimeout(timer)
    void watcher.close()
  }
  return Object.assign(stop, { ready })
}
