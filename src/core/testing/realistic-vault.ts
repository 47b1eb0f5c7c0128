import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ClientFile } from '../../shared/domain'
import { serializeEntryFile } from '../entries/entry-file'
import { formatJson } from '../fs/durable-json-file'

/**
 * A realistic vault for the transfer tests, written as files the way Rapport
 * (and a person with a text editor) leaves them: clients with full profiles,
 * entries with headings, lists, tasks, tables, raw HTML, emoji, links between
 * entries, tags, template ids, fields Rapport does not know, identical titles.
 */

export const DANA_ID = 'c_01JDXDANA00000000000000000'
export const NORTHWIND_ID = 'c_01JDXNORTHWIND000000000000'
export const CAFE_ID = 'c_01JDXCAFE00000000000000000'
export const QUIET_ID = 'c_01JDXQUIET0000000000000000'

export const dana: ClientFile = {
  format: 1,
  id: DANA_ID,
  name: 'Dana Whitfield',
  organisation: 'Northwind',
  role: 'COO',
  contact: { email: 'dana@northwind.example', phone: '+44 20 7946 0000' },
  style: {
    channel: 'phone',
    detail: 'big-picture',
    opening: 'straight-to-business',
    bestTimes: 'mornings',
    timeZone: 'Europe/London',
    replyWithin: 'same day',
    notes: 'Hates *long* decks | prefers one page.'
  },
  person: { likes: ['jazz', 'cycling'], dislikes: ['cucumber'], dates: [{ label: 'birthday', date: '1980-03-14' }], notes: '' },
  business: { goals: 'Cut onboarding time in half', pressures: 'Board review in Q1', success: 'Customers live in a week' },
  stage: {
    current: 'engaged',
    history: [
      { stage: 'first-contact', at: '2026-01-10' },
      { stage: 'engaged', at: '2026-03-02', note: 'Signed the pilot' }
    ]
  },
  trust: {
    current: 'familiar',
    history: [
      { trust: 'friend', at: '2026-02-01' },
      { trust: 'familiar', at: '2026-06-15', note: 'Shared the board pack' }
    ]
  },
  commitments: [
    { id: 'k_1', by: 'me', what: 'Send the revised scope', due: '2026-11-25', status: 'open', createdAt: '2026-11-20', entry: 'e_01JDXSCOPE0000000000000000' },
    { id: 'k_2', by: 'client', what: 'Intro to procurement', status: 'done', createdAt: '2026-10-01', closedAt: '2026-10-09' }
  ],
  interactions: [
    { id: 'i_1', at: '2026-11-20T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'no-reply' },
    { id: 'i_2', at: '2026-11-21T09:30:00Z', channel: 'video', direction: 'in', outcome: 'conversation', note: 'Scope worries' }
  ],
  people: [
    {
      id: 'p_1',
      name: 'Priya Raman',
      role: 'Head of Operations',
      relation: 'blocker',
      trust: { current: 'fringe', history: [] },
      notes: 'Protective of her team.'
    }
  ],
  followUp: '2026-11-28',
  tags: ['retainer', 'pilot'],
  crmId: 'NW-42',
  createdAt: '2026-01-10T09:00:00.000Z'
}

const minimal = (id: string, name: string): ClientFile => ({
  format: 1,
  id,
  name,
  commitments: [],
  interactions: [],
  people: [],
  tags: [],
  createdAt: '2026-02-01T00:00:00.000Z'
})

export interface FixtureEntry {
  folder: string
  file: string
  fields: Record<string, unknown>
  body: string
}

const SCOPE_BODY = `## What happened

She pushed back on the **scope** — fair. 😬 See [the first call](rapport://entry/e_01JDXFIRST0000000000000000) and [the retro](../../northwind-traders/journal/2026-09-01-retro.md#what-went-well).

- [x] Listen first
- [ ] Send the revised scope by *Tuesday*
  - nested item with \`code\`

| Risk | Owner |
| --- | --- |
| Budget \\| timing | Dana |

<details><summary>Raw HTML</summary>kept as is</details>

\`\`\`md
[not a link](rapport://entry/e_01JDXFIRST0000000000000000)
\`\`\`

> A quote with a [web link](https://example.com/a_b?x=1).

[ref]: rapport://entry/e_01JDXRETRO0000000000000000 "the retro"
See the [retro][ref].
`

export const entries: FixtureEntry[] = [
  {
    folder: 'clients/dana-whitfield/journal',
    file: '2026-11-22-scope-call-went-sideways.md',
    fields: {
      id: 'e_01JDXSCOPE0000000000000000',
      client: DANA_ID,
      title: 'Scope call went sideways',
      created: '2026-11-22T10:30:00.000Z',
      updated: '2026-11-22T11:02:13.000Z',
      template: 'after-difficult-meeting',
      tags: ['scope', 'pricing'],
      mood: 2,
      followUpWith: { name: 'Priya', when: 'Friday' }
    },
    body: SCOPE_BODY
  },
  {
    folder: 'clients/dana-whitfield/journal',
    file: '2026-01-12-first-call.md',
    fields: {
      id: 'e_01JDXFIRST0000000000000000',
      client: DANA_ID,
      title: 'First call',
      created: '2026-01-12T15:00:00.000Z',
      updated: '2026-01-12T15:40:00.000Z',
      template: 'first-meeting',
      tags: []
    },
    body: '# Heading one inside\n\nShe likes jazz 🎷. Setext heading below.\n\nAgenda\n------\n\n1. Intro\n2. Goals\n'
  },
  {
    folder: 'clients/dana-whitfield/journal',
    file: '2026-11-23-weekly-check-in.md',
    fields: {
      id: 'e_01JDXWEEK10000000000000000',
      client: DANA_ID,
      title: 'Weekly check-in',
      created: '2026-11-23T08:00:00.000Z',
      updated: '2026-11-23T08:00:00.000Z',
      tags: ['weekly']
    },
    body: 'Short one.\n'
  },
  {
    folder: 'clients/dana-whitfield/journal',
    file: '2026-11-23-weekly-check-in-2.md',
    fields: {
      id: 'e_01JDXWEEK20000000000000000',
      client: DANA_ID,
      title: 'Weekly check-in',
      created: '2026-11-23T17:00:00.000Z',
      updated: '2026-11-24T09:00:00.000Z',
      tags: ['weekly']
    },
    body: 'Second one, same title, same day.\n'
  },
  {
    folder: 'clients/northwind-traders/journal',
    file: '2026-09-01-retro.md',
    fields: {
      id: 'e_01JDXRETRO0000000000000000',
      client: NORTHWIND_ID,
      title: 'Retro',
      created: '2026-09-01T12:00:00.000Z',
      updated: '2026-09-02T12:00:00.000Z',
      template: 'feedback-retrospective',
      tags: ['retro']
    },
    body: '## What went well\n\nBack to [the scope call](/clients/dana-whitfield/journal/2026-11-22-scope-call-went-sideways.md).\n\n## What to change\n\n- ~~Long decks~~\n'
  },
  {
    folder: 'clients/northwind-traders/journal',
    file: '2026-11-23-weekly-check-in.md',
    fields: {
      id: 'e_01JDXWEEK30000000000000000',
      client: NORTHWIND_ID,
      title: 'Weekly check-in',
      created: '2026-11-23T09:00:00.000Z',
      updated: '2026-11-23T09:00:00.000Z',
      tags: []
    },
    body: 'Same title as Dana’s, another client.\r\nWindows line endings.\r\n'
  },
  {
    folder: 'clients/cafe-uenicode/journal',
    file: '2026-05-05-ca-marche.md',
    fields: {
      id: 'e_01JDXCAFE00000000000000000',
      client: CAFE_ID,
      title: 'Ça marche: <b>bold</b> & "quotes" #1',
      created: '2026-05-05',
      updated: '2026-05-05',
      tags: ['français']
    },
    body: 'Un café ☕ avec *Éloïse*.\n'
  },
  {
    folder: 'journal',
    file: '2026-04-01-my-own-notes.md',
    fields: {
      id: 'e_01JDXOWN000000000000000000',
      title: 'My own notes',
      created: '2026-04-01T07:00:00.000Z',
      updated: '2026-04-01T07:00:00.000Z',
      tags: ['self']
    },
    body: 'Not about any client. Links to [Dana’s first call](../clients/dana-whitfield/journal/2026-01-12-first-call.md).\n'
  }
]

/** Writes the vault's files; open it with `Vault.open` (or `openTestVault`) afterwards. */
export async function writeRealisticVault(root: string): Promise<void> {
  await writeFile(join(root, 'rapport.json'), formatJson({ format: 1, createdAt: '2026-01-01T00:00:00.000Z', settings: { timeZone: 'Europe/London' } }))
  const clients: Array<[string, ClientFile]> = [
    ['dana-whitfield', dana],
    ['northwind-traders', minimal(NORTHWIND_ID, 'Northwind Traders')],
    ['cafe-uenicode', minimal(CAFE_ID, 'Café Ünïcødé')],
    ['quiet-co', minimal(QUIET_ID, 'Quiet Co')]
  ]
  await mkdir(join(root, 'journal'), { recursive: true })
  for (const [slug, data] of clients) {
    await mkdir(join(root, 'clients', slug, 'journal'), { recursive: true })
    await writeFile(join(root, 'clients', slug, 'client.json'), formatJson(data))
  }
  for (const entry of entries) {
    // A comment and a nested unknown field, as a person might leave them: kept on export.
    const text = serializeEntryFile(null, entry.fields, entry.body).replace(/^---\n/, '---\n# written by hand\n')
    await writeFile(join(root, entry.folder, entry.file), text)
  }
}
