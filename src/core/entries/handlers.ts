import { writeFile } from 'node:fs/promises'
import type { HandlersFor } from '../../shared/api'
import type { entriesContract } from '../../shared/contract/entries'
import { fileError } from '../errors'
import type { ShellPorts } from '../shell-ports'
import { startFromTemplate } from '../templates/start-entry'
import { TemplateStore } from '../templates/template-store'
import { layout } from '../fs/layout'
import type { Vault } from '../vault/vault'
import type { Clock } from '../relationship/viewpoint'
import { systemClock } from '../relationship/viewpoint'
import { confirmPlainOutput } from '../security/plain-output'
import { exportEntryWithAttachments } from '../transfer/export-attachments'

export function entryHandlers(vault: Vault, shell: ShellPorts, clock: Clock = systemClock): HandlersFor<typeof entriesContract> {
  return {
    'entries:list': async ({ clientId }) => vault.entries.list(clientId),
    'entries:read': async ({ id }) => vault.entries.read(id),
    'entries:create': async ({ clientId, title, template, body, created }) => {
      vault.assertWritable()
      const folder = clientId === null ? layout.journalDir : vault.clients.journalOf(clientId)
      const client = clientId === null ? null : vault.clients.get(clientId).data
      // A backdated entry (`rapport new --date`): its file, its `created` and its template's {{date}} name that day.
      const when = created === undefined ? undefined : new Date(created)
      const now = clock.now()
      // No template asked for: the client's default template, if it has one (issue #12).
      const chosen = template ?? client?.defaultTemplate
      // Started from a template: its prompts, filled for this client, unless text was given (see startFromTemplate).
      const start =
        chosen === undefined
          ? undefined
          : await startFromTemplate(new TemplateStore(shell.resourcesDir, vault.root), { template: chosen, client, title, body }, when ?? now).catch(
              (error: unknown) => {
                // A default template deleted since it was chosen gives a blank entry; a template asked for by name must exist.
                if (template === undefined) return undefined
                throw error
              }
            )
      return vault.entries.create(
        {
          clientId,
          folder,
          ...(title === undefined ? {} : { title }),
          ...(template === undefined ? {} : { template }),
          ...(body === undefined ? {} : { body }),
          ...(when === undefined ? {} : { created: when.toISOString() }),
          ...start
        },
        now
      )
    },
    'entries:save': async (input) => {
      vault.assertWritable()
      return vault.entries.save(input, clock.now())
    },
    'entries:trash': async ({ id }) => {
      vault.assertWritable()
      await vault.entries.trash(id)
    },
    'entries:export': async ({ id, plainConfirmed }) => {
      confirmPlainOutput(vault, plainConfirmed, 'the exported entry')
      const text = await vault.entries.text(id)
      const path = await shell.chooseSavePath({
        title: 'Export entry to Markdown',
        defaultName: vault.entries.fileNameOf(id),
        extensions: ['md']
      })
      if (!path) return null
      try {
        // Its pictures and files go beside it, in attachments/, and the copy links them there.
        await writeFile(path, await exportEntryWithAttachments(vault, vault.entries.withVersion(id)?.path ?? '', text, path))
      } catch (error) {
        throw fileError(error, 'export to', path)
      }
      return { path }
    }
  }
}
