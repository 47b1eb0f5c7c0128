import { writeFile } from 'node:fs/promises'
import { dirname, join, posix } from 'node:path'
import type { TransferProblem } from '../../shared/contract/transfer'
import { localLinks, resolveLocalHref } from '../attachments/attachment-links'
import { isConfinedFile } from '../attachments/vault-image'
import { ensureFolder } from '../fs/ensure-folder'
import { readLargeFile } from '../fs/large-files'
import { readFile } from '../fs/vault-files'
import type { Vault } from '../vault/vault'
import { linkDestination } from '../../shared/markdown'
import type { ExportLayout } from './export-plan'
import type { TargetFolder } from './target-folder'

/**
 * The files an exported entry links (its pictures, its PDFs) go out with it,
 * where its relative links already point: an entry at
 * `Northwind/entries/x.md` links `../attachments/a.png`, so the file is
 * copied to `Northwind/attachments/a.png` and the Markdown needs no change.
 * Read through the vault's file layer, so an encrypted vault's files come
 * out decrypted (the person said yes to a plain export). A link that would
 * land outside the export folder (a dossier at the top) is reported.
 */
export async function exportAttachments(
  vault: Vault,
  layout: ExportLayout,
  target: TargetFolder,
  overwrite: boolean
): Promise<{ written: number; skipped: TransferProblem[] }> {
  const outcome = { written: 0, skipped: [] as TransferProblem[] }
  const copied = new Set<string>()
  for (const file of layout.files) {
    const entries = file.kind === 'entry' ? [file.entry] : file.kind === 'dossier' ? file.entries : []
    for (const entry of entries) {
      const text = await readFile(join(vault.root, entry.path), 'utf8').catch(() => '')
      for (const link of localLinks(text)) {
        const source = resolveLocalHref(entry.path, link.href)
        if (source === null || /\.(md|markdown)$/i.test(link.href)) continue
        const destination = posix.normalize(posix.join(posix.dirname(file.path), link.href))
        if (copied.has(destination)) continue
        copied.add(destination)
        if (destination.startsWith('../') || posix.isAbsolute(destination)) {
          outcome.skipped.push({
            path: file.path,
            reason: `"${link.href}" is not in this export: from ${file.path} it would lie outside the export folder (export the client as a folder to take it along)`
          })
          continue
        }
        if (!(await isConfinedFile(vault.root, join(vault.root, source)))) continue // missing: doctor reports it
        const written = await target.write(destination, await readLargeFile(join(vault.root, source)), overwrite)
        if (written === 'written') outcome.written++
        else outcome.skipped.push({ path: destination, reason: 'a file with this name is already in the export folder; it was not replaced' })
      }
    }
  }
  return outcome
}

/**
 * One entry exported to a file a person chose: the files it links are
 * copied into `attachments/` beside that file, and the exported copy's links
 * rewritten to point there (`../attachments/a.png` → `attachments/a.png`).
 * Returns the text to write.
 */
export async function exportEntryWithAttachments(vault: Vault, entryPath: string, text: string, exportedFile: string): Promise<string> {
  let result = text
  const folder = join(dirname(exportedFile), 'attachments')
  for (const link of localLinks(text)) {
    const source = resolveLocalHref(entryPath, link.href)
    if (source === null || /\.(md|markdown)$/i.test(link.href)) continue
    if (!(await isConfinedFile(vault.root, join(vault.root, source)))) continue
    const name = posix.basename(source)
    await ensureFolder(folder)
    await writeFile(join(folder, name), await readLargeFile(join(vault.root, source)))
    const written = linkDestination(`attachments/${name}`)
    for (const form of new Set([link.href, linkDestination(link.href), encodeURI(link.href)]))
      result = result.split(`](${form})`).join(`](${written})`).split(`](<${form}>)`).join(`](${written})`)
  }
  return result
}
