import { readFile } from './vault-files'
import type { Adapter } from 'lowdb'
import { RapportError } from '../errors'
import { writeFileAtomic } from './atomic-write'

/** Two-space JSON with a final newline: readable, diff-friendly, what people write by hand. */
export const formatJson = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`

/**
 * A lowdb adapter for the vault's JSON files that keeps the vault's promises:
 * - writes are atomic and durable (temp file, fsync, rename, folder fsync);
 * - a write that would not change the bytes on disk does not happen;
 * - if the file changed on disk since it was read (a sync tool, a person with
 *   a text editor), the write is refused with a `conflict` error instead of
 *   overwriting their change;
 * - a file that is not valid JSON is reported as `broken-file` and never written over.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** The exact text last read from or written to disk; null when the file did not exist. */
  private known: string | null = null

  constructor(
    readonly path: string,
    readonly relativePath: string
  ) {}

  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.path)
    this.known = text
    if (text === null) return null
    try {
      return JSON.parse(text) as T
    } catch (error) {
      throw new RapportError(
        'broken-file',
        `${this.relativePath} is not valid JSON (${(error as Error).message}). Rapport will not change it; fix it by hand or run "rapport doctor".`,
        this.relativePath
      )
    }
  }

  async write(data: T): Promise<void> {
    const text = formatJson(data)
    if (text === this.known) return
    const onDisk = await readTextIfExists(this.path)
    if (onDisk !== this.known) {
      throw new RapportError(
        'conflict',
        `${this.relativePath} was changed by another program since Rapport read it. Nothing was overwritten; reload to see the change.`,
        this.relativePath
      )
    }
    await writeFileAtomic(this.path, text)
    this.known = text
  }
}

export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
