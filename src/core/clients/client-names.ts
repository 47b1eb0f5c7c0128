import { ClientStore } from './client-store'

/**
 * The names of a plain vault's clients, sorted as the client list is, read
 * from their client.json files alone: what shell completion asks for on
 * every Tab, where opening the whole journal (seconds for 10,000 entries)
 * would be felt. Reads only; a folder that is not a vault has no names.
 */
export async function clientNames(root: string): Promise<string[]> {
  const store = new ClientStore(root)
  await store.load()
  return store
    .list()
    .flatMap((record) => (record.data ? [record.data.name] : []))
    .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }))
}
