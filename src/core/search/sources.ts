/**
 * Where documents come from: each entry (its file) and each client (its
 * client.json, in memory) is a source, with a signature that changes
 * whenever its documents would. The index remembers the signature it
 * indexed; a source whose signature differs is indexed again.
 */
import { readFile, readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { fileVersion } from '../fs/file-version'
import type { StoredClient } from '../relationship/stored-client'
import type { Vault } from '../vault/vault'
import type { SearchDoc } from './documents'
import { clientDocs, clientSource, entryDoc, entrySource } from './documents'
import { bodyStart } from './plain-text'

const lenient = new TextDecoder('utf-8')
/** The callback form: for thousands of small files it is markedly faster than `fs/promises`, which opens a FileHandle for each. */
const readBytes = promisify(readFile)

/** An entry's file version (as the entry store computes it) and the name of its client, which its document also holds. */
const entrySignature = (version: string, clientName: string | null): string => `${version} ${clientName ?? ''}`
const clientSignature = (data: unknown): string => fileVersion(JSON.stringify(data))
/** A client whose client.json cannot be read has no documents; it is indexed again once it can. */
const UNREADABLE = 'unreadable'

/** Every source in the vault now, with its signature; `pause` lets the event loop in between clients (each is hashed). */
export async function currentSignatures(vault: Vault, pause: () => Promise<void>): Promise<Map<string, string>> {
  const signatures = new Map<string, string>()
  const names = new Map<string, string>()
  for (const client of vault.clients.list()) {
    if (client.data) names.set(client.id, client.data.name)
    signatures.set(clientSource(client.id), client.data ? clientSignature(client.data) : UNREADABLE)
    await pause()
  }
  for (const entry of vault.entries.allWithVersions()) {
    signatures.set(entrySource(entry.id), entrySignature(entry.version, entry.clientId === null ? null : (names.get(entry.clientId) ?? null)))
    await pause()
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

export type SourceDocuments = { signature: string; docs: SearchDoc[] } | null

/**
 * Reads a source (an entry's file; a client is in memory already) and
 * returns the work of making its documents, to be done when the indexer
 * has the time: reads finish whenever they do, so nothing heavy runs on
 * their completion, outside the indexer's time slices. Null: it is gone.
 */
export async function readSource(vault: Vault, source: string): Promise<() => SourceDocuments> {
  const [kind, id] = splitSource(source)
  if (kind === 'client') {
    return () => {
      const client = clientRecord(vault, id)
      if (!client) return null
      return client.data ? { signature: clientSignature(client.data), docs: clientDocs(client.id, client.data) } : { signature: UNREADABLE, docs: [] }
    }
  }
  const bytes = await readEntryBytes(vault, id)
  return () => {
    const entry = vault.entries.withVersion(id)
    if (!entry || !bytes) return null
    const file = bodyOf(bytes)
    const name = clientName(vault, entry.clientId)
    return { signature: entrySignature(file.version, name), docs: [entryDoc(entry, file.body, name)] }
  }
}

async function readEntryBytes(vault: Vault, id: string): Promise<Buffer | null> {
  const entry = vault.entries.withVersion(id)
  if (!entry) return null
  try {
    return await readBytes(join(vault.root, entry.path))
  } catch {
    // Renamed or removed meanwhile: the store says so in a moment, and the entry is indexed again then.
    return null
  }
}

/**
 * An entry's Markdown body as on disk now, and its file version; null when
 * it cannot be read. It is read at once, not through the thread pool: this
 * is for the few entries a search shows, where the answer waits on every
 * one of them and the hop costs more than the read.
 */
export function readEntryBodyNow(vault: Vault, id: string): { version: string; body: string } | null {
  const entry = vault.entries.withVersion(id)
  if (!entry) return null
  try {
    return bodyOf(readFileSync(join(vault.root, entry.path)))
  } catch {
    return null
  }
}

/** Front matter is skipped, not parsed: the entry store has its fields already. */
function bodyOf(bytes: Buffer): { version: string; body: string } {
  const text = lenient.decode(bytes)
  return { version: fileVersion(bytes), body: text.slice(bodyStart(text)) }
}

export function clientName(vault: Vault, clientId: string | null): string | null {
  return clientId === null ? null : (clientData(vault, clientId)?.name ?? null)
}

/** A client's client.json as last read (raw: lists it leaves out are missing); null when the client is gone or its file cannot be read. */
export function clientData(vault: Vault, clientId: string): StoredClient | null {
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
