import { dirname } from 'node:path'
import { z } from 'zod'
import { formatJson, readTextIfExists } from '../fs/durable-json-file'
import { writeFileAtomic } from '../fs/atomic-write'
import { ensureFolder } from '../fs/ensure-folder'
import type { WindowMemory } from './window-bounds'

/**
 * The app's own settings, about this computer rather than a vault (the
 * window's size and place on these displays), in `settings.json` in the
 * app's user-data folder. Anything else in the file is kept as it is; a file
 * that cannot be read counts as empty and is not written over.
 */
export const APP_SETTINGS_FILE = 'settings.json'

const rect = z.object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() })
const savedWindow = z.object({ bounds: rect, maximized: z.boolean().catch(false), fullScreen: z.boolean().catch(false) })
const windowMemory = z.object({
  last: savedWindow.optional().catch(undefined),
  byArrangement: z
    .record(z.string(), z.unknown())
    .transform((all) =>
      Object.fromEntries(
        Object.entries(all).flatMap(([key, value]) => {
          const parsed = savedWindow.safeParse(value)
          return parsed.success ? [[key, parsed.data] as const] : []
        })
      )
    )
    .optional()
    .catch(undefined)
})

export interface AppSettings {
  window: WindowMemory | null
}

type Json = Record<string, unknown>

export class AppSettingsFile {
  /** What the file held when last read or written; null when it could not be read (then nothing is written over it). */
  private known: Json | null = null

  constructor(readonly path: string) {}

  async read(): Promise<AppSettings> {
    let text: string | null
    try {
      text = await readTextIfExists(this.path)
    } catch {
      return { window: null }
    }
    let data: unknown = {}
    try {
      data = text === null ? {} : JSON.parse(text)
    } catch {
      return { window: null }
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { window: null }
    this.known = data as Json
    const window = windowMemory.safeParse((data as Json).window)
    return { window: window.success ? window.data : null }
  }

  /** Saves the window's memory, keeping every other field; an unreadable file is left alone. */
  async saveWindow(window: WindowMemory): Promise<void> {
    if (this.known === null) await this.read()
    if (this.known === null) return
    const next = { ...this.known, window }
    const text = formatJson(next)
    if (text === formatJson(this.known)) return
    await ensureFolder(dirname(this.path))
    await writeFileAtomic(this.path, text)
    this.known = next
  }
}
