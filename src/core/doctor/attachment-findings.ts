import { join, posix } from 'node:path'
import { localLinks, resolveLocalHref } from '../attachments/attachment-links'
import { ATTACHMENTS_DIR } from '../attachments/attachment-store'
import { isTempFile } from '../fs/atomic-write'
import { exists, readdir, readFile, stat } from '../fs/vault-files'
import { layout, toVaultPath } from '../fs/layout'
import { moveToTrash } from '../fs/trash'

/** A finding of doctor's (see doctor.ts), with the repair `--fix` makes. */
export interface AttachmentCheck {
  path: string
  reason: string
  fix?: string
  repair?: () => Promise<string>
}

/**
 * Attachments and the entries that link them: a link to a file that is not
 * there (moved or deleted outside Rapport) is reported on the entry; a file
 * in an `attachments/` folder that no entry links is an orphan, which
 * `--fix` moves to the trash (never deletes). A file an older version of an
 * entry (history) or a trashed entry still links is not an orphan: restoring
 * that version brings its pictures back.
 */
export async function attachmentChecks(root: string, journals: readonly string[], now: Date): Promise<AttachmentCheck[]> {
  const checks: AttachmentCheck[] = []
  const linked = new Set<string>()
  for (const journal of journals) {
    for (const entry of await markdownFiles(root, journal)) {
      const text = await readFile(join(root, entry), 'utf8').catch(() => '')
      for (const link of localLinks(text)) {
        if (/\.(md|markdown)$/i.test(link.href)) continue
        const target = resolveLocalHref(entry, link.href)
        if (target === null) {
          checks.push({ path: entry, reason: `it links "${link.href}", which is outside the vault or in Rapport's own folder, so it is never shown` })
          continue
        }
        linked.add(target)
        if (!exists(join(root, target)))
          checks.push({
            path: entry,
            reason: `it links "${link.href}", which is not in the vault (moved or deleted?); put the file back at ${target} or remove the link`
          })
      }
    }
  }
  const keptByOldVersions = await namesLinkedFromAppFolder(root)
  for (const folder of await attachmentFolders(root)) {
    for (const item of await readdir(join(root, folder), { withFileTypes: true })) {
      if (!item.isFile() || item.name.startsWith('.') || isTempFile(item.name)) continue
      const path = toVaultPath(folder, item.name)
      if (linked.has(path) || keptByOldVersions.has(item.name.toLowerCase())) continue
      checks.push({
        path,
        reason: 'no entry links this attachment (nor any earlier version or trashed entry)',
        fix: 'move it to the trash',
        repair: async () => (await moveToTrash(root, path, { kind: 'attachment', label: item.name }, now), 'moved it to the trash')
      })
    }
  }
  return checks
}

async function attachmentFolders(root: string): Promise<string[]> {
  const folders = exists(join(root, ATTACHMENTS_DIR)) ? [ATTACHMENTS_DIR] : []
  const clients = join(root, layout.clientsDir)
  for (const client of exists(clients) ? await readdir(clients, { withFileTypes: true }) : []) {
    const folder = toVaultPath(layout.clientsDir, client.name, ATTACHMENTS_DIR)
    // Asked without blocking: one synchronous check per client held the event loop ~10 ms at 500 clients (doctor:plan answers the window).
    if (client.isDirectory() && !client.name.startsWith('.') && (await isThere(join(root, folder)))) folders.push(folder)
  }
  return folders
}

const isThere = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false
  )

async function markdownFiles(root: string, folder: string): Promise<string[]> {
  if (!exists(join(root, folder))) return []
  const found: string[] = []
  for (const item of await readdir(join(root, folder), { withFileTypes: true })) {
    if (item.name.startsWith('.')) continue
    const path = toVaultPath(folder, item.name)
    if (item.isDirectory()) found.push(...(await markdownFiles(root, path)))
    else if (item.isFile() && item.name.toLowerCase().endsWith('.md')) found.push(path)
  }
  return found
}

/** Names of attachments linked from history snapshots and from entries in the trash (their own folders are gone or elsewhere, so by name). */
async function namesLinkedFromAppFolder(root: string): Promise<Set<string>> {
  const names = new Set<string>()
  const collect = async (folder: string): Promise<void> => {
    for (const path of await markdownFiles(root, folder)) {
      const text = await readFile(join(root, path), 'utf8').catch(() => '')
      for (const link of localLinks(text)) names.add(posix.basename(link.href).toLowerCase())
    }
  }
  const history = toVaultPath(layout.appDir, 'history')
  if (exists(join(root, history))) for (const entry of await readdir(join(root, history))) await collect(toVaultPath(history, entry))
  await collect(toVaultPath(layout.appDir, 'trash'))
  return names
}
