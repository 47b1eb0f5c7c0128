/**
 * A process that renames journal entries as fast as it can, forever, until
 * it is killed: the victim of the rename kill test. Every save gives the
 * entry a new title, so every save writes the file under a new name and
 * removes the old one; one dot is printed per finished save.
 */
import { Vault } from '../vault/vault'
import { revisionBody } from './revisions'

const root = process.argv[2]
if (!root) throw new Error('usage: rename-writer VAULT')

const vault = await Vault.open(root)
const entries = await Promise.all(vault.entries.list(null).map((summary) => vault.entries.read(summary.id)))
process.stdout.write('ready\n')

for (let revision = Date.now() % 100_000; ; revision++) {
  for (const [index, entry] of entries.entries()) {
    entries[index] = await vault.entries.save({ id: entry.id, title: `Entry ${index} r${revision}`, body: revisionBody(revision, 40), version: entry.version })
    process.stdout.write('.')
  }
}
