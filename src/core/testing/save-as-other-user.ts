/**
 * Opens a vault and tries to save one entry, printing the result as JSON: run
 * as another (unprivileged) user by the disk-failure test to meet a real EACCES.
 */
import { createDispatch, createHandlers } from '../service'
import { Vault } from '../vault/vault'

const [root, id, body] = process.argv.slice(2)
const vault = await Vault.open(root ?? '')
const dispatch = createDispatch(
  createHandlers(vault, {
    resourcesDir: '',
    chooseSavePath: async () => null,
    chooseFolder: async () => null,
    chooseFiles: async () => null,
    openExternal: async () => undefined,
    flushed: () => undefined
  })
)
const read = await dispatch('entries:read', { id })
if (!read.ok) throw new Error(read.error.message)
const entry = read.value as { title: string; version: string }
process.stdout.write(JSON.stringify(await dispatch('entries:save', { id, title: entry.title, body, version: entry.version })))
