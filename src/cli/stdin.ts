import { decodeText, decodeUtf8, looksBinary } from '../core/fs/text-encoding'
import { CliError } from './cli-error'
import type { Io } from './output'

/**
 * What was piped in, as text, or an error that says why not: nothing is
 * written from bytes that are not text. Invalid UTF-8 is refused rather than
 * saved as replacement characters (`--windows-1252` reads it as that, where
 * a command offers it), and NUL bytes mean a binary file, not a note.
 */
export function stdinText(bytes: Uint8Array, options: { windows1252?: boolean; offerWindows1252?: boolean } = {}): string {
  const text = options.windows1252 ? decodeText(bytes, { windows1252: true }) : decodeUtf8(bytes)
  if (text === null) {
    const offer = options.offerWindows1252
      ? ' If it comes from an older Windows program, add --windows-1252 to read it as Windows-1252.'
      : ' Convert it to UTF-8 first.'
    throw new CliError(`Standard input is not UTF-8 text, so nothing was written.${offer}`)
  }
  if (looksBinary(text)) throw new CliError('Standard input contains NUL bytes: it is a binary file, not text, so nothing was written.')
  return text
}

/** Standard input as text for a command that offers --windows-1252; null when nothing was piped in. */
export async function readStdinText(io: Io, options: { windows1252: boolean }): Promise<string | null> {
  if (!io.readStdinBytes) return io.readStdin()
  const bytes = await io.readStdinBytes()
  return bytes && stdinText(bytes, { ...options, offerWindows1252: true })
}
