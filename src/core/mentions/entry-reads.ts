/**
 * One read of each changed entry file, shared by the indexes kept beside the
 * vault (search and backlinks). Each index keeps its own idea of what changed
 * and works at its own pace — search in the background, backlinks when first
 * asked — but the file is read, decoded and searched for mentions once: the
 * first index to ask reads it, and the other takes what was read, as long as
 * the store still knows the entry at the version it had when it was read.
 *
 * What is held is let go as soon as every index has taken it, or when an
 * index catches up without needing it (its cache already had that version).
 * The body, the large part, is kept only for the indexes that want it.
 */
import { entryBody } from '../entries/entry-body'
import type { FileReaderThread } from '../fs/file-reader-thread'
import type { Vault } from '../vault/vault'
import type { FoundMention } from './find-mentions'
import { findMentions } from './find-mentions'

/** An entry file as the indexes take it: its version, its Markdown body (empty for an index that does not want it), its mentions. */
export interface EntryRead {
  version: string
  body: string
  /**
   * Found on first call, once for every index: parsing is the costly part, so it runs in the time of the index that
   * asks (its time slice), not when the read completes.
   */
  mentions: () => readonly FoundMention[]
}

/** The indexes that share the reads, and whether each wants the body. */
export type EntryReaders<Name extends string> = Record<Name, { body: boolean }>

/** What one index sees of the shared reads: reading as itself, and saying it has caught up. */
export interface EntryReadsFor<Name extends string> {
  read(id: string, reader: Name): Promise<() => EntryRead | null>
  caughtUp(reader: Name): void
}

interface Held {
  /** The store's version of the entry when the read began: the read is shared only while that is still the version. */
  storeVersion: string | undefined
  bytes: Promise<Buffer | null>
  /** Decoded on first use, once for every index. */
  decoded: Decoded | null
  takenBy: Set<string>
  /** Whether an index that wants the body has yet to take it: until then the body is kept. */
  bodyWanted: boolean
}

interface Decoded {
  version: string
  body: string
  mentions: () => readonly FoundMention[]
}

export class SharedEntryReads<Name extends string = string> implements EntryReadsFor<Name> {
  private readonly held = new Map<string, Held>()
  private readonly names: readonly Name[]
  private readonly wantingBody: ReadonlySet<Name>
  private readonly stopListening: () => void
  /** Files read from disk, for tests and the bench: with both indexes at work, still one per changed entry. */
  filesRead = 0

  /** `files`: reads many entries' files together off this thread (the indexes' cold build); without it, each is read here. */
  constructor(
    private readonly vault: Vault,
    readers: EntryReaders<Name>,
    private readonly files?: FileReaderThread
  ) {
    this.names = Object.keys(readers) as Name[]
    this.wantingBody = new Set(this.names.filter((name) => readers[name].body))
    // Made before the indexes, so this hears of a change first: nothing read before it is handed out after it.
    this.stopListening = vault.onChange((change) => {
      if (change.kind === 'entry') this.held.delete(change.id)
      else if (change.kind === 'reloaded') this.held.clear()
    })
  }

  /**
   * Reads the entry's file as on disk now, for `reader`, and resolves to the work of decoding it (null: it is gone or
   * cannot be read). Reads finish whenever they do, so the decoding (a hash, a UTF-8 decode, the mentions) is left for
   * the index to do when it has the time — in its time slice.
   */
  async read(id: string, reader: Name): Promise<() => EntryRead | null> {
    const storeVersion = this.vault.entries.withVersion(id)?.version
    let held = this.held.get(id)
    if (!held || held.storeVersion !== storeVersion || held.takenBy.has(reader)) {
      held = { storeVersion, bytes: this.readFile(id), decoded: null, takenBy: new Set(), bodyWanted: this.wantingBody.size > 0 }
      this.held.set(id, held)
    }
    const mine = held
    mine.takenBy.add(reader)
    if (mine.takenBy.size === this.names.length) this.letGo(id, mine)
    const bytes = await mine.bytes
    return () => {
      if (!mine.decoded) {
        if (!bytes) return null
        const { version, body } = entryBody(bytes)
        mine.decoded = { version, body, mentions: mentionsOnce(body) }
      }
      const decoded = mine.decoded
      const wantsBody = this.wantingBody.has(reader)
      if (wantsBody && mine.bodyWanted && ![...this.wantingBody].some((name) => !mine.takenBy.has(name))) {
        // Every index that wants the body has it: what is still held for the others is the version and the mentions.
        mine.bodyWanted = false
        mine.bytes = Promise.resolve(null)
        mine.decoded = { ...decoded, body: '' }
      }
      return wantsBody ? decoded : { ...decoded, body: '' }
    }
  }

  /** `reader` has nothing left to index: what was held for it alone is not needed (its cache had those versions). */
  caughtUp(reader: Name): void {
    for (const [id, held] of this.held) {
      if (!held.takenBy.has(reader) && held.takenBy.size === this.names.length - 1) this.letGo(id, held)
    }
  }

  close(): void {
    this.stopListening()
    this.held.clear()
  }

  private letGo(id: string, held: Held): void {
    if (this.held.get(id) === held) this.held.delete(id)
  }

  private async readFile(id: string): Promise<Buffer | null> {
    // Null when renamed or removed meanwhile: the store reports it in a moment, and the entry is read again then.
    const bytes = await this.vault.entries.fileBytes(id, this.files)
    if (bytes) this.filesRead++
    return bytes
  }
}

/** `findMentions(body)`, worked out on first call and kept; the body is let go once it has been. */
function mentionsOnce(body: string): () => readonly FoundMention[] {
  let source: string | null = body
  let found: readonly FoundMention[] | null = null
  return () => {
    if (found === null) {
      found = findMentions(source ?? '')
      source = null
    }
    return found
  }
}
