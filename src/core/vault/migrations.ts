import { dirname, join } from 'node:path'
import { exists, readdir, readFile } from '../fs/vault-files'
import { copyFile } from '../fs/vault-moves'
import { ensureFolder } from '../fs/ensure-folder'
import { writeFileAtomic } from '../fs/atomic-write'
import { formatJson } from '../fs/durable-json-file'
import { layout, toVaultPath } from '../fs/layout'

/**
 * How to bring a vault written by an older Rapport up to the current format.
 * Each step names the files it may change; they are copied to
 * `.rapport/backups/format-<from>-<time>/` before anything is written.
 */
interface Migration {
  from: number
  to: number
  summary: string
  files(root: string): Promise<string[]>
  run(root: string): Promise<void>
}

const clientFiles = async (root: string): Promise<string[]> => {
  const dir = join(root, layout.clientsDir)
  if (!exists(dir)) return []
  const folders = await readdir(dir, { withFileTypes: true })
  return folders
    .filter((f) => f.isDirectory() && exists(join(dir, f.name, layout.clientFile)))
    .map((f) => toVaultPath(layout.clientsDir, f.name, layout.clientFile))
}

async function updateJson(root: string, path: string, change: (data: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(join(root, path), 'utf8'))
  } catch {
    return // A broken file is left exactly as it is; doctor reports it.
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return
  await writeFileAtomic(join(root, path), formatJson(change(data as Record<string, unknown>)))
}

export const migrations: readonly Migration[] = [
  {
    // The first preview builds wrote rapport.json and client.json without a "format" number.
    from: 0,
    to: 1,
    summary: 'records the format number in rapport.json and in every client.json',
    files: async (root) => [layout.manifest, ...(await clientFiles(root))],
    async run(root) {
      for (const path of await clientFiles(root)) await updateJson(root, path, (data) => ({ format: 1, ...data }))
      await updateJson(root, layout.manifest, (data) => ({ ...data, format: 1, settings: data.settings ?? {} }))
    }
  }
]

export interface MigrationResult {
  from: number
  to: number
  backup: string
  steps: string[]
}

/** Runs every migration from `format` up to `target`, after backing up the files they touch. */
export async function migrateVault(root: string, format: number, target: number, now = new Date()): Promise<MigrationResult> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  const backup = toVaultPath(layout.appDir, 'backups', `format-${format}-${stamp}`)
  const steps: string[] = []
  let current = format
  while (current < target) {
    const step = migrations.find((m) => m.from === current)
    if (!step) throw new Error(`Rapport does not know how to update a vault from format ${current}.`)
    for (const path of await step.files(root)) {
      await ensureFolder(join(root, backup, dirname(path)))
      await copyFile(join(root, path), join(root, backup, path))
    }
    await step.run(root)
    steps.push(`format ${step.from} → ${step.to}: ${step.summary}`)
    current = step.to
  }
  return { from: format, to: current, backup, steps }
}
