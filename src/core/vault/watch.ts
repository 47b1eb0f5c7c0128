import { watch } from 'node:fs'
import { isTempFile } from '../fs/atomic-write'
import { layout } from './layout'

/**
 * Tells `onChange` which vault files changed on disk — by Rapport, a sync
 * tool, an editor or git — batched over `delayMs` so a burst of writes
 * (a git checkout, a sync) becomes one reload. The app's own folder and
 * temporary files are ignored.
 */
export function watchVault(root: string, onChange: (paths: string[]) => void, delayMs = 150): () => void {
  let pending = new Set<string>()
  let timer: NodeJS.Timeout | null = null
  const watcher = watch(root, { recursive: true }, (_event, name) => {
    const path = name?.toString().replace(/\\/g, '/')
    if (!path || path.startsWith(`${layout.appDir}/`) || path === layout.appDir || isTempFile(path)) return
    pending.add(path)
    timer ??= setTimeout(() => {
      const paths = [...pending]
      pending = new Set()
      timer = null
      onChange(paths)
    }, delayMs)
  })
  watcher.on('error', () => undefined)
  return () => {
    if (timer) clearTimeout(timer)
    watcher.close()
  }
}
