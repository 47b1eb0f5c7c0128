import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import VCard from 'vcf'
import { describe, expect, it } from 'vitest'
import type { ContactsChoices } from '../../shared/contract/contacts'
import { summariseContacts } from '../../shared/contacts-outcome'
import type { ClientFile } from '../../shared/domain'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import type { Clock } from '../relationship/viewpoint'

const fixtures = join(__dirname, 'fixtures')
const fixture = (name: string): string => join(fixtures, name)
const clock: Clock = { now: () => new Date('2026-11-23T10:00:00Z'), timeZone: () => 'Europe/London' }
const open = () => openTestVault(undefined, { clock })
type Vault = Awaited<ReturnType<typeof open>>

async function preview(v: Vault, paths: string[]) {
  const result = await v.call('contacts:preview', { paths })
  if (!result) throw new Error('no preview')
  return result
}

async function importAll(v: Vault, paths: string[], choices: Partial<ContactsChoices> = {}) {
  const seen = await preview(v, paths)
  return { seen, report: await v.call('contacts:import', { paths, choices: { fingerprint: seen.fingerprint, ...choices } }) }
}

async function clientFiles(dir: string): Promise<ClientFile[]> {
  const folders = await readdir(join(dir, 'clients'))
  return Promise.all(folders.map(async (f) => JSON.parse(await readFile(join(dir, 'clients', f, 'client.json'), 'utf8')) as ClientFile))
}

