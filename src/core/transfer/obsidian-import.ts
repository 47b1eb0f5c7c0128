import type { Dirent } from 'node:fs'
import { lstat, readdir, readFile, realpath } from 'node:fs/promises'
import { basename, dirname, join, posix, resolve } from 'node:path'
import type { TransferProblem } from '../../shared/contract/transfer'
import { mentionHref } from '../../shared/mentions'
import { MAX_ATTACHMENT_BYTES, attachmentsFolderOf, storeAttachment, tooBigForAttachment } from '../attachments/attachment-store'
import { foldName } from '../find-by-name'
import type { Vault } from '../vault/vault'
import { entryUrl } from './entry-links'
import type { PlannedNote } from './import-plan'
import type { ObsidianTargets } from './obsidian-links'
import { isWithin } from './target-folder'

/**
 * What the notes of one import can link to by name, built once the clients
 * are created: the vault's clients and people by name, the imported notes by
 * file name and by their front matter's `aliases` (a note's alias that is a
 * person's or client's name stands for them too), and the files beside the
 * notes, found the way Obsidian finds them (by path, else by name anywhere
 * in the folder). Files are copied into the attachments/ folder of the
 * client each note goes to, once per folder, and never from outside the
 * folder that was chosen.
 */
export class ObsidianResolver {
  private readonly mentions = new Map<string, string | null>()
  private readonly notes = new Map<string, string | null>()
  private readonly aliasOf = new Map<string, string>()
  private readonly filesByName = new Map<string, Promise<Map<string, string[]>>>()
  private readonly kept = new Map<string, Promise<{ href: string; image: boolean } | null>>()

  constructor(
    private readonly vault: Vault,
    notes: readonly PlannedNote[],
    private readonly problems: TransferProblem[]
  ) {
    const add = (map: Map<string, string | null>, name: string, value: string): void => {
      const key = foldName(name)
      if (!key) return
      // A name two things share names neither: the link stays as written rather than guess.
      map.set(key, map.has(key) && map.get(key) !== value ? null : value)
    }
    for (const client of vault.clients.list()) {
      if (!client.data) continue
      add(this.mentions, client.data.name, mentionHref({ kind: 'client', id: client.id }))
      for (const person of client.data.people ?? []) add(this.mentions, person.name, mentionHref({ kind: 'person', id: person.id }))
    }
    for (const note of notes) {
      const name = basename(note.source.relative).replace(/\.(md|markdown)$/i, '')
      add(this.notes, name, entryUrl(note.duplicateOf?.id ?? note.id))
      for (const alias of note.aliases ?? []) {
        add(this.notes, alias, entryUrl(note.duplicateOf?.id ?? note.id))
        if (!this.aliasOf.has(foldName(alias))) this.aliasOf.set(foldName(alias), name)
      }
    }
  }

  /** The links and embeds of one note, kept for the journal folder it goes to. */
  targetsFor(note: PlannedNote, clientId: string | null): ObsidianTargets {
    return {
      link: (target) => this.link(target),
      attachment: (target) => this.attachment(note, clientId, target)
    }
  }

  private link(target: string): string | null {
    const key = foldName(target.split('/').pop() ?? target)
    const mention = this.mentions.get(key) ?? this.mentions.get(foldName(this.aliasOf.get(key) ?? ''))
    return mention ?? this.notes.get(key) ?? null
  }

  private attachment(note: PlannedNote, clientId: string | null, target: string): Promise<{ href: string; image: boolean } | null> {
    let folder: string
    try {
      folder = attachmentsFolderOf(this.vault, clientId)
    } catch {
      return Promise.resolve(null)
    }
    const cacheKey = `${note.source.absolute}\0${folder}\0${target}`
    let kept = this.kept.get(cacheKey)
    if (!kept) {
      kept = this.keep(note, folder, target)
      this.kept.set(cacheKey, kept)
    }
    return kept
  }

  private async keep(note: PlannedNote, folder: string, target: string): Promise<{ href: string; image: boolean } | null> {
    const fail = (reason: string): null => (this.problems.push({ path: note.source.absolute, reason }), null)
    const root = note.source.root
    if (target.startsWith('/') || /^[A-Za-z]:/.test(target) || target.includes('\0'))
      return fail(`it links "${target}", an absolute path; only files inside the folder you chose are copied, so it was left as written`)
    const candidates = [resolve(dirname(note.source.absolute), target), resolve(root, target)]
    if (candidates.every((c) => !isWithin(root, c)))
      return fail(`it links "${target}", which is outside the folder you chose; it was not copied and the link was left as written`)
    let source = candidates.find((c) => isWithin(root, c) && c !== root)
    if (!(await isPlainFile(source))) source = (await this.filesIn(root)).get(basename(target).toLowerCase())?.[0]
    if (!source || !(await isPlainFile(source))) return fail(`it embeds "${target}", which is not in the folder you chose; the link was left as written`)
    const realRoot = await realpath(root)
    if (!isWithin(realRoot, await realpath(source))) return fail(`it links "${target}", which leads outside the folder you chose; it was not copied`)
    const size = (await lstat(source)).size
    if (size > MAX_ATTACHMENT_BYTES) return fail(`"${target}" was not copied: ${tooBigForAttachment(size)}; the link was left as written`)
    try {
      const stored = await storeAttachment(this.vault, folder, basename(source), await readFile(source))
      const journal = journalBeside(folder)
      return { href: posix.relative(journal, stored.path), image: stored.kind.kind === 'image' }
    } catch (error) {
      return fail(`${(error as Error).message} The link was left as written.`)
    }
  }

  /** Every file under the chosen folder by lower-case name, nearest first (hidden folders and links skipped, as the scan does). */
  private filesIn(root: string): Promise<Map<string, string[]>> {
    let found = this.filesByName.get(root)
    if (!found) {
      found = indexFiles(root)
      this.filesByName.set(root, found)
    }
    return found
  }
}

/** Entries of a folder's attachments live one level up from their journal: `clients/x/journal` ↔ `clients/x/attachments`. */
const journalBeside = (attachments: string): string => posix.join(posix.dirname(attachments), 'journal')

async function isPlainFile(path: string | undefined): Promise<boolean> {
  if (!path) return false
  const info = await lstat(path).catch(() => null)
  return info !== null && info.isFile()
}

async function indexFiles(root: string): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>()
  const walk = async (folder: string, depth: number): Promise<void> => {
    if (depth > 32) return
    const items: Dirent[] = await readdir(folder, { withFileTypes: true }).catch(() => [])
    items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    const subfolders: string[] = []
    for (const item of items) {
      if (item.name.startsWith('.')) continue
      const path = join(folder, item.name)
      if (item.isDirectory()) subfolders.push(path)
      else if (item.isFile()) {
        const key = item.name.toLowerCase()
        byName.set(key, [...(byName.get(key) ?? []), path])
      }
    }
    for (const sub of subfolders) await walk(sub, depth + 1)
  }
  await walk(root, 0)
  return byName
}
