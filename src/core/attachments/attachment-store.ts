import { join, posix } from 'node:path'
import { RapportError } from '../errors'
import { readLargeFile, writeLargeFileAtomic } from '../fs/large-files'
import { ensureFolder } from '../fs/ensure-folder'
import { exists, readdir, stat } from '../fs/vault-files'
import type { Vault } from '../vault/vault'
import { safeAttachmentName } from './attachment-name'
import type { ImageKind } from './file-kind'
import { claimedImageKind, describeKind, preferredExtension, sniffImage } from './file-kind'
import { linkDestination } from '../../shared/markdown'
import { hrefBetween } from './attachment-links'

/**
 * Attachments live beside the entries that use them: `clients/<slug>/attachments/`
 * for a client's entries, `attachments/` at the top for the unfiled journal —
 * so every entry links them as `../attachments/<name>`, whichever journal it
 * is in. They are written through the vault's file layer like entries, so an
 * encrypted vault encrypts them and their names.
 */
export const ATTACHMENTS_DIR = 'attachments'

/** Bigger files are refused before they are read: a journal keeps photos and documents, not videos or disk images. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export const tooBigForAttachment = (size: number): string => `it is ${megabytes(size)}; Rapport keeps attachments up to ${megabytes(MAX_ATTACHMENT_BYTES)}`

/** The vault folder where attachments of entries of this client (null: the unfiled journal) are kept. */
export function attachmentsFolderOf(vault: Vault, clientId: string | null): string {
  if (clientId === null) return ATTACHMENTS_DIR
  return posix.join(posix.dirname(vault.clients.journalOf(clientId)), ATTACHMENTS_DIR)
}

/** What a file to attach turned out to be: an image (by its bytes), or any other file. */
export type AttachmentKind = { kind: 'image'; image: ImageKind } | { kind: 'file' }

/**
 * Checks a file before it is kept: not too big, and a name that claims an
 * image (`.png`) holds that image — or another of the five — and not
 * something else dressed as one. Throws a RapportError in words.
 */
export function checkAttachment(name: string, bytes: Uint8Array): AttachmentKind {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES)
    throw new RapportError('invalid-input', `"${shortName(name)}" was not attached: ${tooBigForAttachment(bytes.byteLength)}.`)
  const sniffed = sniffImage(bytes)
  const claimed = claimedImageKind(name)
  if (claimed && !sniffed)
    throw new RapportError(
      'invalid-input',
      `"${shortName(name)}" was not attached: its name says it is ${describeKind(claimed)}, but its contents are not an image.`
    )
  return sniffed ? { kind: 'image', image: sniffed } : { kind: 'file' }
}

export interface StoredAttachment {
  /** Vault path, forward slashes. */
  path: string
  name: string
  kind: AttachmentKind
}

/**
 * Keeps a file in an attachments folder under a safe, free name (an image's
 * extension from its bytes: a JPEG named `.png` is kept as `.jpg`). A file
 * with the same name and bytes already there is reused, not copied again.
 */
export async function storeAttachment(vault: Vault, folder: string, originalName: string, bytes: Uint8Array): Promise<StoredAttachment> {
  vault.assertWritable()
  const kind = checkAttachment(originalName, bytes)
  const { stem, extension } = safeAttachmentName(originalName, kind.kind === 'image' ? preferredExtension(kind.image) : undefined)
  const absoluteFolder = join(vault.root, folder)
  await ensureFolder(absoluteFolder)
  const taken = new Set((await readdir(absoluteFolder)).map((n) => n.toLowerCase()))
  for (let n = 1; ; n++) {
    const name = `${n === 1 ? stem : `${stem}-${n}`}${extension}`
    if (taken.has(name.toLowerCase())) {
      if (await sameBytes(join(absoluteFolder, name), bytes)) return { path: posix.join(folder, name), name, kind }
      continue
    }
    await writeLargeFileAtomic(join(absoluteFolder, name), bytes)
    return { path: posix.join(folder, name), name, kind }
  }
}

async function sameBytes(absolute: string, bytes: Uint8Array): Promise<boolean> {
  if (!exists(absolute)) return false
  if ((await stat(absolute)).size > MAX_ATTACHMENT_BYTES + 64) return false
  return Buffer.compare(await readLargeFile(absolute), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) === 0
}

/** The Markdown that shows or links a kept file from an entry: `![alt](../attachments/a.png)` or `[plan.pdf](../attachments/plan.pdf)`. */
export function attachmentMarkdown(entryPath: string, stored: StoredAttachment, label: string): string {
  const destination = linkDestination(hrefBetween(entryPath, stored.path))
  const text = label.replace(/[\\[\]]/g, '\\$&').replace(/[\r\n]+/g, ' ')
  return stored.kind.kind === 'image' ? `![${text}](${destination})` : `[${text}](${destination})`
}

const shortName = (name: string): string => {
  const last = name.split(/[/\\]/).pop() ?? name
  return last.length > 80 ? `${last.slice(0, 79)}…` : last
}
