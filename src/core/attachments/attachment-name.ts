import { safeSlug } from '../fs/safe-name'

/** Longest extension kept from a name (`.numbers`, `.xlsx`); anything longer is not an extension a person relies on. */
const MAX_EXTENSION = 10

/**
 * A safe file name for an attachment from whatever name came with it (a
 * pasted file, an Obsidian embed, a Day One photo): the last path segment
 * only (so `../../etc/passwd` and `C:\x\y.png` lose their folders), the stem
 * as a slug (no `CON`, no trailing dot, no control characters, at most 64
 * bytes), and the extension lower-cased, letters and digits only. `extension`
 * replaces the name's own (an image's is taken from its bytes).
 */
export function safeAttachmentName(original: string, extension?: string): { stem: string; extension: string } {
  const last = original.split(/[/\\]/).pop() ?? ''
  const match = /^([\s\S]*?)(?:\.([A-Za-z0-9]{1,10}))?$/.exec(last.normalize('NFC'))
  const stem = safeSlug(match?.[1] ?? '', 'attachment')
  const own = (match?.[2] ?? '').toLowerCase()
  const chosen = (extension ?? own)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, MAX_EXTENSION)
  return { stem, extension: chosen ? `.${chosen}` : '' }
}
