import { basename, dirname, extname, join } from 'node:path'
import { exists, readdir, readFile, rm, unlink } from './vault-files'
import { rename } from './vault-moves'
import { RapportError, fileError } from '../errors'
import { writeFileAtomic } from './atomic-write'
import { formatJson } from './durable-json-file'
import { uniqueName } from './safe-name'
import { layout, toVaultPath } from './layout'
import { ensureFolder } from './ensure-folder'

/** What the trash remembers of each item, beside it in `<item>.trash.json`, so it can go back where it was. */
export interface TrashItem {
  /** The item's name in `.rapport/trash/`. */
  id: string
  kind: 'client' | 'entry' | 'template' | 'attachment'
  /** What a person recognises: the client's name or the entry's title. */
  label: string
  originalPath: string
  deletedAt: string
}

const RECORD = '.trash.json'

/**
 * Moves a file or folder into `.rapport/trash/`, under a name that says when
 * it was deleted, with a small record of where it came from. Nothing is
 * destroyed until the trash is emptied.
 */
export async function moveToTrash(root: string, relativePath: string, about: { kind: TrashItem['kind']; label: string }, now = new Date()): Promise<TrashItem> {
  const { trash, item } = await recordInTrash(root, relativePath, about, now)
  await rename(join(root, relativePath), join(trash, item.id))
  return item
}

/**
 * Puts text that was never a file of its own into the trash, as if it had
 * been one at `originalPath`: the side of a git conflict a person did not
 * choose. Restoring it brings it back at that path.
 */
export async function putInTrash(
  root: string,
  originalPath: string,
  content: string,
  about: { kind: TrashItem['kind']; label: string },
  now = new Date()
): Promise<TrashItem> {
  const { trash, item } = await recordInTrash(root, originalPath, about, now)
  await writeFileAtomic(join(trash, item.id), content)
  return item
}

/** Chooses a free name in the trash for what was at `originalPath` and writes its record there, before the thing itself arrives. */
async function recordInTrash(
  root: string,
  originalPath: string,
  about: { kind: TrashItem['kind']; label: string },
  now: Date
): Promise<{ trash: string; item: TrashItem }> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  const trash = join(root, layout.trashDir)
  await ensureFolder(trash)
  const extension = extname(originalPath)
  const id = uniqueName(`${stamp}-${basename(originalPath, extension)}`, (c) => exists(join(trash, c + extension)), extension)
  const item: TrashItem = { id, ...about, originalPath, deletedAt: now.toISOString() }
  await writeFileAtomic(join(trash, id + RECORD), formatJson(item))
  return { trash, item }
}

export async function listTrash(root: string): Promise<TrashItem[]> {
  const trash = join(root, layout.trashDir)
  if (!exists(trash)) return []
  const items: TrashItem[] = []
  for (const name of await readdir(trash)) {
    if (name.endsWith(RECORD)) continue
    const record = await readRecord(trash, name)
    items.push(record ?? { id: name, kind: 'entry', label: name, originalPath: toVaultPath(layout.journalDir, name), deletedAt: new Date(0).toISOString() })
  }
  return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
}

async function readRecord(trash: string, id: string): Promise<TrashItem | null> {
  try {
    const record = JSON.parse(await readFile(join(trash, id + RECORD), 'utf8')) as TrashItem
    return { ...record, id }
  } catch {
    return null
  }
}

/** Puts an item back where it was; if that name is taken meanwhile, beside it with `-2`. Returns where it went. */
export async function restoreFromTrash(root: string, id: string): Promise<string> {
  const trash = join(root, layout.trashDir)
  if (id.includes('/') || id.includes('\\') || id.startsWith('.') || !exists(join(trash, id))) {
    throw new RapportError('not-found', 'That item is no longer in the trash.')
  }
  const record = await readRecord(trash, id)
  const original = record?.originalPath ?? toVaultPath(layout.journalDir, id)
  const folder = dirname(original)
  const extension = extname(original)
  const target = toVaultPath(
    folder,
    uniqueName(basename(original, extension), (c) => exists(join(root, folder, c + extension)), extension)
  )
  try {
    await ensureFolder(join(root, folder))
    await rename(join(trash, id), join(root, target))
    await unlink(join(trash, id + RECORD)).catch(() => undefined)
  } catch (error) {
    throw fileError(error, 'restore', target)
  }
  return target
}

export async function emptyTrash(root: string): Promise<number> {
  const items = await listTrash(root)
  try {
    await rm(join(root, layout.trashDir), { recursive: true, force: true })
  } catch (error) {
    throw fileError(error, 'empty', layout.trashDir)
  }
  return items.length
}