describe('contacts import', () => {
  it('previews without writing, then makes each contact a client with its fields where client.json keeps them', async () => {
    const v = await open()
    const seen = await preview(v, [fixture('apple.vcf')])
    expect(await readdir(v.dir)).not.toContain('clients')
    expect(seen.files).toEqual([{ path: fixture('apple.vcf'), format: 'vcard', encoding: 'utf-8', contacts: 3 }])
    expect(summariseContacts(seen, { shape: 'client', organisations: {}, duplicates: {}, otherDuplicates: 'skip' })).toEqual({
      clients: 3,
      people: 0,
      merged: 0,
      skipped: 0
    })
    expect(summariseContacts(seen, { shape: 'organisation', organisations: {}, duplicates: {}, otherDuplicates: 'skip' })).toEqual({
      clients: 2,
      people: 2,
      merged: 0,
      skipped: 0
    })

    const { report } = await importAll(v, [fixture('apple.vcf')])
    expect(report).toMatchObject({ status: 'done', peopleAdded: 0, merged: 0, skipped: 0, problems: [] })
    expect(report.clientsCreated.map((c) => c.name)).toEqual(['Priya Raman', 'Northwind Traders', 'Åsa Lindqvist'])
    const priya = (await clientFiles(v.dir)).find((c) => c.name === 'Priya Raman')
    expect(priya).toMatchObject({
      organisation: 'Northwind Traders',
      role: 'Head of Operations',
      contact: { email: 'priya@northwind.example', otherEmails: ['priya.raman@mail.example'], phone: '+44 7700 900123', otherPhones: ['+44 20 7946 0101'] },
      person: {
        dates: [
          { label: 'birthday', date: '1604-03-14', repeats: 'yearly' },
          { label: 'anniversary', date: '2015-06-20', repeats: 'yearly' }
        ]
      },
      tags: ['Clients', 'VIP'],
      createdAt: '2026-11-23T10:00:00.000Z'
    })
    expect(priya?.person?.notes).toContain('Ask about her cycling trip.')
    // The birthday without a year comes round every year, with no made-up age.
    const detail = await v.call('clients:get', { id: report.clientsCreated[0]?.id ?? '' })
    const birthday = detail.insights.importantDates.find((d) => d.label === 'birthday')
    expect(birthday).toMatchObject({ next: '2027-03-14', repeats: 'yearly' })
    expect(birthday?.years).toBeUndefined()
    expect(detail.insights.importantDates.find((d) => d.label === 'anniversary')?.years).toBe(12)
  })

  it('groups by organisation: one client per organisation with its people, joining a client the vault already has', async () => {
    const v = await open()
    const contoso = await v.call('clients:create', { name: 'Contoso' })
    const { seen, report } = await importAll(v, [fixture('linkedin.csv'), fixture('google.csv')], { shape: 'organisation' })
    expect(seen.organisations.find((o) => o.name === 'Contoso')).toMatchObject({ contacts: 2, clientId: contoso.id })
    expect(report.clientsCreated.map((c) => c.name).sort()).toEqual(['Northwind Traders', 'Quiet Harbour', 'Yuki Tanaka'])
    expect(report.peopleAdded).toBe(5)
    const files = await clientFiles(v.dir)
    const northwind = files.find((c) => c.name === 'Northwind Traders')
    // Priya (LinkedIn) and Dana (Google) share Northwind Traders.
    expect(northwind?.people.map((p) => [p.name, p.role])).toEqual([
      ['Priya Raman', 'Head of Operations'],
      ['Dana Whitfield', 'COO']
    ])
    expect(northwind?.people[1]).toMatchObject({
      contact: { email: 'dana@northwind.example' },
      person: {
        dates: [
          { label: 'birthday', date: '1980-03-14', repeats: 'yearly' },
          { label: 'anniversary', date: '2010-06-01', repeats: 'yearly' }
        ]
      },
      notes: 'Board review in Q1.\nBig picture, not decks.'
    })
    expect(northwind?.tags).toEqual(['Golf'])
    expect(files.find((c) => c.id === contoso.id)?.people.map((p) => p.name)).toEqual(['Tomás Ortega', 'Ingrid Holm'])
  })

  it('lets one organisation be grouped and the others not', async () => {
    const v = await open()
    const seen = await preview(v, [fixture('linkedin.csv')])
    const contoso = seen.organisations.find((o) => o.name === 'Contoso')?.key ?? ''
    const { report } = await importAll(v, [fixture('linkedin.csv')], { shape: 'client', organisations: { [contoso]: 'organisation' } })
    expect(report.clientsCreated.map((c) => c.name)).toEqual(['Priya Raman', 'Contoso'])
    expect(report.peopleAdded).toBe(2)
  })

  it('a second import of the same file finds every contact as a duplicate, in both shapes, and skips them', async () => {
    for (const shape of ['client', 'organisation'] as const) {
      const v = await open()
      const paths = [fixture('apple.vcf'), fixture('google.vcf'), fixture('outlook.vcf'), fixture('google.csv'), fixture('linkedin.csv')]
      await importAll(v, paths, { shape })
      const before = await clientFiles(v.dir)
      const again = await preview(v, paths)
      // Within the first import, the same people in two files were already duplicates of each other; now all are in the vault.
      expect(again.contacts.filter((c) => !c.duplicate).map((c) => c.name)).toEqual([])
      const { report } = await importAll(v, paths, { shape })
      expect(report).toMatchObject({ clientsCreated: [], peopleAdded: 0, merged: 0, skipped: again.contacts.length })
      expect(await clientFiles(v.dir)).toEqual(before)
    }
  })

  it('finds duplicates by email, phone, and name with organisation; Merge fills empty fields and never overwrites', async () => {
    const v = await open()
    const dana = await v.call('clients:create', { name: 'Dana W.' })
    await v.vault.clients.update(v.vault.clients.get(dana.id), (d) => {
      d.role = 'Chief Operating Officer'
      d.contact = { email: 'DANA@northwind.example' }
      d.person = { notes: 'Mine.' }
    })
    const marcus = await v.call('clients:create', { name: 'M. Bell' })
    await v.vault.clients.update(v.vault.clients.get(marcus.id), (d) => void (d.contact = { phone: '(415) 555-0142' }))
    const yuki = await v.call('clients:create', { name: 'yuki tanaka' })

    const seen = await preview(v, [fixture('google.csv')])
    expect(seen.contacts.map((c) => [c.name, c.duplicate?.reason, c.duplicate?.clientId])).toEqual([
      ['Dana Whitfield', 'email', dana.id],
      ['Marcus Bell', 'phone', marcus.id],
      ['Yuki Tanaka', 'name', yuki.id]
    ])
    const danaKey = seen.contacts[0]?.key ?? ''
    const yukiKey = seen.contacts[2]?.key ?? ''
    const { report } = await importAll(v, [fixture('google.csv')], { duplicates: { [danaKey]: 'merge', [yukiKey]: 'keep' } })
    expect(report).toMatchObject({ merged: 1, skipped: 1, clientsCreated: [{ name: 'Yuki Tanaka' }] })
    const merged = (await clientFiles(v.dir)).find((c) => c.id === dana.id)
    expect(merged).toMatchObject({
      name: 'Dana W.',
      role: 'Chief Operating Officer',
      organisation: 'Northwind Traders',
      contact: { email: 'DANA@northwind.example', phone: '+44 20 7946 0000', otherEmails: ['dana.w@mail.example'] },
      person: {
        notes: 'Mine.',
        dates: [
          { label: 'birthday', date: '1980-03-14' },
          { label: 'anniversary', date: '2010-06-01' }
        ]
      },
      tags: ['Golf']
    })
    expect((await clientFiles(v.dir)).find((c) => c.id === marcus.id)?.organisation).toBeUndefined()
  })

  it('merges into a person at a client; a birthday already there stays', async () => {
    const v = await open()
    const northwind = await v.call('clients:create', { name: 'Northwind Traders' })
    await v.vault.clients.update(v.vault.clients.get(northwind.id), (d) => {
      d.people = [{ id: 'p_priya', name: 'Priya Raman', role: 'Ops', person: { dates: [{ label: 'birthday', date: '1990-01-01' }] } }]
    })
    const seen = await preview(v, [fixture('apple.vcf')])
    expect(seen.contacts[0]?.duplicate).toMatchObject({ of: 'person', personId: 'p_priya', clientName: 'Northwind Traders', reason: 'name' })
    await importAll(v, [fixture('apple.vcf')], { otherDuplicates: 'merge' })
    const priya = (await clientFiles(v.dir)).find((c) => c.id === northwind.id)?.people[0]
    expect(priya).toMatchObject({
      role: 'Ops',
      contact: { email: 'priya@northwind.example' },
      person: {
        dates: [
          { label: 'birthday', date: '1990-01-01' },
          { label: 'anniversary', date: '2015-06-20', repeats: 'yearly' }
        ]
      }
    })
    expect(priya?.notes).toContain('Leeds')
  })

  it('gives twenty people of the same name (written several at a time) twenty folders', async () => {
    const v = await open()
    const path = join(await tempDir(), 'same.vcf')
    await writeFile(
      path,
      Array.from({ length: 20 }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nEMAIL:sam${i}@lee.example\r\nEND:VCARD\r\n`).join('')
    )
    const { report } = await importAll(v, [path], { otherDuplicates: 'keep' })
    expect(report.problems).toEqual([])
    expect(report.clientsCreated).toHaveLength(20)
    expect(new Set(await readdir(join(v.dir, 'clients'))).size).toBe(20)
    expect((await clientFiles(v.dir)).map((c) => c.contact?.email).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `sam${i}@lee.example`).sort())
  })

  it('imports any other CSV through the columns the person mapped in the preview', async () => {
    const v = await open()
    const path = join(await tempDir(), 'crm.csv')
    await writeFile(path, 'Who,Where,Reach,Remarks\nAnn Lee,Lee & Co,ann@lee.example,Met at a fair\n')
    const guessed = await preview(v, [path])
    expect(guessed.files[0]).toMatchObject({
      format: 'csv',
      headers: ['Who', 'Where', 'Reach', 'Remarks'],
      mapping: { Who: null, Where: null, Reach: null, Remarks: null }
    })
    expect(guessed.problems[0]?.reason).toMatch(/choose what the columns hold/)
    const columns = { [path]: { Who: 'name', Where: 'organisation', Reach: 'email', Remarks: 'note' } as const }
    const mapped = await v.call('contacts:preview', { paths: [path], columns })
    expect(mapped?.contacts).toMatchObject([{ name: 'Ann Lee', organisation: 'Lee & Co', emails: ['ann@lee.example'], note: 'Met at a fair' }])
    // The fingerprint covers the mapping: the import must be made with the one that was previewed.
    expect(mapped?.fingerprint).not.toBe(guessed.fingerprint)
    const report = await v.call('contacts:import', { paths: [path], columns, choices: { fingerprint: mapped?.fingerprint ?? '' } })
    expect(report.clientsCreated.map((c) => c.name)).toEqual(['Ann Lee'])
  })

  it('refuses to import files that changed since the preview, and writes nothing', async () => {
    const v = await open()
    const seen = await preview(v, [fixture('google.vcf')])
    const error = await v
      .call('contacts:import', { paths: [fixture('apple.vcf')], choices: { fingerprint: seen.fingerprint } })
      .catch((e: Error & { code: string }) => e)
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed since the preview/) })
    expect(await readdir(v.dir)).not.toContain('clients')
  })

  it('never changes the files it imports', async () => {
    const v = await open()
    const names = ['apple.vcf', 'google.csv', 'outlook.vcf']
    const before = await Promise.all(names.map(async (n) => [await readFile(fixture(n)), (await stat(fixture(n))).mtimeMs]))
    await importAll(v, names.map(fixture), { shape: 'organisation' })
    const after = await Promise.all(names.map(async (n) => [await readFile(fixture(n)), (await stat(fixture(n))).mtimeMs]))
    expect(after).toEqual(before)
  })

  it('stops between two clients when cancelled, and keeps what was written', async () => {
    let cancel = (): void => undefined
    const v = await openTestVault(undefined, {
      clock,
      // Cancelled as soon as the first clients are written, as a person would press Cancel under the progress bar.
      shell: { emit: (event, payload) => void (event === 'transfer:progress' && 'phase' in payload && payload.phase === 'writing' && cancel()) }
    })
    const seen = await preview(v, [fixture('thousand.vcf')])
    cancel = () => void v.call('transfer:cancel', { jobId: 'contacts-1' })
    const report = await v.call('contacts:import', { paths: [fixture('thousand.vcf')], choices: { fingerprint: seen.fingerprint }, jobId: 'contacts-1' })
    expect(report.status).toBe('cancelled')
    expect(report.clientsCreated.length + report.notReached).toBe(1000)
    expect(report.clientsCreated.length).toBeLessThan(1000)
    expect((await readdir(join(v.dir, 'clients'))).length).toBe(report.clientsCreated.length)
  })

  it('cancelled while the files are still read, writes nothing and says every client was not reached', async () => {
    const files = [fixture('thousand.vcf'), fixture('google.csv')]
    // How many clients these files make, counted by an import left to finish.
    const whole = await open()
    const all = await whole.call('contacts:import', { paths: files, choices: { fingerprint: (await preview(whole, files)).fingerprint } })
    expect(all.status).toBe('done')

    let cancel = (): void => undefined
    const v = await openTestVault(undefined, {
      clock,
      // Cancelled once the first file is read, before the second is: the run must not take a half-read plan for the whole.
      shell: { emit: (event, payload) => void (event === 'transfer:progress' && 'phase' in payload && payload.phase === 'reading' && cancel()) }
    })
    const seen = await preview(v, files)
    cancel = () => void v.call('transfer:cancel', { jobId: 'contacts-2' })
    const report = await v.call('contacts:import', { paths: files, choices: { fingerprint: seen.fingerprint }, jobId: 'contacts-2' })
    expect(report).toMatchObject({ status: 'cancelled', clientsCreated: [], notReached: all.clientsCreated.length })
    expect(await readdir(join(v.dir, 'clients')).catch(() => [])).toEqual([])
  })
})

describe('contacts export', () => {
  it('writes vCard 4.0 that another parser reads back with every field, and that imports back as duplicates', async () => {
    const v = await open()
    await importAll(v, [fixture('apple.vcf'), fixture('google.csv'), fixture('linkedin.csv')], { shape: 'organisation' })
    const out = join(await tempDir(), 'contacts.vcf')
    const report = await v.call('contacts:export', { target: out })
    // Dana (Google) shares Northwind's main line (Apple), so she was a duplicate and skipped.
    expect(report).toEqual({ path: out, clients: 5, people: 5 })
    const text = await readFile(out, 'utf8')
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)

    const cards = VCard.parse(text)
    expect(cards).toHaveLength(10)
    const value = (card: VCard, key: string): string[] => ([] as Array<{ valueOf(): string }>).concat(card.get(key) ?? []).map((p) => p.valueOf())
    const priya = cards.find((c) => value(c, 'fn')[0] === 'Priya Raman')
    if (!priya) throw new Error('Priya is not in the export')
    expect(priya.version).toBe('4.0')
    expect(value(priya, 'org')).toEqual(['Northwind Traders'])
    expect(value(priya, 'title')).toEqual(['Head of Operations'])
    expect(value(priya, 'email')).toEqual(['priya@northwind.example', 'priya.raman@mail.example'])
    expect(value(priya, 'tel')).toEqual(['+44 7700 900123', '+44 20 7946 0101'])
    expect(value(priya, 'bday')).toEqual(['--0314'])
    expect(value(priya, 'anniversary')).toEqual(['20150620'])
    expect(value(priya, 'note')[0]).toContain('Ask about her cycling trip.')
    const asa = cards.find((c) => value(c, 'fn')[0] === 'Åsa Lindqvist')
    if (!asa) throw new Error('Åsa is not in the export')
    expect(value(asa, 'bday')).toEqual(['19881231'])
    expect(value(asa, 'note')).toEqual(['Fika at 15:00\\, always. 🌲'])
    const northwind = cards.find((c) => value(c, 'fn')[0] === 'Northwind Traders')
    if (!northwind) throw new Error('Northwind is not in the export')
    expect(value(northwind, 'kind')).toEqual(['org'])
    expect(value(northwind, 'categories').join(',')).toMatch(/Clients/)

    // Back into Rapport: every card is someone already there.
    const again = await preview(v, [out])
    expect(again.problems).toEqual([])
    expect(again.contacts).toHaveLength(10)
    expect(again.contacts.filter((c) => c.duplicate?.reason !== 'id')).toEqual([])

    // And into a new vault: the same fields come back.
    const w = await open()
    await importAll(w, [out], { shape: 'client' })
    const priyaAgain = (await clientFiles(w.dir)).find((c) => c.name === 'Priya Raman')
    expect(priyaAgain).toMatchObject({
      organisation: 'Northwind Traders',
      role: 'Head of Operations',
      contact: { email: 'priya@northwind.example', otherEmails: ['priya.raman@mail.example'], phone: '+44 7700 900123', otherPhones: ['+44 20 7946 0101'] },
      person: {
        dates: [
          { label: 'birthday', date: '1604-03-14' },
          { label: 'anniversary', date: '2015-06-20' }
        ]
      }
    })
    expect(priyaAgain?.person?.notes).toContain('Ask about her cycling trip.')
  })

  it('exports one client and its people only', async () => {
    const v = await open()
    const { report } = await importAll(v, [fixture('linkedin.csv')], { shape: 'organisation' })
    const contoso = report.clientsCreated.find((c) => c.name === 'Contoso')
    const out = join(await tempDir(), 'one.vcf')
    expect(await v.call('contacts:export', { clientIds: [contoso?.id ?? ''], target: out })).toEqual({ path: out, clients: 1, people: 2 })
    expect(VCard.parse(await readFile(out, 'utf8')).map((c) => c.get('fn')?.valueOf())).toEqual(['Contoso', 'Tomás Ortega', 'Ingrid Holm'])
  })
})
