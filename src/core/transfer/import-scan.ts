import type { Dirent } from 'node:fs'
import { lstat, readdir, readlink, realpath } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { TransferProblem } from '../../shared/contract/transfer'
import { mapInOrder } from '../map-in-order'
import { parseSyncConflictName } from '../sync-conflicts'
import { isWithin } from './target-folder'

/** Notes bigger than this are not imported: no journal entry is that long, and the editor could not open it. */
export const MAX_NOTE_BYTES = 20 * 1024 * 1024

const MARKDOWN = /\.(md|markdown)$/i
/** Files looked at together while a folder is scanned. */
const STATS_AT_ONCE = 16
/** `history/<entry>/2026-11-22-103000.md` in a Rapport export: earlier versions, not entries of their own. */
const EXPORTED_VERSION = /(^|\/)([^/]*-)?history\/[^/]+\/\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.md$/i

/** A Markdown file found by a scan. */
export interface SourceNote {
  absolute: string
  /** The folder the user gave (or, for a file given on its own, the folder it is in). */
  root: string
  /** Inside `root`, with `/` on every OS. */
  relative: string
  size: number
  mtimeMs: number
}

export interface ScanResult {
  notes: SourceNote[]
  problems: TransferProblem[]
  /** Files that are not Markdown (images, PDFs…). */
  otherFiles: number
  /** Earlier versions in a Rapport export's history folders. */
  historyVersions: number
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export const tooBig = (size: number): string =>
  `it is ${megabytes(size)}; Rapport imports notes up to ${megabytes(MAX_NOTE_BYTES)}, so it was skipped without being read`

/**
 * Finds the Markdown notes in the files and folders a person chose, reading
 * nothing but names and sizes. Folders are walked in name order, so a preview
 * and the import that follows see the notes in the same order. No link is
 * ever followed (a loop, or a link out of the folder, is reported instead);
 * hidden folders such as `.obsidian` and `.git` are skipped.
 */
export async function scanSources(paths: readonly string[], signal?: AbortSignal, onFound?: (count: number) => void): Promise<ScanResult> {
  const result: ScanResult = { notes: [], problems: [], otherFiles: 0, historyVersions: 0 }
  const seen = new Set<string>()

  const addFile = (absolute: string, root: string, relative: string, info: { size: number; mtimeMs: number; dev: number; ino: number }): void => {
    const identity = `${info.dev}:${info.ino}`
    if (seen.has(identity)) return
    seen.add(identity)
    const name = basename(absolute)
    if (!MARKDOWN.test(name)) {
      result.otherFiles++
      return
    }
    if (EXPORTED_VERSION.test(relative)) {
      result.historyVersions++
      return
    }
    const conflict = parseSyncConflictName(name)
    if (conflict) {
      result.problems.push({
        path: absolute,
        reason: `it is a copy ${conflict.tool} made during a sync conflict; compare it with the original and import the one you keep`
      })
      return
    }
    if (info.size > MAX_NOTE_BYTES) {
      result.problems.push({ path: absolute, reason: tooBig(info.size) })
      return
    }
    result.notes.push({ absolute, root, relative, size: info.size, mtimeMs: info.mtimeMs })
    onFound?.(result.notes.length)
  }

  const walk = async (root: string, realRoot: string, folder: string, relative: string): Promise<void> => {
    if (signal?.aborted) return
    let items: Dirent[]
    try {
      items = await readdir(folder, { withFileTypes: true })
    } catch (error) {
      result.problems.push({ path: folder, reason: unreadable(error) })
      return
    }
    // Hidden files and folders belong to tools (.obsidian, .git, .trash) or the system (.DS_Store).
    items = items.filter((item) => !item.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    // The folder's files are looked at together (one after another, 10,000 of them took a second), and taken in name order.
    const files = await mapInOrder(items, STATS_AT_ONCE, async (item) => (item.isFile() ? lstat(join(folder, item.name)).catch(() => null) : null))
    for (const [at, item] of items.entries()) {
      const absolute = join(folder, item.name)
      const inside = relative ? `${relative}/${item.name}` : item.name
      if (item.isSymbolicLink()) result.problems.push({ path: absolute, reason: await describeLink(absolute, realRoot) })
      else if (item.isDirectory()) await walk(root, realRoot, absolute, inside)
      else {
        const info = files[at]
        if (info) addFile(absolute, root, inside, info)
      }
    }
  }

  for (const given of paths) {
    const absolute = resolve(given)
    const info = await lstat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException)
    if (info instanceof Error) {
      result.problems.push({ path: absolute, reason: info.code === 'ENOENT' ? 'there is no file or folder at this path' : unreadable(info) })
    } else if (info.isSymbolicLink()) {
      const target = await realpath(absolute).catch(() => null)
      result.problems.push({
        path: absolute,
        reason: target
          ? `it is a link to ${target}; links are not followed, so give that folder or file instead`
          : 'it is a link that leads nowhere (or loops); links are not followed'
      })
    } else if (info.isDirectory()) {
      await walk(absolute, await realpath(absolute), absolute, '')
    } else if (info.isFile()) {
      if (MARKDOWN.test(absolute)) addFile(absolute, dirname(absolute), basename(absolute), info)
      else result.problems.push({ path: absolute, reason: 'it is not a Markdown file (.md or .markdown)' })
    }
  }
  return result
}

/** Why a link found inside a folder was not followed, in words for people. */
async function describeLink(absolute: string, realRoot: string): Promise<string> {
  let target: string
  try {
    target = await realpath(absolute)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return 'it is a symbolic link loop (links that lead back to each other); it was skipped'
    const to = await readlink(absolute).catch(() => '?')
    return `it is a link to ${to}, which does not exist; it was skipped`
  }
  if (isWithin(target, dirname(absolute)))
    return 'it is a link to a folder that contains it, which would loop forever; links are not followed, so it was skipped'
  if (!isWithin(realRoot, target)) return `it is a link pointing outside the folder (to ${target}); links are not followed, so it was skipped`
  return 'it is a link to something else in the same folder; links are not followed (what it points to is imported where it is)'
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'it could not be read: permission was denied'
  return `it could not be read: ${(error as Error).message}`
}
