import { mkdir, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { layout, toVaultPath } from './layout'

/**
 * Moves a file or folder into `.rapport/trash/`, under a name that says when
 * it was deleted. Nothing is destroyed: a person can restore it by moving it
 * back, and Rapport's trash view (see the vault issue) lists these.
 */
export async function moveToTrash(root: string, relativePath: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  const target = toVaultPath(layout.trashDir, `${stamp}-${basename(relativePath)}`)
  await mkdir(join(root, layout.trashDir), { recursive: true })
  await rename(join(root, relativePath), join(root, target))
  return target
}
