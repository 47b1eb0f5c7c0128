import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileAtomic } from '../fs/atomic-write'
import { ensureFolder } from '../fs/ensure-folder'
import type { Clock } from '../relationship/viewpoint'
import { viewpointOf } from '../relationship/viewpoint'
import type { ClientData } from '../relationship/stored-client'
import type { Vault } from '../vault/vault'
import { calendarFeed } from './feed'
import { feedBlocked, reminderSettings } from './reminder-settings'

export interface FeedWrite {
  path: string
  events: number
  /** False when the file already held exactly these bytes. */
  written: boolean
}

export const readableClients = (vault: Vault): ClientData[] =>
  vault.clients.list().flatMap((record) => (record.data ? [{ id: record.id, name: record.data.name, data: record.data }] : []))

/** Writes `text` to `path` atomically, unless the file already holds it. */
export async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const before = await readFile(path, 'utf8').catch(() => null)
  if (before === text) return false
  await ensureFolder(dirname(path))
  await writeFileAtomic(path, text)
  return true
}

export const countEvents = (feed: string): number => feed.split('\r\nBEGIN:VEVENT\r\n').length - 1

/**
 * Keeps the feed file up to date: `refresh()` after a change writes it when
 * it is on (and allowed), one write at a time; `writeTo()` writes it once,
 * anywhere, on or off (the command line's `rapport calendar --out`).
 */
export class CalendarFeedFile {
  private running: Promise<unknown> = Promise.resolve()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock
  ) {}

  settings() {
    return reminderSettings(this.vault.settings(), this.vault.root, this.vault.encrypted)
  }

  text(): string {
    const { settings } = viewpointOf(this.vault, this.clock)
    return calendarFeed(readableClients(this.vault), { detail: this.settings().calendarDetail, timeZone: settings.timeZone }, settings.quietAfterDays)
  }

  async writeTo(path: string): Promise<FeedWrite> {
    const text = this.text()
    return { path, events: countEvents(text), written: await writeIfChanged(path, text) }
  }

  /** Writes the feed where the settings say, when it is on; null when it is off or not allowed. */
  refresh(): Promise<FeedWrite | null> {
    const next = this.running.then(async () => {
      const settings = this.settings()
      if (feedBlocked(settings, this.vault.root) !== null || this.vault.info().readOnly) return null
      return this.writeTo(settings.calendarPath)
    })
    // A failed write (a full disk, a folder gone) must not stop the next one; the Settings' "Write now" shows the error.
    this.running = next.catch(() => null)
    return next
  }

  /** After changes made elsewhere (a rename, an edit on disk): one refresh shortly after, not one per change. */
  soon(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.refresh().catch(() => null)
    }, 300)
    this.timer.unref?.()
  }
}
