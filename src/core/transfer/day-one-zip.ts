import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'

/**
 * A zip read with limits, for Day One's export: the central directory is
 * read first (names and sizes only), and a file is inflated only when asked
 * for, as a stream counted byte by byte. yauzl refuses names with `..`
 * segments or an absolute path, and checks every file's real size against
 * the size the directory declares; on top of that, a file bigger than its
 * limit, a zip holding more than MAX_FILES, or more than MAX_TOTAL_BYTES in
 * all, is refused before anything is inflated. Nothing is ever written from
 * the zip by name: callers choose their own names.
 */
export const ZIP_LIMITS = {
  maxFiles: 50_000,
  /** Everything inside, inflated. */
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  /** A compression ratio no real journal or photo reaches; a zip bomb does. */
  maxRatio: 200
} as const

export class ZipProblem extends Error {}

export interface OpenZip {
  /** Every file (not folder), by its name inside the zip. */
  files: ReadonlyMap<string, Entry>
  /** The file's bytes, refused beyond `limit` bytes (declared or actual). */
  read(entry: Entry, limit: number): Promise<Buffer>
  close(): void
}

const openZipFile = (path: string): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(new ZipProblem(zipWords(error))) : resolve(zip)
    )
  )

export async function openZip(path: string): Promise<OpenZip> {
  const zip = await openZipFile(path)
  const files = new Map<string, Entry>()
  try {
    await new Promise<void>((resolve, reject) => {
      let total = 0
      zip.on('entry', (entry: Entry) => {
        if (files.size >= ZIP_LIMITS.maxFiles)
          return reject(new ZipProblem(`it holds more than ${ZIP_LIMITS.maxFiles.toLocaleString('en')} files, which no journal export does`))
        total += entry.uncompressedSize
        if (total > ZIP_LIMITS.maxTotalBytes) return reject(new ZipProblem('it would unpack to more than 4 GB, which no journal export does (a "zip bomb"?)'))
        if (!entry.fileName.endsWith('/')) files.set(entry.fileName.replace(/\\/g, '/'), entry)
        zip.readEntry()
      })
      zip.on('end', () => resolve())
      zip.on('error', (error: Error) => reject(new ZipProblem(zipWords(error))))
      zip.readEntry()
    })
  } catch (error) {
    zip.close()
    throw error
  }

  return {
    files,
    close: () => zip.close(),
    read: (entry, limit) =>
      new Promise((resolve, reject) => {
        const name = entry.fileName
        if (entry.uncompressedSize > limit)
          return reject(new ZipProblem(`"${name}" would unpack to ${mb(entry.uncompressedSize)}, more than the ${mb(limit)} allowed`))
        if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > ZIP_LIMITS.maxRatio) {
          return reject(
            new ZipProblem(
              `"${name}" is compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} to 1, as only a "zip bomb" is; it was not unpacked`
            )
          )
        }
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(new ZipProblem(zipWords(error)))
          const chunks: Buffer[] = []
          let size = 0
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length
            // Never trusted alone: the declared size is checked again against what actually comes out.
            if (size > limit) {
              stream.destroy()
              reject(new ZipProblem(`"${name}" unpacks to more than the ${mb(limit)} allowed`))
            } else chunks.push(chunk)
          })
          stream.on('error', (streamError: Error) => reject(new ZipProblem(`"${name}" could not be unpacked: ${zipWords(streamError)}`)))
          stream.on('end', () => resolve(Buffer.concat(chunks)))
        })
      })
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** yauzl's messages, in words a person can act on. */
function zipWords(error: Error | null | undefined): string {
  const message = error?.message ?? 'unknown error'
  if (/invalid relative path|absolute path/i.test(message))
    return `it holds a file whose name leads outside the folder it unpacks into (${message.replace(/^.*?: /, '')}); such a zip is not read`
  if (/end of central directory record signature not found/i.test(message)) return 'it is not a zip file (or it is cut short)'
  if (/too many length or distance symbols|invalid|unexpected/i.test(message)) return `it is damaged (${message})`
  return message
}
