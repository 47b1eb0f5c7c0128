/**
 * What a file really is, from its first bytes, never from its name: a file
 * called `photo.png` that holds HTML or a program is not shown as an image.
 * Only the four raster formats every browser shows and SVG (shown inertly,
 * through `<img>`, where scripts never run) count as images. The signatures
 * are the formats' own (PNG spec §5.2, JFIF/EXIF SOI marker, GIF87a/89a, RIFF
 * WEBP); four formats do not need a library.
 */
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg'

export const IMAGE_MEDIA_TYPES: Readonly<Record<ImageKind, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml'
}

/** The extensions each kind may carry; the first is the one Rapport writes. */
const EXTENSIONS: Readonly<Record<ImageKind, readonly string[]>> = {
  png: ['png'],
  jpeg: ['jpg', 'jpeg', 'jfif'],
  gif: ['gif'],
  webp: ['webp'],
  svg: ['svg']
}

export const preferredExtension = (kind: ImageKind): string => EXTENSIONS[kind][0] ?? kind

/** The image kind a file name claims by its extension, or null for a name that claims no image. */
export function claimedImageKind(name: string): ImageKind | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase()
  if (!extension) return null
  for (const [kind, list] of Object.entries(EXTENSIONS) as Array<[ImageKind, readonly string[]]>) if (list.includes(extension)) return kind
  return null
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((b, i) => bytes[at + i] === b)

/** The image kind the bytes are, or null when they are not one of the five. Reads at most the first 1 KB. */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  return looksLikeSvg(bytes) ? 'svg' : null
}

/** An SVG is XML text whose first element is `<svg` (after an optional BOM, XML declaration, comments and doctype). */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '')
  const rest = head.replace(/^\s*(<\?xml[^>]*\?>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*/i, '')
  return /^<svg[\s>]/i.test(rest)
}

/** In words, for a message: "a PNG image", "an SVG drawing". */
export function describeKind(kind: ImageKind): string {
  return kind === 'svg' ? 'an SVG drawing' : `a ${kind.toUpperCase()} image`
}
