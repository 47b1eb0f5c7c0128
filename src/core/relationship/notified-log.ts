import { dirname, join } from 'node:path'
import { mkdir } from '../fs/vault-files'
import { Low } from 'lowdb'
import { DurableJsonFile } from '../fs/durable-json-file'
import { layout, toVaultPath } from '../fs/layout'

/** A record older than this cannot stop anything any more (keys name a day), so it is dropped. */
export const KEEP_NOTIFIED_DAYS = 60

interface NotifiedFile {
  format: 1
  /** Notification key → when it was shown (ISO timestamp). */
  notified: Record<string, string>
}

export const notifiedPath = toVaultPath(layout.appDir, 'notified.json')

/**
 * Which desktop notifications were already shown, in `.rapport/notified.json`
 * so a restart does not repeat them. It is the app's own state, not the
 * user's: when it cannot be read or written, the notifications shown in this
 * session are still remembered in memory and nothing fails.
 */
export class NotifiedLog {
  private readonly file: string
  private readonly db: Low<NotifiedFile>
  private readonly memory = new Map<string, string>()

  constructor(
    root: string,
    private readonly writable: () => boolean
  ) {
    this.file = join(root, notifiedPath)
    this.db = new Low<NotifiedFile>(new DurableJsonFile(this.file, notifiedPath), { format: 1, notified: {} })
  }

  /** Every key shown before (on disk or in this session). */
  async keys(): Promise<Set<string>> {
    const onDisk = await this.read()
    return new Set([...Object.keys(onDisk), ...this.memory.keys()])
  }

  /** Remembers `keys` as shown at `now`, and forgets what is older than 60 days. */
  async record(keys: readonly string[], now: Date): Promise<void> {
    const cutoff = now.getTime() - KEEP_NOTIFIED_DAYS * 86_400_000
    const recent = (entries: Iterable<[string, string]>) => [...entries].filter(([, at]) => Date.parse(at) >= cutoff)
    for (const key of keys) this.memory.set(key, now.toISOString())
    for (const [key] of [...this.memory].filter(([, at]) => Date.parse(at) < cutoff)) this.memory.delete(key)
    if (!this.writable()) return
    try {
      const merged = Object.fromEntries(recent([...Object.entries(await this.read()), ...this.memory]))
      this.db.data = { format: 1, notified: merged }
      await mkdir(dirname(this.file), { recursive: true })
      await this.db.write()
    } catch {
      // Kept in memory for this session; the next start may repeat a notification, which is harmless.
    }
  }

  private async read(): Promise<Record<string, string>> {
    try {
      await this.db.read()
    } catch {
      return {}
    }
    const notified: unknown = this.db.data?.notified
    if (typeof notified !== 'object' || notified === null) return {}
    return Object.fromEntries(Object.entries(notified).filter((e): e is [string, string] => typeof e[1] === 'string'))
  }
}
