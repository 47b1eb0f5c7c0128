/**
 * Where documents come from: each entry (its file) and each client (its
 * client.json, in memory) is a source, with a signature that changes
 * whenever its documents would. The index remembers the signature it
 * indexed; a source whose signature differs is indexed again.
 */
import { entryBody } from '../entries/entry-body'
import type { EntryReadsFor } from '../mentions/entry-reads'
import { fileVersion } from '../fs/file-version'
import type { StoredClient } from '../relationship/stored-client'
import type { Vault } from '../vault/vault'
import type { SearchDoc } from './documents'
import { clientDocs, clientSource, entryDoc, entrySource } from './documents'
import type { MentionNames } from './mention-names'
import { mentionedIdsIn } from './mention-names'

/**
 * An entry's signature: what its document holds besides the file — the
 * name of its client and the current names of the people and clients it
 * mentions — after the file's version (as the entry store computes it).
 * `<version> <client name>` when it mentions nobody (most entries);
 * otherwise `<version>+<JSON: [client name, [id, name], …]>`. A version is
 * base64url, so the first space or `+` tells the two apart; the ids are
 * kept so a rename can be checked, and the cache reopened, without reading
 * the file again (see `mentionsInSignature`).
 */
function entrySignature(version: string, clientName: string | null, mentions: readonly string[], names: MentionNames): string {
  if (mentions.length === 0) return `${version} ${clientName ?? ''}`
  return `${version}+${JSON.stringify([clientName, ...mentions.map((id) => [id, names.nameOf(id)])])}`
}

/** The ids an entry's signature says it mentions; none for a client's, or one that cannot be read (the entry is then indexed again anyway). */
export function mentionsInSignature(signature: string): string[] {
  const plus = signature.search(/[ +]/)
  if (plus < 0 || signature[plus] !== '+') return []
  try {
    const parsed: unknown = JSON.parse(signature.slice(plus + 1))
    if (!Array.isArray(parsed)) return []
    return parsed.slice(1).flatMap((pair: unknown) => (Array.isArray(pair) && typeof pair[0] === 'string' ? [pair[0]] : []))
  } catch {
    return []
  }
}

const clientSignature = (data: unknown): string => fileVersion(JSON.stringify(data))
/** A client whose client.json cannot be read has no documents; it is indexed again once it can. */
const UNREADABLE = 'unreadable'

/**
 * What an entry was last indexed as mentioning, by source. The signature of
 * an entry whose file has not changed is computed from these, so a rename
 * shows without reading the file; one whose file changed differs by its
 * version anyway, and its mentions are read again with it.
 */
export type IndexedMentions = (source: string) => readonly string[]

/** Every source in the vault now, with its signature; `pause` lets the event loop in between clients (each is hashed). */
export async function currentSignatures(
  vault: Vault,
  names: MentionNames,
  mentioned: IndexedMentions,
  pause: () => Promise<void>
): Promise<Map<string, string>> {
  const signatures = new Map<string, string>()
  const clientNames = new Map<string, string>()
  for (const client of vault.clients.list()) {
    if (client.data) clientNames.set(client.id, client.data.name)
    signatures.set(clientSource(client.id), client.data ? clientSignature(client.data) : UNREADABLE)
    await pause()
  }
  for (const entry of vault.entries.allWithVersions()) {
    const source = entrySource(entry.id)
    signatures.set(source, entrySignature(entry.version, entry.clientId === null ? null : (clientNames.get(entry.clientId) ?? null), mentioned(source), names))
    await pause()
  }
  return signatures
}

/** The signature a source has now; null when it is gone. */
export function currentSignature(vault: Vault, source: string, names: MentionNames, mentioned: IndexedMentions): string | null {
  const [kind, id] = splitSource(source)
  if (kind === 'client') {
    const client = clientRecord(vault, id)
    return client ? (client.data ? clientSignature(client.data) : UNREADABLE) : null
  }
  const entry = vault.entries.withVersion(id)
  return entry ? entrySignature(entry.version, clientName(vault, entry.clientId), mentioned(source), names) : null
}

export type SourceDocuments = { signature: string; docs: SearchDoc[] } | null

/**
 * Reads a source (an entry's file; a client is in memory already) and
 * returns the work of making its documents, to be done when the indexer
 * has the time: reads finish whenever they do, so nothing heavy runs on
 * their completion, outside the indexer's time slices. Null: it is gone.
 */
export async function readSource(vault: Vault, source: string, names: MentionNames, reads: EntryReadsFor<'search'>): Promise<() => SourceDocuments> {
  const [kind, id] = splitSource(source)
  if (kind === 'client') {
    return () => {
      const client = clientRecord(vault, id)
      if (!client) return null
      return client.data ? { signature: clientSignature(client.data), docs: clientDocs(client.id, client.data) } : { signature: UNREADABLE, docs: [] }
    }
  }
  const read = await reads.read(id, 'search')
  return () => {
    const entry = vault.entries.withVersion(id)
    const file = entry ? read() : null
    if (!entry || !file) return null
    const name = clientName(vault, entry.clientId)
    // Names are taken now, with the signature, so a rename reported after this is seen as a difference and indexed again.
    const mentions = mentionedIdsIn(file.mentions())
    const mentionNames = mentions.flatMap((id) => names.nameOf(id) ?? [])
    return { signature: entrySignature(file.version, name, mentions, names), docs: [entryDoc(entry, file.body, name, mentionNames)] }
  }
}

/**
 * An entry's Markdown body as on disk now, and its file version; null when
 * it cannot be read. It is read at once, not through the thread pool: this
 * is for the few entries a search shows, where the answer waits on every
 * one of them and the hop costs more than the read.
 */
export function readEntryBodyNow(vault: Vault, id: string): { version: string; body: string } | null {
  const bytes = vault.entries.fileBytesNow(id)
  return bytes ? entryBody(bytes) : null
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
