import { cp, readFile, readdir, writeFile } from 'node:fs/promises'
import type { VaultChanges } from '../../shared/contract/vault'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Channel, Input, Output } from '../../shared/api'
import type { KdfCost } from '../crypto/kdf'
import { VAULT_HEADER_FILE } from '../crypto/key-check'
import { readdir as readdirLogical } from '../fs/vault-files'
import { createDispatch } from '../service'
import { testShell } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { DANA_ID, writeRealisticVault } from '../testing/realistic-vault'
import { filesUnder, fingerprint } from '../transfer/transfer-testing'
import { VaultSession } from '../session/vault-session'

/** Tests derive keys cheaply; the real cost is measured in the crypto bench. */
const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }
const PASSPHRASE = 'correct horse battery staple'
/** Words and names from the realistic vault that must never appear on disk in the clear once it is encrypted. */
const SECRETS = ['Dana', 'Whitfield', 'dana-whitfield', 'Northwind', 'jazz', 'Scope call', 'sideways', 'Priya', 'onboarding', 'client.json', 'journal']

async function startSession(root: string, options: { watch?: boolean } = {}) {
  const events: Array<{ event: string; payload: unknown }> = []
  const session = await VaultSession.start(root, {
    shell: testShell({ emit: (event, payload) => void events.push({ event, payload }) }),
    kdfCost: cheap,
    ...options
  })
  const dispatch = createDispatch(session.handlers)
  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await dispatch(channel, input)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value as Output<C>
  }
  /** The search's answer once the index is complete (it is built in the background after opening). */
  async function search(query: string) {
    for (;;) {
      const answer = await call('search:query', { query })
      if (!answer.indexing) return answer.results
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return { session, call, events, search }
}

/** Every file under `root` with its raw bytes, as someone holding the disk (or the synced folder) sees them. */
async function rawFiles(root: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  return Promise.all((await filesUnder(root)).map(async (path) => ({ path, bytes: await readFile(join(root, path)) })))
}

async function expectNothingInTheClear(root: string): Promise<void> {
  for (const { path, bytes } of await rawFiles(root)) {
    for (const secret of SECRETS) {
      // A name in the clear would hold the secret as written or as a slug writes it (lower case). Compared case-sensitively:
      // an encrypted name is random base64url, and lowered it held "dana" by chance in one run (each letter is one of 32 then).
      for (const form of new Set([secret, secret.toLowerCase()])) expect(path, `a file name reveals "${secret}"`).not.toContain(form)
      expect(bytes.includes(Buffer.from(secret)), `${path} contains "${secret}" in the clear`).toBe(false)
    }
    if (path === 'rapport.json' || path === VAULT_HEADER_FILE) continue
    expect(bytes.subarray(0, 4).toString(), `${path} is not sealed`).toBe('RPE1')
  }
}

async function realisticVault(): Promise<string> {
  const root = await tempDir()
  await writeRealisticVault(root)
  return root
}

describe('an encrypted vault', () => {
  it('turned on, keeps every file sealed and every name encrypted, and reads back the same', async () => {
    const root = await realisticVault()
    // Enough entries for the search index to keep its cache on disk (it does from 200).
    for (let i = 0; i < 210; i++)
      await writeFile(join(root, 'journal', `note-${i}.md`), `---\ntitle: Note ${i} about Northwind\n---\n\nDana mentioned onboarding ${i}.\n`)
    const { session, call, events, search } = await startSession(root)
    const before = await call('entries:read', { id: 'e_01JDXSCOPE0000000000000000' })
    expect((await search('jazz')).length).toBeGreaterThan(0)

    const status = await call('security:encrypt', { passphrase: PASSPHRASE })
    expect(status).toMatchObject({ encrypted: true, locked: false, kdf: { algorithm: 'argon2id', memoryMiB: 1 / 16, iterations: 1, parallelism: 1 } })
    expect(events.some((e) => e.event === 'security:changed')).toBe(true)
    // Still open, still the same text; and the index is built again from the sealed files, its cache sealed too.
    expect(await call('entries:read', { id: before.id })).toMatchObject({ title: before.title, body: before.body })
    expect((await search('jazz')).map((r) => r.title)).toContain('First call')
    await call('entries:save', {
      id: before.id,
      title: before.title,
      body: `${before.body}\nA new line about onboarding.\n`,
      version: (await call('entries:read', { id: before.id })).version
    })
    // The search index's cache is there, written sealed (the raw check below covers its bytes). Waited for, not slept
    // on: under load writing it took longer than any fixed pause.
    await session.indexes.search.settled()
    expect(await readdirLogical(join(root, '.rapport', 'cache'))).toContain('search-index.json')
    expect((await readdir(root)).sort()).toEqual(expect.arrayContaining(['rapport.json', VAULT_HEADER_FILE]))
    expect(await readdir(root)).not.toContain('clients')
    await expectNothingInTheClear(root)
  })

  it("turned on, leaves no cache in the clear: the plain vault's indexes stop writing before the files are sealed", async () => {
    const root = await realisticVault()
    // Enough entries for the search index to keep a cache (it does from 200), and a change it has not written yet.
    for (let i = 0; i < 210; i++)
      await writeFile(join(root, 'journal', `note-${i}.md`), `---\ntitle: Note ${i} about Northwind\n---\n\nDana mentioned onboarding ${i}.\n`)
    const { session, call, search } = await startSession(root)
    expect((await search('jazz')).length).toBeGreaterThan(0)
    const plainSearch = session.indexes.search
    const entry = await call('entries:read', { id: 'e_01JDXSCOPE0000000000000000' })
    await call('entries:save', { id: entry.id, title: entry.title, body: `${entry.body}\nA line about jazz and onboarding.\n`, version: entry.version })
    await plainSearch.indexed()

    const writesBefore = plainSearch.stats.cacheWrites
    await call('security:encrypt', { passphrase: PASSPHRASE })
    // The old index had a change to write. Had it written during the conversion (a loaded machine once lost that
    // race), the cache would be in the clear; retired, it writes nothing more, even when asked to settle.
    await plainSearch.settled()
    expect(plainSearch.stats.cacheWrites).toBe(writesBefore)
    await expectNothingInTheClear(root)
  })

  it('opens locked; a wrong passphrase says so and changes nothing; the right one opens it', async () => {
    const root = await realisticVault()
    const first = await startSession(root)
    await first.call('security:encrypt', { passphrase: PASSPHRASE })
    first.session.close()

    const { call, session } = await startSession(root)
    expect(await call('security:status', undefined)).toMatchObject({ encrypted: true, locked: true })
    await expect(call('clients:list', undefined)).rejects.toMatchObject({ code: 'locked' })
    expect(() => session.vault).toThrow(/locked/)
    const untouched = await fingerprint(root)
    await expect(call('security:unlock', { passphrase: 'correct horse battery stapler' })).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: expect.stringContaining('Nothing was changed')
    })
    expect(await fingerprint(root)).toEqual(untouched)
    expect(await call('security:status', undefined)).toMatchObject({ locked: true })

    await call('security:unlock', { passphrase: PASSPHRASE })
    expect((await call('clients:list', undefined)).map((c) => c.name)).toContain('Dana Whitfield')
    expect((await call('entries:list', { clientId: DANA_ID })).length).toBe(4)
  })

  it('locks on demand: the key and what was read are gone until unlocked again', async () => {
    const root = await realisticVault()
    const { call, session } = await startSession(root)
    await call('security:encrypt', { passphrase: PASSPHRASE })
    const vault = session.vault
    expect(await call('security:lock', undefined)).toMatchObject({ encrypted: true, locked: true })
    await expect(call('entries:read', { id: 'e_01JDXSCOPE0000000000000000' })).rejects.toMatchObject({ code: 'locked' })
    await expect(call('search:query', { query: 'jazz' })).rejects.toMatchObject({ code: 'locked' })
    // The old Vault object, if anything still held it, can no longer read or write the files.
    await expect(vault.entries.read('e_01JDXSCOPE0000000000000000')).rejects.toMatchObject({ code: 'locked' })
    await call('security:unlock', { passphrase: PASSPHRASE })
    expect((await call('entries:read', { id: 'e_01JDXSCOPE0000000000000000' })).title).toBe('Scope call went sideways')
  })

  it('locks itself after the chosen time without activity; activity postpones it', async () => {
    const root = await realisticVault()
    // A fake clock for the session's timer and Date.now, so a loaded machine cannot stretch a pause past the limit;
    // only those are faked, the disk and the key derivation run for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      const minute = 60_000
      const { call, events } = await startSession(root)
      await call('security:encrypt', { passphrase: PASSPHRASE })
      expect(await call('security:set-auto-lock', { minutes: 2 })).toMatchObject({ autoLockMinutes: 2 })
      for (let i = 0; i < 4; i++) {
        await vi.advanceTimersByTimeAsync(minute)
        await call('security:activity', undefined)
      }
      await vi.advanceTimersByTimeAsync(2 * minute - 1)
      expect(await call('security:status', undefined)).toMatchObject({ locked: false })
      await vi.advanceTimersByTimeAsync(1)
      await expect.poll(async () => (await call('security:status', undefined)).locked).toBe(true)
      expect(events.filter((e) => e.event === 'security:changed').at(-1)?.payload).toMatchObject({ locked: true })
      // The setting is kept in rapport.json (not private), so it holds after unlocking.
      expect(JSON.parse(await readFile(join(root, 'rapport.json'), 'utf8')).settings.autoLockMinutes).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('every change works sealed: new client, rename (re-sealed under the new name), trash and restore, history', async () => {
    const root = await realisticVault()
    const { call } = await startSession(root)
    await call('security:encrypt', { passphrase: PASSPHRASE })
    const client = await call('clients:create', { name: 'Whitfield Holdings' })
    const entry = await call('entries:create', { clientId: client.id, title: 'Priya on onboarding', body: 'Dana asked about jazz.' })
    await call('entries:save', { id: entry.id, title: entry.title, body: 'Dana asked about jazz, twice.', version: entry.version })
    await call('clients:rename', { id: client.id, name: 'Whitfield Group' })
    const renamed = await call('entries:read', { id: entry.id })
    expect(renamed.body).toContain('twice')
    expect((await call('history:list', { entryId: entry.id })).length).toBeGreaterThan(0)
    await call('entries:trash', { id: entry.id })
    const trashed = await call('trash:list', undefined)
    expect(trashed.map((t) => t.label)).toContain('Priya on onboarding')
    await call('trash:restore', { id: trashed.find((t) => t.label === 'Priya on onboarding')!.id })
    expect((await call('entries:list', { clientId: client.id })).map((e) => e.title)).toEqual(['Priya on onboarding'])
    await new Promise((resolve) => setTimeout(resolve, 1200))
    await expectNothingInTheClear(root)
  })

  it("imports notes sealed, under encrypted names, though the import's own thread writes them", async () => {
    const root = await realisticVault()
    const notes = await tempDir('rapport-sealed-import-')
    for (let i = 0; i < 40; i++)
      await writeFile(join(notes, `northwind-${i}.md`), `# Priya on onboarding ${i}\n\nDana asked about jazz at Northwind, ${i} times.\n`)
    const { call } = await startSession(root)
    await call('security:encrypt', { passphrase: PASSPHRASE })
    const report = await call('import:run', { paths: [notes], duplicates: 'skip' })
    expect(report).toMatchObject({ status: 'done', imported: 40, problems: [] })
    const imported = (await call('entries:list', { clientId: null })).filter((e) => e.title.startsWith('Priya on onboarding'))
    expect(imported).toHaveLength(40)
    const seventh = imported.find((e) => e.title === 'Priya on onboarding 7')
    expect((await call('entries:read', { id: seventh?.id ?? '' })).body).toContain('Dana asked about jazz at Northwind, 7 times.')
    await expectNothingInTheClear(root)
  })

  it('exports only after the person says yes, and then in plain Markdown', async () => {
    const root = await realisticVault()
    const out = await tempDir()
    const { call } = await startSession(root)
    await call('security:encrypt', { passphrase: PASSPHRASE })
    await expect(call('export:run', { scope: { client: DANA_ID }, target: out })).rejects.toMatchObject({
      code: 'needs-confirmation',
      message: expect.stringContaining('unencrypted')
    })
    expect(await filesUnder(out)).toEqual([])
    await expect(call('entries:export', { id: 'e_01JDXSCOPE0000000000000000' })).rejects.toMatchObject({ code: 'needs-confirmation' })
    await expect(call('brief:export', { clientId: DANA_ID })).rejects.toMatchObject({ code: 'needs-confirmation' })
    const report = await call('export:run', { scope: { client: DANA_ID }, target: out, plainConfirmed: true })
    expect(report).toMatchObject({ status: 'done' })
    const profile = await readFile(join(out, 'dana-whitfield', 'profile.md'), 'utf8')
    expect(profile).toContain('Dana Whitfield')
  })

  it('turned off, is the same plain vault again, and the passphrase is asked for first', async () => {
    const root = await realisticVault()
    const { call } = await startSession(root)
    const plainFiles = (await filesUnder(root)).filter((p) => !p.startsWith('.rapport/'))
    const scope = await call('entries:read', { id: 'e_01JDXSCOPE0000000000000000' })
    await call('security:encrypt', { passphrase: PASSPHRASE })
    await expect(call('security:decrypt', { passphrase: 'not it' })).rejects.toMatchObject({ code: 'wrong-passphrase' })
    expect(await call('security:status', undefined)).toMatchObject({ encrypted: true, locked: false })
    expect(await call('security:decrypt', { passphrase: PASSPHRASE })).toMatchObject({ encrypted: false, locked: false, kdf: null })
    expect((await filesUnder(root)).filter((p) => !p.startsWith('.rapport/'))).toEqual(plainFiles)
    expect(await readFile(join(root, 'clients/dana-whitfield/journal/2026-11-22-scope-call-went-sideways.md'), 'utf8')).toContain('sideways')
    expect(await call('entries:read', { id: scope.id })).toMatchObject({ title: scope.title, body: scope.body })
  })

  it('leaves files that are not the vault’s alone, and does not list them', async () => {
    const root = await realisticVault()
    await writeFile(join(root, 'README.txt'), 'my own note about this folder')
    const { call, session } = await startSession(root)
    await call('security:encrypt', { passphrase: PASSPHRASE })
    expect(await readFile(join(root, 'README.txt'), 'utf8')).toBe('my own note about this folder')
    // A plain file dropped into an encrypted folder is not an entry and does not break the listing.
    const [clientsFolder] = (await readdir(root)).filter((n) => n.length > 40)
    expect(clientsFolder).toBeDefined()
    await writeFile(join(root, clientsFolder!, 'stray.md'), 'plain')
    await session.vault.reload()
    expect((await call('clients:list', undefined)).length).toBe(4)
  })

  it('takes in a change synced from another device, reported by its logical path', async () => {
    const here = await realisticVault()
    const first = await startSession(here)
    await first.call('security:encrypt', { passphrase: PASSPHRASE })
    first.session.close()
    // The other device: a copy of the vault (same key, same encrypted names), where the entry is edited.
    const there = await tempDir()
    await cp(here, there, { recursive: true })
    const other = await startSession(there)
    await other.call('security:unlock', { passphrase: PASSPHRASE })
    const scope = await other.call('entries:read', { id: 'e_01JDXSCOPE0000000000000000' })
    await other.call('entries:save', { id: scope.id, title: scope.title, body: 'Changed on the laptop.\n', version: scope.version })
    other.session.close()

    const { call, session, events } = await startSession(here, { watch: true })
    await call('security:unlock', { passphrase: PASSPHRASE })
    await session.watching
    // The sync tool brings the other device's files over.
    await cp(there, here, { recursive: true, force: true })
    await expect
      .poll(
        () =>
          events.some(
            (e) =>
              e.event === 'vault:changed' &&
              // The entry by its id, or the whole vault read again (the sync brought rapport.json over too, in the same batch or not).
              ((e.payload as VaultChanges).entries.some((changed) => changed.id === 'e_01JDXSCOPE0000000000000000') ||
                (e.payload as VaultChanges).structure.includes('folders'))
          ),
        { timeout: 5000 }
      )
      .toBe(true)
    expect((await call('entries:read', { id: scope.id })).body).toBe('Changed on the laptop.\n')
    session.close()
  })
})
