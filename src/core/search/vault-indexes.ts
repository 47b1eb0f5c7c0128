/**
 * The indexes kept beside an open vault — search and backlinks — owned by
 * whoever opened it (the session: made with the vault, closed or retired
 * with it), never looked up by vault from a module-level table, so a locked
 * or closed vault leaves no index behind still listening or writing.
 *
 * Both read entry files through one `SharedEntryReads`: each index decides
 * for itself what changed and works at its own pace, but a changed entry is
 * read from disk, decoded and searched for mentions once.
 */
import { BacklinksIndex } from '../mentions/backlinks-index'
import { FileReaderThread } from '../fs/file-reader-thread'
import { SharedEntryReads } from '../mentions/entry-reads'
import type { Vault } from '../vault/vault'
import { SearchService } from './search-service'

export class VaultIndexes {
  readonly reads: SharedEntryReads<'search' | 'backlinks'>
  /** Where many entry files are read at once (a cold build, a reload): a thread of its own. */
  readonly files = new FileReaderThread()
  readonly search: SearchService
  readonly backlinks: BacklinksIndex

  constructor(vault: Vault) {
    // The reads first: they must hear of a change before the indexes do (see SharedEntryReads).
    this.reads = new SharedEntryReads(vault, { search: { body: true }, backlinks: { body: false } }, this.files)
    this.search = new SearchService(vault, this.reads)
    this.backlinks = new BacklinksIndex(vault, this.reads)
  }

  /** Stops writing caches and waits for writes under way (before the session encrypts or decrypts the files). */
  async retire(): Promise<void> {
    await Promise.all([this.search.retire(), this.backlinks.retire()])
  }

  /** The vault is closed or locked: both indexes stop, write nothing more, and let go of what they held. */
  close(): void {
    this.search.close()
    this.backlinks.close()
    this.reads.close()
    this.files.close()
  }
}
