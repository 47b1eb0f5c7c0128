import iconv from 'iconv-lite'

/**
 * The one place where bytes become text. Everything Rapport writes is UTF-8;
 * text from elsewhere (an import, a pipe, a file repaired by doctor) is read
 * strictly, so nothing is silently turned into replacement characters.
 *
 * Windows-1252 goes through iconv-lite, not TextDecoder: Node's
 * TextDecoder('windows-1252') decodes as Latin-1 unless Node was built with
 * full ICU, turning “ ” – € … (bytes 0x80–0x9F) into invisible C1 control
 * characters.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** UTF-8 text, a leading byte order mark dropped; null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes)
  } catch {
    return null
  }
}

/** Windows-1252 (which Latin-1 files also read correctly as): every byte is a character. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252')
}

/** Bytes in a named charset (a vCard's `CHARSET=` parameter); null when iconv-lite does not know the charset. */
export function decodeCharset(bytes: Uint8Array, charset: string): string | null {
  const name = charset.trim().toLowerCase()
  // A value labelled UTF-8 that is not is, in practice, Windows-1252 from an old exporter.
  if (name === 'utf-8' || name === 'utf8') return decodeUtf8(bytes) ?? decodeWindows1252(bytes)
  if (name === 'windows-1252' || name === 'cp1252') return decodeWindows1252(bytes)
  return iconv.encodingExists(name) ? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name) : null
}

/**
 * UTF-16 when it says so with its byte order mark, else UTF-8, else — only
 * when the person asked for it — Windows-1252; null when it is not UTF-8 and
 * they did not.
 */
export function decodeText(bytes: Uint8Array, options: { windows1252: boolean }): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return decodeUtf8(bytes) ?? (options.windows1252 ? decodeWindows1252(bytes) : null)
}

/** NUL never appears in text a person wrote; where it does, the "text" is a binary file. */
export const looksBinary = (text: string): boolean => text.includes('\u0000')
