import type { HandlersFor } from '../../shared/api'
import type { ExtractResult, Template, TemplateSummary, templatesContract } from '../../shared/contract/templates'
import type { ClientFile } from '../../shared/domain'
import type { ClientRecord } from '../clients/client-store'
import { parseEntryFile } from '../entries/entry-file'
import { RapportError } from '../errors'
import type { ShellPorts } from '../shell-ports'
import type { Clock } from '../relationship/viewpoint'
import { systemClock, viewpointOf } from '../relationship/viewpoint'
import { clientFolder, layout, toVaultPath } from '../fs/layout'
import type { Vault } from '../vault/vault'
import { addToClient } from './client-additions'
import { dayOf, localDay } from './dates'
import { extractProposals } from './extract'
import type { Reflection } from './reflections'
import { summariseReflections } from './reflections'
import { filterTemplates, likelyTemplates, orderTemplates } from './suggest'
import { DEFAULT_ORDER } from './template-file'
import type { StoredTemplate } from './template-store'
import { TemplateStore } from './template-store'

export function templateHandlers(vault: Vault, shell: ShellPorts, clock: Clock = systemClock): HandlersFor<typeof templatesContract> {
  const store = new TemplateStore(shell.resourcesDir, vault.root)

  return {
    'templates:list': async ({ clientId, filter }) => {
      const client = clientId ? vault.clients.get(clientId).data : null
      const { now, settings } = viewpointOf(vault, clock)
      // The essays' suggestions follow the user's coaching setting; the plain ones (just met, a call coming) always apply.
      const coaching = settings.coaching ? { quietAfterDays: settings.quietAfterDays, timeZone: settings.timeZone } : undefined
      const ordered = orderTemplates((await store.list()).map(summaryOf), client ? likelyTemplates(client, now, coaching) : undefined)
      return filter ? filterTemplates(ordered, filter) : ordered
    },
    'templates:get': async ({ id }) => templateOf(await store.get(id)),
    'templates:save': async (input) => {
      vault.assertWritable()
      return templateOf(await store.save(input))
    },
    'templates:revert': async ({ id }) => {
      vault.assertWritable()
      return templateOf(await store.revert(id))
    },
    'templates:delete': async ({ id }) => {
      vault.assertWritable()
      await store.delete(id)
    },
    'templates:extract': async ({ entryId }) => {
      const entry = await vault.entries.read(entryId)
      const result: ExtractResult = { entryId, proposals: [] }
      if (!entry.template) return result
      result.template = entry.template
      // Offering is a courtesy on save: anything in the way is said, never thrown, so saving an entry cannot fail on it.
      try {
        if (entry.clientId === null) throw new RapportError('invalid-input', 'This entry belongs to no client, so there is no client record to add to.')
        const client = readableClient(vault.clients.get(entry.clientId))
        const template = await store.usable(entry.template)
        result.proposals = extractProposals({ body: entry.body, template, entryDay: dayOf(entry.created) ?? localDay(clock.now()), client })
      } catch (error) {
        if (!(error instanceof RapportError)) throw error
        result.problem = error.message
      }
      return result
    },
    'templates:apply': async ({ entryId, items }) => {
      vault.assertWritable()
      const entry = await vault.entries.read(entryId)
      if (entry.clientId === null) {
        throw new RapportError('invalid-input', 'This entry belongs to no client, so there is no client record to add to.')
      }
      const record = vault.clients.get(entry.clientId)
      const where = clientFilePath(record)
      let applied: ReturnType<typeof addToClient> = { added: [], skipped: [] }
      // `update` reads client.json afresh, so what another program changed meanwhile is kept, not overwritten.
      await vault.clients.update(record, (data) => {
        applied = addToClient(data, items, { entryId, today: localDay(clock.now()), where })
      })
      return applied
    },
    'reflections:summary': async ({ clientId }) => {
      if (clientId) vault.clients.get(clientId)
      const folders = clientId ? [clientId] : [null, ...vault.clients.list().map((c) => c.id)]
      const usable = (await store.list()).flatMap((t) => (t.parsed.ok ? [t.parsed.template] : []))
      const charted = new Set(usable.filter((t) => t.fields.some((f) => f.scale)).map((t) => t.id))
      const reflections: Reflection[] = []
      for (const entry of folders.flatMap((id) => vault.entries.list(id))) {
        if (!entry.template) continue
        // Only entries whose template has a scale are opened: the rest is known from the journal already loaded.
        const fields = charted.has(entry.template) ? await frontMatterOf(vault, entry.id) : {}
        reflections.push({ entryId: entry.id, clientId: entry.clientId, title: entry.title, created: entry.created, template: entry.template, fields })
      }
      return summariseReflections(reflections, usable, clientId ?? null)
    }
  }
}

/** The picker's view of a template file, broken or not. */
function summaryOf(stored: StoredTemplate): TemplateSummary {
  const t = stored.parsed.ok ? stored.parsed.template : undefined
  const summary: TemplateSummary = {
    id: stored.id,
    name: stored.parsed.ok ? stored.parsed.template.name : (stored.parsed.name ?? stored.id),
    description: t?.description ?? '',
    order: t?.order ?? DEFAULT_ORDER,
    isBuiltIn: stored.isBuiltIn,
    isEdited: stored.isEdited,
    source: stored.source
  }
  if (!stored.parsed.ok) summary.problem = stored.parsed.problem.message
  return summary
}

function templateOf(stored: StoredTemplate): Template {
  const summary = summaryOf(stored)
  if (!stored.parsed.ok) return { ...summary, body: stored.parsed.body, fields: [], extract: [], warnings: [], version: stored.version }
  const { body, fields, extract, warnings } = stored.parsed.template
  return { ...summary, body, fields, extract, warnings, version: stored.version }
}

function readableClient(record: ClientRecord): ClientFile {
  if (!record.data) throw new RapportError('broken-file', `${clientFilePath(record)} cannot be read (${record.problem}), so nothing can be added to it.`)
  return record.data
}

const clientFilePath = (record: ClientRecord): string => toVaultPath(clientFolder(record.slug), layout.clientFile)

/** An entry's front matter, or nothing when it cannot be read (the summary then simply has no value for it). */
async function frontMatterOf(vault: Vault, entryId: string): Promise<Readonly<Record<string, unknown>>> {
  try {
    return parseEntryFile(await vault.entries.text(entryId)).fields
  } catch {
    return {}
  }
}
