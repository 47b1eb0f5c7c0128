import type { HandlersFor } from '../../shared/api'
import type { contactsContract } from '../../shared/contract/contacts'
import { writeFileAtomic } from '../fs/atomic-write'
import { fileError } from '../errors'
import type { Clock } from '../relationship/viewpoint'
import { systemClock } from '../relationship/viewpoint'
import { confirmPlainOutput } from '../security/plain-output'
import type { ShellPorts } from '../shell-ports'
import { TransferJobs } from '../transfer/transfer-jobs'
import type { Vault } from '../vault/vault'
import { importContacts } from './contacts-import'
import { planContacts } from './contacts-plan'
import { clientCard, personCard, writeVcards } from './vcard-write'

/**
 * Contacts in and out through the contract. Previews and imports are
 * transfer jobs like the Markdown import's: `transfer:progress` events, and
 * `transfer:cancel` stops one (the jobs are shared with transfer/handlers.ts).
 */
export function contactsHandlers(
  vault: Vault,
  shell: ShellPorts,
  clock: Clock = systemClock,
  jobs: TransferJobs = new TransferJobs(shell)
): HandlersFor<typeof contactsContract> {
  return {
    'contacts:preview': async ({ paths, columns, jobId }) => {
      const chosen = paths?.length
        ? paths
        : await shell.chooseFiles({ title: 'Import contacts', buttonLabel: 'Preview import', extensions: ['vcf', 'vcard', 'csv'] })
      if (!chosen?.length) return null
      const job = jobs.start(jobId)
      try {
        return (await planContacts(vault, { paths: chosen, columns }, { signal: job.signal, onProgress: (p) => job.progress(p.phase)(p) })).preview
      } finally {
        job.finish()
      }
    },

    'contacts:import': async ({ paths, columns, choices, jobId }) => {
      vault.assertWritable()
      const job = jobs.start(jobId)
      try {
        const outcome = await importContacts(vault, { paths, columns }, choices, {
          signal: job.signal,
          onProgress: (p) => job.progress(p.phase)(p),
          now: clock.now()
        })
        return { jobId: job.id, ...outcome }
      } finally {
        job.finish()
      }
    },

    'contacts:export': async ({ clientIds, target, plainConfirmed }) => {
      confirmPlainOutput(vault, plainConfirmed, 'the contacts file')
      const wanted = clientIds === undefined ? null : new Set(clientIds)
      const records = vault.clients.list().filter((r) => r.data && (wanted === null || wanted.has(r.id)))
      if (wanted) for (const id of wanted) vault.clients.get(id)
      const path = target ?? (await shell.chooseSavePath({ title: 'Export contacts', defaultName: 'Rapport contacts.vcf', extensions: ['vcf'] }))
      if (path === null) return null
      const cards: unknown[][] = []
      let people = 0
      for (const record of records) {
        const data = record.data
        if (!data) continue
        cards.push(clientCard(record.id, data))
        for (const person of data.people ?? []) {
          cards.push(personCard(person, data))
          people++
        }
      }
      try {
        await writeFileAtomic(path, writeVcards(cards))
      } catch (error) {
        throw fileError(error, 'write', path)
      }
      return { path, clients: records.length, people }
    }
  }
}
