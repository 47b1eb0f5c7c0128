import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, posix } from 'node:path'
import type { HandlersFor } from '../../shared/api'
import type { attachmentsContract, EntryAttachment } from '../../shared/contract/attachments'
import { RapportError } from '../errors'
import { readLargeFile } from '../fs/large-files'
import { physicalPath, stat } from '../fs/vault-files'
import { confirmPlainOutput } from '../security/plain-output'
import type { ShellPorts } from '../shell-ports'
import type { Vault } from '../vault/vault'
import { localLinks, resolveLocalHref } from './attachment-links'
import { attachmentMarkdown, attachmentsFolderOf, storeAttachment } from './attachment-store'
import { claimedImageKind } from './file-kind'
import { isConfinedFile } from './vault-image'

export function attachmentHandlers(vault: Vault, shell: ShellPorts): HandlersFor<typeof attachmentsContract> {
  const entryOf = (id: string): { path: string; clientId: string | null } => {
    const entry = vault.entries.withVersion(id)
    if (!entry) throw new RapportError('not-found', 'That entry is no longer in the vault.')
    return entry
  }
  return {
    'attachments:add': async ({ entryId, name, data }) => {
      const entry = entryOf(entryId)
      const bytes = Buffer.from(data, 'base64')
      const stored = await storeAttachment(vault, attachmentsFolderOf(vault, entry.clientId), name, bytes)
      const markdown = attachmentMarkdown(entry.path, stored, stored.kind.kind === 'image' ? stored.name.replace(/\.[^.]+$/, '') : stored.name)
      return { markdown, href: posix.relative(posix.dirname(entry.path), stored.path), image: stored.kind.kind === 'image' }
    },
    'attachments:list': async ({ entryId }) => {
      const entry = entryOf(entryId)
      return entryAttachments(vault, entry.path, await vault.entries.text(entryId))
    },
    'attachments:open': async ({ entryId, href, plainConfirmed }) => {
      const entry = entryOf(entryId)
      const path = resolveLocalHref(entry.path, href)
      const absolute = path === null ? null : join(vault.root, path)
      if (absolute === null || !(await isConfinedFile(vault.root, absolute)))
        throw new RapportError('not-found', `"${href}" is not a file of this vault, so it was not opened.`)
      if (!shell.openPath) throw new RapportError('invalid-input', 'Files can only be opened from the app window.')
      if (!vault.encrypted) return (await shell.openPath(physicalPath(absolute)), null)
      // The system's app cannot read a sealed file: a clear copy is made, only with the person's yes.
      confirmPlainOutput(vault, plainConfirmed, `"${basename(absolute)}"`)
      const folder = await mkdtemp(join(tmpdir(), 'rapport-open-'))
      const copy = join(folder, basename(absolute))
      await writeFile(copy, await readLargeFile(absolute))
      await shell.openPath(copy)
      return null
    }
  }
}

/** The local files an entry's Markdown links, each with whether the vault has it. */
export async function entryAttachments(vault: Vault, entryPath: string, markdown: string): Promise<EntryAttachment[]> {
  const found: EntryAttachment[] = []
  for (const link of localLinks(markdown)) {
    if (/\.(md|markdown)$/i.test(link.href)) continue // a link to another note, not an attachment
    const path = resolveLocalHref(entryPath, link.href)
    const name = link.href.split('/').pop() ?? link.href
    const present = path !== null && (await isConfinedFile(vault.root, join(vault.root, path)))
    const item: EntryAttachment = { href: link.href, name, image: link.image || claimedImageKind(name) !== null, present }
    if (present && path !== null) {
      item.size = (await stat(join(vault.root, path))).size
    }
    found.push(item)
  }
  return found
}
