import { createHash } from 'node:crypto'
import { extname } from 'node:path'
import type { ContactOrganisation, ContactRow, ContactsFile, ContactsPreview } from '../../shared/contract/contacts'
import type { TransferPhase } from '../../shared/contract/transfer'
import type { Vault } from '../vault/vault'
import type { Contact } from './contact'
import { nameKey } from './contact'
import { readContactsFile } from './contact-file'
import type { ColumnMapping } from './csv-layouts'
import { readCsv } from './csv-read'
import { DuplicateFinder, organisationOfClient } from './vault-contacts'
import { readVcards } from './vcard-read'

export interface ContactsRequest {
  paths: string[]
  columns?: Record<string, ColumnMapping> | undefined
}

export interface ContactsProgress {
  signal?: AbortSignal | undefined
  onProgress?: ((progress: { done: number; total: number; phase: TransferPhase }) => void) | undefined
}

/** The preview, and the contacts it was made from (the import writes from these). */
export interface ContactsPlan {
  preview: ContactsPreview
  contacts: ReadonlyMap<string, Contact>
}

const isVcard = (path: string, text: string): boolean => ['.vcf', '.vcard'].includes(extname(path).toLowerCase()) || /^\s*BEGIN:VCARD/i.test(text)

/**
 * Reads every file and works out what an import would do: each contact with
 * the duplicate it looks like, and each organisation with the client its
 * people would join. Reads only; the preview and the import both start here.
 */
export async function planContacts(vault: Vault, request: ContactsRequest, progress: ContactsProgress = {}): Promise<ContactsPlan> {
  const preview: ContactsPreview = { paths: request.paths, fingerprint: '', files: [], contacts: [], organisations: [], problems: [] }
  const fingerprint = createHash('sha256')
  const read: Contact[] = []
  for (const [index, path] of request.paths.entries()) {
    if (progress.signal?.aborted) break
    const file = await readContactsFile(path)
    if ('problem' in file) {
      preview.problems.push({ path, reason: file.problem })
      fingerprint.update(`${path}\u0000missing\u0000`)
      continue
    }
    fingerprint.update(`${path}\u0000${file.hash}\u0000`)
    const chosen = request.columns?.[path]
    if (chosen) fingerprint.update(JSON.stringify(chosen))
    let described: ContactsFile
    if (isVcard(path, file.text)) {
      const cards = await readVcards(file.text, path, index, progress.signal)
      read.push(...cards.contacts)
      preview.problems.push(...cards.problems)
      described = { path, format: 'vcard', encoding: file.encoding, contacts: cards.contacts.length }
    } else {
      const csv = await readCsv(file.text, path, index, chosen, progress.signal)
      read.push(...csv.contacts)
      preview.problems.push(...csv.problems)
      described = { path, format: csv.format, encoding: file.encoding, contacts: csv.contacts.length, headers: csv.headers, mapping: csv.mapping }
    }
    preview.files.push(described)
    progress.onProgress?.({ done: index + 1, total: request.paths.length, phase: 'reading' })
  }
  preview.fingerprint = fingerprint.digest('hex')

  const finder = DuplicateFinder.of(vault)
  const organisations = new Map<string, ContactOrganisation>()
  const clientsByOrganisation = organisationClients(vault)
  for (const contact of read) {
    const row: ContactRow = { ...withoutSource(contact) }
    const duplicate = finder.find(contact)
    if (duplicate) row.duplicate = duplicate
    finder.addImported(contact)
    if (contact.organisation) {
      const key = nameKey(contact.organisation)
      row.organisationKey = key
      if (nameKey(contact.name) === key) row.isOrganisation = true
      let organisation = organisations.get(key)
      if (!organisation) {
        const client = clientsByOrganisation.get(key)
        organisation = { key, name: contact.organisation, contacts: 0, clientId: client?.id ?? null }
        if (client) organisation.clientName = client.name
        organisations.set(key, organisation)
      }
      organisation.contacts++
    }
    preview.contacts.push(row)
  }
  preview.organisations = [...organisations.values()].sort((a, b) => b.contacts - a.contacts || a.name.localeCompare(b.name))
  return { preview, contacts: new Map(read.map((c) => [c.key, c])) }
}

function withoutSource(contact: Contact): Omit<ContactRow, 'organisationKey' | 'duplicate'> {
  const { uid: _uid, ...row } = contact
  return row
}

/**
 * The vault's client for each organisation: the one named so, else the
 * first whose organisation it is (people join the client that already
 * stands for their organisation rather than a second one).
 */
function organisationClients(vault: Vault): Map<string, { id: string; name: string }> {
  const found = new Map<string, { id: string; name: string }>()
  const clients = vault.clients.list().filter((r) => r.data)
  for (const record of clients) found.set(nameKey(record.data?.name ?? ''), { id: record.id, name: record.data?.name ?? '' })
  for (const record of clients) {
    const key = nameKey(organisationOfClient(record.data ?? { name: '' }))
    if (!found.has(key)) found.set(key, { id: record.id, name: record.data?.name ?? '' })
  }
  return found
}
