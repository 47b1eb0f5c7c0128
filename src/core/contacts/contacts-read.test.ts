import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeWindows1252 } from '../fs/text-encoding'
import { readCsv } from './csv-read'
import { parseContactDate } from './dates'
import { readVcards } from './vcard-read'

const fixtures = join(__dirname, 'fixtures')
const text = (name: string): Promise<string> => readFile(join(fixtures, name), 'utf8')

describe('vCard files as address books write them', () => {
  it('reads Apple Contacts (3.0): folded lines, groups, escapes, a year-less birthday, an anniversary label, categories; the photo is dropped', async () => {
    const { contacts, problems } = await readVcards(await text('apple.vcf'), 'apple.vcf', 0)
    expect(problems).toEqual([])
    expect(contacts.map((c) => c.name)).toEqual(['Priya Raman', 'Northwind Traders', 'Åsa Lindqvist'])
    const priya = contacts[0]
    expect(priya).toMatchObject({
      organisation: 'Northwind Traders',
      title: 'Head of Operations',
      emails: ['priya@northwind.example', 'priya.raman@mail.example'],
      phones: ['+44 7700 900123', '+44 20 7946 0101'],
      dates: [
        { label: 'birthday', date: '1604-03-14' },
        { label: 'anniversary', date: '2015-06-20' }
      ],
      categories: ['Clients', 'VIP'],
      line: 1
    })
    expect(priya?.note).toBe(
      'Met at the Leeds ops summit. Prefers a one-page summary before any call; hates surprises in meetings.\nAsk about her cycling trip.'
    )
    expect(JSON.stringify(contacts)).not.toContain('AAECAwQF')
    expect(contacts[2]?.note).toBe('Fika at 15:00, always. 🌲')
  })

  it('reads Google Contacts (3.0) with an ISO birthday and a --MM-DD one', async () => {
    const { contacts } = await readVcards(await text('google.vcf'), 'google.vcf', 0)
    expect(contacts[0]).toMatchObject({
      name: 'Dana Whitfield',
      organisation: 'Northwind Traders',
      title: 'COO',
      dates: [
        { label: 'birthday', date: '1980-03-14' },
        { label: 'anniversary', date: '2010-06-01' }
      ],
      categories: ['myContacts', 'Golf']
    })
    expect(contacts[1]?.dates).toEqual([{ label: 'birthday', date: '1604-07-04' }])
  })

  it('reads Outlook (2.1): bare TYPE parameters, quoted-printable with soft line breaks, CHARSET=Windows-1252', async () => {
    const { contacts, problems } = await readVcards(await text('outlook.vcf'), 'outlook.vcf', 0)
    expect(problems).toEqual([])
    expect(contacts[0]).toMatchObject({
      name: 'Chidi Okafor',
      organisation: 'Café Lumière',
      phones: ['+33 1 23 45 67 89', '+33 6 12 34 56 78'],
      emails: ['chidi@cafe-lumiere.example'],
      dates: [
        { label: 'birthday', date: '1975-09-21' },
        { label: 'anniversary', date: '2005-05-14' }
      ],
      note: 'Café crème, no sugar. Likes to talk about the market first.\nSecond visit: €200 deposit paid.'
    })
  })

  it('reads 4.0: TZ, ANNIVERSARY, --MMDD; a broken card is a problem on its line and the others are read', async () => {
    const file = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ann Lee',
      'BDAY:--0229',
      'ANNIVERSARY:20100601',
      'TZ:America/New_York',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'this is not a property',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'END:VCARD'
    ].join('\n')
    const { contacts, problems } = await readVcards(file, 'x.vcf', 0)
    expect(contacts).toHaveLength(1)
    expect(contacts[0]).toMatchObject({
      timeZone: 'America/New_York',
      dates: [
        { label: 'birthday', date: '1604-02-29' },
        { label: 'anniversary', date: '2010-06-01' }
      ]
    })
    expect(problems.map((p) => p.path)).toEqual(['x.vcf:8', 'x.vcf:12'])
    expect(problems[0]?.reason).toMatch(/could not be read/)
    expect(problems[1]?.reason).toMatch(/no name/)
  })

  it('reads the 1,000-contact file whole', async () => {
    const { contacts, problems } = await readVcards(await text('thousand.vcf'), 'thousand.vcf', 0)
    expect(problems).toEqual([])
    expect(contacts).toHaveLength(1000)
    expect(new Set(contacts.map((c) => c.key)).size).toBe(1000)
    expect(contacts[999]).toMatchObject({ name: 'Tove Jensen 0999', organisation: 'Margie' })
  })
})

