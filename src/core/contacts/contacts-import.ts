import type { ContactsChoices, ContactsImportReport } from '../../shared/contract/contacts'
import { contactOutcome } from '../../shared/contacts-outcome'
import { clientFileSchema } from '../../shared/domain'
import type { ClientFile } from '../../shared/domain'
import { clientQueueOf } from '../clients/client-queue'
import { RapportError } from '../errors'
import { newId } from '../ids'
import { mapInOrder } from '../map-in-order'
import type { StoredPerson } from '../people/people'
import type { StoredClient } from '../relationship/stored-client'
import type { Vault } from '../vault/vault'
import type { Contact } from './contact'
import { addTags, fillClient, fillContact, fillPerson } from './contact-fields'
import type { ContactsProgress, ContactsRequest } from './contacts-plan'
import { planContacts } from './contacts-plan'

export type ContactsOutcome = Omit<ContactsImportReport, 'jobId'>

/** New clients written together (see the end of importContacts). */
const WRITES_AT_ONCE = 8

/** A client the import writes: a new one (with its first client.json), or the vault's with changes to make. */
type Write =
  | { kind: 'new'; name: string; changes: Array<(data: StoredClient) => void> }
  | { kind: 'existing'; clientId: string; changes: Array<(data: StoredClient) => void> }

/**
 * Imports contacts as the person chose in the preview. The files are read
 * and planned again, and must be the ones previewed (same fingerprint).
 * Every client is then written once, with all its contacts: a new client's
 * first client.json holds its people; a client of the vault is read,
 * changed and written through its queue, like every other change to it.
 * Cancelling stops between two clients; what was written stays.
 */
export async function importContacts(
  vault: Vault,
  request: ContactsRequest,
  choices: ContactsChoices,
  run: ContactsProgress & { now: Date }
): Promise<ContactsOutcome> {
  vault.assertWritable()
  // The files are read whole even when cancelled meanwhile (the preview read them once already): a plan cut short
  // would not know how many clients it would have written, and the report must say exactly what was not reached.
  const { signal: _cancelledBetweenClients, ...reading } = run
  const plan = await planContacts(vault, request, reading)
  if (plan.preview.fingerprint !== choices.fingerprint) {
    throw new RapportError('conflict', 'The contacts files changed since the preview (or other files were chosen); look at the preview again before importing.')
  }
  const outcome: ContactsOutcome = {
    status: 'done',
    clientsCreated: [],
    peopleAdded: 0,
    merged: 0,
    skipped: 0,
    problems: [...plan.preview.problems],
    notReached: 0
  }
  const contactOf = (key: string): Contact => plan.contacts.get(key) as Contact

  const writes: Write[] = []
  const existing = new Map<string, Write>()
  const newByOrganisation = new Map<string, Write>()
  const writeFor = (clientId: string): Write => {
    let write = existing.get(clientId)
    if (!write) existing.set(clientId, (write = { kind: 'existing', clientId, changes: [] }))
    if (!writes.includes(write)) writes.push(write)
    return write
  }
  const organisations = new Map(plan.preview.organisations.map((o) => [o.key, o]))

  for (const row of plan.preview.contacts) {
    const contact = contactOf(row.key)
    const decided = contactOutcome(row, choices)
    const duplicate = row.duplicate
    if (decided.kind === 'skip') outcome.skipped++
    else if (decided.kind === 'merge') {
      outcome.merged++
      // An earlier contact of this import: folded into it before it is written.
      if (!duplicate) continue
      if (duplicate.of === 'import' && duplicate.key) fillContact(contactOf(duplicate.key), contact)
      else if (duplicate.clientId) {
        const personId = duplicate.personId
        writeFor(duplicate.clientId).changes.push((data) => {
          const person = personId === undefined ? undefined : (data.people ?? []).find((p) => p.id === personId)
          if (person) fillPerson(person, contact)
          else if (personId === undefined) fillClient(data, contact)
        })
      }
    } else if (decided.kind === 'client') {
      writes.push({ kind: 'new', name: contact.name, changes: [(data) => fillClient(data, contact)] })
    } else {
      const organisation = organisations.get(decided.organisationKey)
      const add =
        decided.kind === 'organisation'
          ? (data: StoredClient): void => fillClient(data, contact)
          : (data: StoredClient): void => {
              ;(data.people ??= []).push(newPerson(contact))
              addTags(data, contact.categories)
            }
      if (decided.kind === 'person') outcome.peopleAdded++
      if (organisation?.clientId) writeFor(organisation.clientId).changes.push(add)
      else {
        let write = newByOrganisation.get(decided.organisationKey)
        if (!write) {
          const name = organisation?.name ?? contact.organisation ?? contact.name
          write = { kind: 'new', name, changes: [(data) => void (data.organisation = name)] }
          newByOrganisation.set(decided.organisationKey, write)
          writes.push(write)
        }
        write.changes.push(add)
      }
    }
  }

  const queue = clientQueueOf(vault)
  let written = 0
  const unflushed = new Set<string>()
  const created: Array<{ id: string; name: string } | undefined> = []
  const writeOne = async (write: Write, index: number): Promise<void> => {
    try {
      if (write.kind === 'new') {
        const record = await vault.clients.create(write.name, run.now, (data) => applyAll(data, write.changes, write.name), unflushed)
        created[index] = { id: record.id, name: write.name }
      } else {
        const record = vault.clients.get(write.clientId)
        await queue.run(record.id, () => vault.clients.update(record, (data) => applyAll(data, write.changes, record.data?.name ?? record.slug)))
      }
    } catch (error) {
      const name = write.kind === 'new' ? write.name : (vault.clients.get(write.clientId).data?.name ?? write.clientId)
      outcome.problems.push({ path: name, reason: `it could not be written (${(error as Error).message}); nothing else was changed for it` })
    }
    run.onProgress?.({ done: ++written, total: writes.length, phase: 'writing' })
  }
  // A few clients at once: each write waits on the disk (fsync), and those waits overlap. Each client is
  // still written whole, once, and flushed; the folders' new names are flushed once each at the end, as
  // the Markdown import does (EntryStore.startAdoption).
  await mapInOrder(writes, WRITES_AT_ONCE, async (write, index) => {
    if (run.signal?.aborted) {
      outcome.status = 'cancelled'
      outcome.notReached++
      return
    }
    await writeOne(write, index)
  })
  // Before anything is reported as imported, the new clients' names are on disk for good.
  for (const { folder, reason } of await vault.clients.flushFolders(unflushed)) {
    outcome.problems.push({ path: folder, reason: `${reason}; the clients imported into it may not survive a power cut` })
  }
  // In the order of the files, whichever write finished first.
  outcome.clientsCreated = created.filter((c) => c !== undefined)
  return outcome
}

function newPerson(contact: Contact): StoredPerson {
  const person: StoredPerson = { id: newId('p'), name: contact.name }
  fillPerson(person, contact)
  return person
}

/** The changes, on a copy first: a client file they would make invalid is not touched. */
function applyAll(data: ClientFile | StoredClient, changes: ReadonlyArray<(data: StoredClient) => void>, name: string): void {
  const trial = structuredClone(data)
  for (const change of changes) change(trial)
  const checked = clientFileSchema.safeParse(trial)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new RapportError('invalid-input', `the contacts would make ${name}'s client.json invalid (${issue?.path.join('.')}: ${issue?.message})`)
  }
  for (const change of changes) change(data)
}
