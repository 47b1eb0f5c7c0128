import type { HandlersFor } from '../../shared/api'
import type { transferContract } from '../../shared/contract/transfer'
import type { Clock } from '../relationship/viewpoint'
import { systemClock, viewpointOf } from '../relationship/viewpoint'
import type { ShellPorts } from '../shell-ports'
import type { Vault } from '../vault/vault'
import { existingFiles, exportTo } from './export'
import { planExport } from './export-plan'
import { planImport } from './import-plan'
import { previewOf } from './import-preview'
import { importNotes } from './import'
import { TargetFolder } from './target-folder'
import { TransferJobs } from './transfer-jobs'
import { confirmPlainOutput } from '../security/plain-output'

/**
 * Export and import through the contract. Each long job is registered so
 * `transfer:cancel` can stop it, and reports `transfer:progress` events.
 * When the renderer gives no paths, the shell's native dialog asks for a folder or for files.
 */
export function transferHandlers(
  vault: Vault,
  shell: ShellPorts,
  clock: Clock = systemClock,
  jobs: TransferJobs = new TransferJobs(shell)
): HandlersFor<typeof transferContract> {
  const timeZone = (): string => viewpointOf(vault, clock).settings.timeZone
  const askForSources = async (paths: string[] | undefined, choose: 'folder' | 'files'): Promise<string[] | null> => {
    if (paths?.length) return paths
    if (choose === 'files') {
      const files = await shell.chooseFiles({ title: 'Import Markdown notes', buttonLabel: 'Preview import', extensions: ['md', 'markdown'] })
      // A dialog that closes with nothing chosen is a cancel too, not an import of nothing.
      return files?.length ? files : null
    }
    const folder = await shell.chooseFolder({ title: 'Import Markdown notes from a folder', buttonLabel: 'Preview import' })
    return folder === null ? null : [folder]
  }

  return {
    'export:plan': async ({ scope, options, target }) => {
      const layout = await planExport(vault, scope, options)
      const folder = target === undefined ? null : await TargetFolder.open(target, vault.root, { create: false })
      const existing = new Set(folder ? await existingFiles(folder, layout) : [])
      return {
        target: folder?.root ?? null,
        files: layout.files.map((f) => ({ path: f.path, kind: f.kind, exists: existing.has(f.path) })),
        existing: existing.size,
        entries: layout.entries,
        clients: layout.clients,
        snapshots: layout.snapshots
      }
    },

    'export:run': async ({ scope, options, target, overwrite, jobId, plainConfirmed }) => {
      confirmPlainOutput(vault, plainConfirmed, 'the export')
      const chosen = target ?? (await shell.chooseFolder({ title: 'Export to a folder', buttonLabel: 'Export here' }))
      if (chosen === null) return null
      const job = jobs.start(jobId)
      try {
        const report = await exportTo(
          vault,
          { scope, options, target: chosen, overwrite },
          { signal: job.signal, onProgress: job.progress('writing'), timeZone: timeZone() }
        )
        return { jobId: job.id, ...report }
      } finally {
        job.finish()
      }
    },

    'import:preview': async ({ paths, choose, clientId, createClients, windows1252, jobId }) => {
      const sources = await askForSources(paths, choose)
      if (sources === null) return null
      const job = jobs.start(jobId)
      try {
        const plan = await planImport(
          vault,
          { paths: sources, clientId, createClients, windows1252 },
          { signal: job.signal, onProgress: (p) => job.progress(p.phase)(p) }
        )
        return previewOf(plan, vault)
      } finally {
        job.finish()
      }
    },

    'import:run': async ({ paths, choose, clientId, createClients, windows1252, duplicates, jobId }) => {
      vault.assertWritable()
      const sources = await askForSources(paths, choose)
      if (sources === null) return null
      const job = jobs.start(jobId)
      try {
        const outcome = await importNotes(
          vault,
          { paths: sources, clientId, createClients, windows1252 },
          { duplicates, signal: job.signal, onProgress: (p) => job.progress(p.phase)(p) }
        )
        return { jobId: job.id, ...outcome }
      } finally {
        job.finish()
      }
    },

    'transfer:cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) })
  }
}
