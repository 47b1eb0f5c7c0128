import { join } from 'node:path'
import { exists } from '../fs/vault-files'
import { Low } from 'lowdb'
import { DurableJsonFile } from '../fs/durable-json-file'
import { layout } from '../fs/layout'

/** The vault format this Rapport reads and writes. A vault with a newer one opens read-only. */
export const VAULT_FORMAT = 1

export interface Manifest {
  format: number
  createdAt: string
  settings: Record<string, unknown>
  [unknown: string]: unknown
}

export type ManifestState =
  | { kind: 'ok'; manifest: Manifest; created: boolean; db: Low<Manifest> }
  | { kind: 'newer'; manifest: Manifest }
  | { kind: 'older'; format: number }
  | { kind: 'broken'; reason: string }

/** Reads `rapport.json`, creating it (and so marking the folder as a vault) when there is none yet. */
export async function openManifest(root: string, now = new Date()): Promise<ManifestState> {
  const path = join(root, layout.manifest)
  const fresh: Manifest = { format: VAULT_FORMAT, createdAt: now.toISOString(), settings: {} }
  const db = new Low<Manifest>(new DurableJsonFile(path, layout.manifest), fresh)
  if (!exists(path)) {
    await db.write()
    return { kind: 'ok', manifest: db.data, created: true, db }
  }
  try {
    await db.read()
  } catch (error) {
    return { kind: 'broken', reason: (error as Error).message }
  }
  const data = db.data as Partial<Manifest> | null
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'broken', reason: `${layout.manifest} is not a JSON object` }
  // Preview builds wrote no format number: that is format 0, which opening migrates.
  const format = data.format ?? 0
  if (typeof format !== 'number') return { kind: 'broken', reason: `${layout.manifest}: "format" is not a number` }
  if (format < VAULT_FORMAT) return { kind: 'older', format }
  if (format > VAULT_FORMAT) return { kind: 'newer', manifest: db.data }
  return { kind: 'ok', manifest: db.data, created: false, db }
}
