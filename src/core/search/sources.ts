/**
 * Where documents come from: each entry (its file) and each client (its
 * client.json, in memory) is a source, with a signature that changes
 * whenever its documents would. The index remembers the signature it
 * indexed; a source whose signature differs is indexed again.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ClientFile } from '../../shared/domain'
import { fileVersion } from '../fs/file-version'
import type { Vault } from '../vault/vault'
import type { SearchDoc } from './documents'
import { clientDocs, clientSource, entryDoc, entrySource } from './documents'
import { bodyStart } from './plain-text'

const lenient = new TextDecoder('utf-8')

/** An entry's file version (as the entry store computes it) and the name of its client, which its document also holds. */
const entrySignature = (version: string, clientName: string | null): string => `${version} ${clientName ?? ''}`
const clientSignature = (data: unknown): string => fileVersion(JSON.stringify(data))
/** A client whose client.json cannot be read has no documents; it is indexed again once it can. */
const UNREADABLE = 'unreadable'

/** Every source in the vault now, with its signature. */
export function currentSignatures(vault: Vault): Map<string, string> {
  const signatures = new Map<string, string>()
  const names = new Map<string, string>()
  for (const client of vault.clients.list()) {
    if (client.data) names.set(client.id, client.data.name)
    signatures.set(clientSource(client.id), client.data ? clientSignature(client.data) : UNREADABLE)
  }
  for (const entry of vault.entries.allWithVersions()) {
    signatures.set(entrySource(entry.id), entrySignature(entry.version, entry.clientId === null ? null : (names.get(entry.clientId) ?? null)))
  }
  return signatures
}

/** The signature a source has now; null when it is gone. */
export function currentSignature(vault: Vault, source: string): string | null {
  const [kind, id] = splitSource(source)
  if (kind === 'client') {
    const client = clientRecord(vault, id)
    return client ? (client.data ? clientSignature(client.data) : UNREADABLE) : null
  }
  const entry = vault.entries.withVersion(id)
  return entry ? entrySignature(entry.version, clientName(vault, entry.clientId)) : null
}

/** A source's documents and the signature of what they were made from; null when it is gone. */
export async function readSource(vault: Vault, source: string): Promise<{ signature: string; docs: SearchDoc[] } | null> {
  const [kind, id] = splitSource(source)
  if (kind === 'client') {
    const client = clientRecord(vault, id)
    if (!client) return null
    return client.data ? { signature: clientSignature(client.data), docs: clientDocs(client.id, client.data) } : { signature: UNREADABLE, docs: [] }
  }
  const entry = vault.entries.withVersion(id)
  const file = await readEntryBody(vault, id)
  if (!entry || !file) return null
  const name = clientName(vault, entry.clientId)
  return { signature: entrySignature(file.version, name), docs: [entryDoc(entry, file.body, name)] }
}

/**
 * An entry's Markdown body as on disk now, and its file version; null when
 * it cannot be read. Front matter is skipped, not parsed: the entry store
 * has its fields already.
 */
export async function readEntryBody(vault: Vault, id: string): Promise<{ version: string; body: string } | null> {
  const entry = vault.entries.withVersion(id)
  if (!entry) return null
  let bytes: Buffer
  try {
    bytes = await readFile(join(vault.root, entry.path))
  } catch {
    // Renamed or removed meanwhile: the store says so in a moment, and the entry is indexed again then.
    return null
  }
  const text = lenient.decode(bytes)
  return { version: fileVersion(bytes), body: text.slice(bodyStart(text)) }
}

export function clientName(vault: Vault, clientId: string | null): string | null {
  return clientId === null ? null : (clientData(vault, clientId)?.name ?? null)
}

/** A client's client.json as last read; null when the client is gone or its file cannot be read. */
export function clientData(vault: Vault, clientId: string): ClientFile | null {
  return clientRecord(vault, clientId)?.data ?? null
}

function clientRecord(vault: Vault, id: string) {
  try {
    return vault.clients.get(id)
  } catch {
    return null
  }
}

function splitSource(source: string): ['entry' | 'client', string] {
  const colon = source.indexOf(':')
  return [source.slice(0, colon) === 'client' ? 'client' : 'entry', source.slice(colon + 1)]
}
