import slugify from '@sindresorhus/slugify'

/** Names Windows refuses for a file or folder, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

/** Bytes, not characters: file systems limit names in bytes (255 on most), and a path has a total limit too. */
export const MAX_SLUG_BYTES = 64

/**
 * A readable, lower-case name for a file or folder, safe on Windows, macOS
 * and Linux, from any text a person typed: `../x` → `x`, `CON` → `con-1`,
 * `Café Ünïcødé` → `cafe-uenicode`, `北京 Partners` → `北京-partners`.
 * Words that have no ASCII spelling are kept as they are (NFC) rather than
 * dropped, so a name in any script stays recognisable.
 */
export function safeSlug(text: string, fallback: string): string {
  const words = slugify(text.normalize('NFC'), { transliterate: false }).split('-').filter(Boolean)
  const slug = words.map((word) => slugify(word) || word).join('-')
  const limited = truncateToBytes(slug, MAX_SLUG_BYTES).replace(/-+$/, '')
  const base = limited || fallback
  return WINDOWS_RESERVED.test(base) ? `${base}-1` : base
}

/** Cuts a string to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0
  let end = 0
  for (const char of text) {
    const size = Buffer.byteLength(char)
    if (bytes + size > maxBytes) break
    bytes += size
    end += char.length
  }
  return text.slice(0, end)
}

/**
 * The first of `base`, `base-2`, `base-3`, … that `isTaken` says is free.
 * Comparison is the caller's: pass a case-insensitive check for folders that
 * may live on a case-insensitive disk.
 */
export function uniqueName(base: string, isTaken: (candidate: string) => boolean, extension = ''): string {
  for (let n = 1; ; n++) {
    const candidate = `${n === 1 ? base : `${base}-${n}`}${extension}`
    if (!isTaken(candidate)) return candidate
  }
}