describe('CSV exports', () => {
  it('knows Google Contacts by its headers: " ::: " lists, its own groups left out, newlines in quotes, events', async () => {
    const csv = await readCsv(await text('google.csv'), 'google.csv', 0)
    expect(csv.format).toBe('google-csv')
    expect(csv.problems).toEqual([])
    expect(csv.contacts[0]).toMatchObject({
      name: 'Dana Whitfield',
      organisation: 'Northwind Traders',
      title: 'COO',
      emails: ['dana@northwind.example', 'dana.w@mail.example'],
      phones: ['+44 20 7946 0000'],
      dates: [
        { label: 'birthday', date: '1980-03-14' },
        { label: 'anniversary', date: '2010-06-01' }
      ],
      note: 'Board review in Q1.\nBig picture, not decks.',
      categories: ['Golf'],
      line: 2
    })
    expect(csv.contacts[1]).toMatchObject({ name: 'Marcus Bell', categories: [], dates: [{ label: 'birthday', date: '1604-07-04' }] })
    expect(csv.contacts[2]).toMatchObject({ name: 'Yuki Tanaka', note: 'Sister of a client; "call her Yu"', line: 6 })
  })

  it('knows LinkedIn Connections.csv, its notes before the header passed over', async () => {
    const csv = await readCsv(await text('linkedin.csv'), 'linkedin.csv', 0)
    expect(csv.format).toBe('linkedin-csv')
    expect(csv.contacts.map((c) => [c.name, c.organisation, c.title, c.emails])).toEqual([
      ['Priya Raman', 'Northwind Traders', 'Head of Operations', ['priya@northwind.example']],
      ['Tomás Ortega', 'Contoso', 'VP, Sales', []],
      ['Ingrid Holm', 'Contoso', 'Procurement Lead', []]
    ])
  })

  it('knows Outlook, in Windows-1252: "Job Title" is the role (not "Title"), M/D/YYYY dates, 0/0/00 is none', async () => {
    const csv = await readCsv(decodeWindows1252(await readFile(join(fixtures, 'outlook.csv'))), 'outlook.csv', 0)
    expect(csv.format).toBe('outlook-csv')
    expect(csv.contacts[0]).toMatchObject({
      name: 'Chidi Okafor',
      organisation: 'Café Lumière',
      title: 'Owner',
      phones: ['+33 1 23 45 67 89', '+33 6 12 34 56 78'],
      dates: [
        { label: 'birthday', date: '1975-09-21' },
        { label: 'anniversary', date: '2005-05-14' }
      ],
      categories: ['Suppliers', 'Paris'],
      note: 'Crème, no sugar — €200 deposit.'
    })
    expect(csv.contacts[1]).toMatchObject({ name: 'Ann Lee', dates: [] })
  })

  it('reads any other CSV through a guessed mapping, with ; separators and a BOM; a mapping chosen by the person wins', async () => {
    const file = '\uFEFFFull name;Company;E-mail;Mobile;Tags;Shoe size\nAnn Lee;Lee & Co;ann@lee.example;+44 7700 900001;a, b;41\n'
    const guessed = await readCsv(file, 'x.csv', 0)
    expect(guessed.format).toBe('csv')
    expect(guessed.mapping).toEqual({ 'Full name': 'name', Company: 'organisation', 'E-mail': 'email', Mobile: 'phone', Tags: 'categories', 'Shoe size': null })
    expect(guessed.contacts[0]).toMatchObject({ name: 'Ann Lee', organisation: 'Lee & Co', emails: ['ann@lee.example'], categories: ['a', 'b'] })
    const chosen = await readCsv(file, 'x.csv', 0, { 'Full name': 'name', Company: 'title', 'Shoe size': 'note' })
    expect(chosen.contacts[0]).toMatchObject({ name: 'Ann Lee', title: 'Lee & Co', note: '41', emails: [] })
  })

  it('says when no column names anyone, rather than importing nothing silently', async () => {
    const csv = await readCsv('Colour,Size\nred,4\n', 'x.csv', 0)
    expect(csv.contacts).toEqual([])
    expect(csv.problems[0]?.reason).toMatch(/no column holds a name/)
  })
})

describe('dates as address books write them', () => {
  it.each([
    ['1980-03-14', '1980-03-14'],
    ['19800314', '1980-03-14'],
    ['1980-03-14T00:00:00Z', '1980-03-14'],
    ['--0314', '1604-03-14'],
    ['--03-14', '1604-03-14'],
    ['3/14/1980', '1980-03-14'],
    ['0/0/00', null],
    ['1980-02-30', null],
    ['soon', null]
  ])('%s → %s', (written, stored) => expect(parseContactDate(written)).toBe(stored))
})
