import type { HandlersFor } from '../../shared/api'
import type { MentionCandidate, Person, peopleContract } from '../../shared/contract/people'
import { clientFileSchema } from '../../shared/domain'
import { mentionMarkdown } from '../../shared/mentions'
import { clientQueueOf } from '../clients/client-queue'
import type { ClientRecord } from '../clients/client-store'
import { RapportError } from '../errors'
import type { BacklinksIndex } from '../mentions/backlinks-index'
import type { StoredClient } from '../relationship/stored-client'
import type { ShellPorts } from '../shell-ports'
import { startFromTemplate } from '../templates/start-entry'
import { TemplateStore } from '../templates/template-store'
import { clientFolder, layout, toVaultPath } from '../fs/layout'
import type { Vault } from '../vault/vault'
import { addPerson, findPerson, removePerson, setPersonTrust, updatePerson } from './people'

const fileOf = (record: ClientRecord): string => toVaultPath(clientFolder(record.slug), layout.clientFile)

/** The people of a client file, checked against the documented format (what the renderer is sent). */
function peopleOf(data: unknown, record: ClientRecord): Person[] {
  const checked = clientFileSchema.safeParse(data)
  if (!checked.success) {
    throw new RapportError('broken-file', `${fileOf(record)} is not a valid client file any more, so Rapport will not use or change it.`, fileOf(record))
  }
  return checked.data.people
}

/** People at a client, mentions and backlinks, and the default template of a client. */
export function peopleHandlers(
  vault: Vault,
  shell: Pick<ShellPorts, 'resourcesDir'>,
  backlinks: BacklinksIndex,
  now: () => Date = () => new Date()
): HandlersFor<typeof peopleContract> {
  const queue = clientQueueOf(vault)
  const templates = () => new TemplateStore(shell.resourcesDir, vault.root)

  function readable(clientId: string): { record: ClientRecord; data: StoredClient } {
    const record = vault.clients.get(clientId)
    if (!record.data)
      throw new RapportError('broken-file', `${fileOf(record)} cannot be read (${record.problem}), so Rapport will not use or change it.`, fileOf(record))
    return { record, data: record.data }
  }

  /** One change to client.json, queued with every other change to it; the result must still be a valid client file. */
  async function change<T>(clientId: string, apply: (client: StoredClient) => T): Promise<{ result: T; people: Person[] }> {
    vault.assertWritable()
    const { record } = readable(clientId)
    return queue.run(record.id, async () => {
      let result!: T
      await vault.clients.update(record, (data) => {
        peopleOf(data, record)
        result = apply(data)
        if (!clientFileSchema.safeParse(data).success) {
          throw new RapportError('invalid-input', `That change would make ${fileOf(record)} invalid; nothing was saved.`, fileOf(record))
        }
      })
      return { result, people: peopleOf(record.data, record) }
    })
  }

  const withPerson =
    (id: string) =>
    ({ result, people }: { result: unknown; people: Person[] }) => {
      void result
      const person = people.find((p) => p.id === id)
      if (!person) throw new RapportError('not-found', 'That person is no longer at this client.')
      return { person, people }
    }

  return {
    'people:list': async ({ clientId }) => {
      const { record, data } = readable(clientId)
      return peopleOf(data, record)
    },
    'people:add': async ({ clientId, name, role, relation }) => {
      const { result, people } = await change(clientId, (client) => addPerson(client, { name, role, relation }))
      return withPerson(result.id)({ result, people })
    },
    'people:update': async ({ clientId, id, patch }) => {
      if (patch.defaultTemplate) await templates().usable(patch.defaultTemplate)
      return withPerson(id)(await change(clientId, (client) => updatePerson(client, id, patch)))
    },
    'people:trust': async ({ clientId, id, trust, note }) => withPerson(id)(await change(clientId, (client) => setPersonTrust(client, id, trust, note, now()))),
    'people:remove': async ({ clientId, id }) => (await change(clientId, (client) => removePerson(client, id))).people,
    'people:new-entry': async ({ clientId, id }) => {
      vault.assertWritable()
      const { data } = readable(clientId)
      const person = findPerson(data, id)
      const template = person.defaultTemplate ?? data.defaultTemplate
      const opening = `${mentionMarkdown(person.name, { kind: 'person', id: person.id })}\n\n`
      const start = template
        ? await startFromTemplate(templates(), { template, client: clientFileSchema.parse(data), title: undefined, body: undefined }).catch(() => null)
        : null
      return vault.entries.create({
        clientId,
        folder: vault.clients.journalOf(clientId),
        title: start?.title ?? person.name,
        ...(start ? { template: start.template, fields: start.fields } : {}),
        body: opening + (start?.body ?? '')
      })
    },
    'mentions:candidates': async () => {
      const out: MentionCandidate[] = []
      for (const record of vault.clients.list()) {
        if (!record.data) continue
        const clientName = record.data.name
        out.push({ kind: 'client', id: record.id, name: clientName, clientId: record.id, clientName })
        for (const p of record.data.people ?? []) {
          out.push({
            kind: 'person',
            id: p.id,
            name: p.name,
            clientId: record.id,
            clientName,
            ...(p.role ? { role: p.role } : {}),
            ...(p.relation ? { relation: p.relation } : {})
          })
        }
      }
      return out
    },
    'mentions:resolve': async ({ kind, id }) => {
      if (kind === 'entry') {
        const entry = vault.entries.withVersion(id)
        return { kind, id, name: entry?.title ?? null, clientId: entry?.clientId ?? null }
      }
      for (const record of vault.clients.list()) {
        if (kind === 'client' && record.id === id) return { kind, id, name: record.data?.name ?? null, clientId: record.id }
        const person = kind === 'person' ? record.data?.people?.find((p) => p.id === id) : undefined
        if (person) return { kind, id, name: person.name, clientId: record.id }
      }
      return { kind, id, name: null, clientId: null }
    },
    'backlinks:of': async ({ target }) => backlinks.of(target),
    'clients:set-default-template': async ({ clientId, template }) => {
      if (template !== null) await templates().usable(template)
      await change(clientId, (client) => {
        if (template === null) delete client.defaultTemplate
        else client.defaultTemplate = template
      })
      return { defaultTemplate: template }
    }
  }
}
