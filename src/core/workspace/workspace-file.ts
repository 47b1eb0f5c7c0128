import { dirname, join } from 'node:path'
import { Low } from 'lowdb'
import type { Workspace } from '../../shared/contract/workspace'
import { workspaceSchema } from '../../shared/contract/workspace'
import { DurableJsonFile } from '../fs/durable-json-file'
import { ensureFolder } from '../fs/ensure-folder'
import { layout, toVaultPath } from '../fs/layout'

export const workspacePath = toVaultPath(layout.appDir, 'workspace.json')

const nothing: Workspace = { view: null, clientId: null, entryId: null, journalPaneWidth: null }

type Stored = Partial<Record<keyof Workspace, unknown>> & Record<string, unknown>

/**
 * Where the person left off (see the `Workspace` contract), in
 * `.rapport/workspace.json`. It is the app's own state: a value that does not
 * make sense reads as "nothing kept", fields it does not know are kept, a file
 * that is not JSON is left alone, and a failure costs only the next start's
 * restore, never an error the person sees. An unchanged value is not written.
 */
export class WorkspaceFile {
  private readonly path: string
  private readonly db: Low<Stored>
  /** What this session was told, for a vault where nothing can be written. */
  private memory: Workspace = nothing

  constructor(
    root: string,
    private readonly writable: () => boolean
  ) {
    this.path = join(root, workspacePath)
    this.db = new Low<Stored>(new DurableJsonFile(this.path, workspacePath), {})
  }

  async read(): Promise<Workspace> {
    if (!this.writable()) return this.memory
    const stored = (await this.stored()) ?? {}
    const kept: Record<keyof Workspace, unknown> = { ...nothing }
    for (const key of Object.keys(nothing) as (keyof Workspace)[]) {
      const field = workspaceSchema.shape[key].safeParse(stored[key] ?? null)
      if (field.success) kept[key] = field.data
    }
    return kept as Workspace
  }

  async update(patch: Partial<Workspace>): Promise<void> {
    this.memory = { ...this.memory, ...patch }
    if (!this.writable()) return
    const stored = await this.stored()
    if (stored === null) return
    try {
      this.db.data = { format: 1, ...stored, ...patch }
      await ensureFolder(dirname(this.path))
      await this.db.write()
    } catch {
      // Only the next start's restore is lost; the person's work is not touched.
    }
  }

  /** The file's object ({} when there is none); null when it cannot be read or is not a JSON object, so it is not written over. */
  private async stored(): Promise<Stored | null> {
    try {
      await this.db.read()
    } catch {
      return null
    }
    const data: unknown = this.db.data
    if (data === null || data === undefined) return {}
    return typeof data === 'object' && !Array.isArray(data) ? (data as Stored) : null
  }
}
