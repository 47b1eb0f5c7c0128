/**
 * A process that writes to a vault as fast as it can, forever, until it is
 * killed: the victim of the crash-safety test. Every body it writes is a
 * self-checking "revision" (see `revisionBody`), so a reader can tell a whole
 * file from a torn one.
 */
import { createDispatch, createHandlers } from '../service'
import { Vault } from '../vault/vault'
import type { Entry } from '../../shared/domain'
import { revisionBody } from './revisions'

const root = process.argv[2]
if (!root) throw new Error('usage: crash-writer VAULT')

const vault = await Vault.open(root)
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
async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

const clients = await call<Array<{ id: string }>>('clients:list', undefined)
const entries = new Map<string, Entry>()
for (const client of clients) {
  for (const summary of await call<Array<{ id: string }>>('entries:list', { clientId: client.id })) {
    entries.set(summary.id, await call<Entry>('entries:read', { id: summary.id }))
  }
}
process.stdout.write('ready\n')

for (let revision = Date.now() % 100_000; ; revision++) {
  const newcomer = clients[revision % clients.length]
  if (newcomer && revision % 3 === 0) await call('entries:create', { clientId: newcomer.id, title: `New ${revision}`, body: revisionBody(revision, 30) })
  for (const [id, entry] of entries) {
    const saved = await call<Entry>('entries:save', { id, title: entry.title, body: revisionBody(revision, 50 + (revision % 400)), version: entry.version })
    entries.set(id, saved)
    // One dot per finished save, so the test can kill while writes are under way whatever the machine's speed.
    process.stdout.write('.')
  }
  const client = clients[revision % clients.length]
  if (client) {
    const record = vault.clients.get(client.id)
    await vault.clients.update(record, (data) => {
      data.tags = [`rev-${revision}`]
      data.crashTestPadding = 'x'.repeat(revision % 2000)
    })
  }
}
