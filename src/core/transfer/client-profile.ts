import type { ClientFile } from '../../shared/domain'
import { entryUrl } from './entry-links'
import { headingAnchors } from './heading-anchors'
import type { Block } from './markdown-blocks'
import { bulletList, cell, emphasis, heading, inline, link, paragraphs, printMarkdown, strong, table } from './markdown-blocks'
import { readableDay, readableMoment, shortReadableDay } from './readable-dates'

/**
 * `profile.md`: client.json as a page a person reads — who they are, how
 * they like to do business, the person, their business, stage and trust with
 * their history, commitments both ways, the people there, interactions.
 * Sections with nothing in them are left out. A commitment made in an entry
 * links to it as `rapport://entry/<id>`, which the export then rewrites into
 * a path to the exported entry (see entry-links.ts).
 */

export const PEOPLE_HEADING = 'People'

/** Titles of the entries being exported, so a commitment can name the entry it was made in. */
export type EntryTitles = ReadonlyMap<string, string>

/** `big-picture` → `Big picture`. */
const words = (value: string): string => {
  const spaced = value.replace(/-/g, ' ')
  return `${spaced.charAt(0).toUpperCase()}${spaced.slice(1)}`
}

/** `**Label:** value`, or null when there is no value. */
const fact = (label: string, value: string | undefined): string | null => (value?.trim() ? `${strong(`${label}:`)} ${inline(value, false)}` : null)

const facts = (items: ReadonlyArray<string | null>): Block[] => {
  const present = items.filter((item): item is string => item !== null)
  return present.length ? [bulletList(present)] : []
}

const stringsOf = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''))
    : {}

export function clientProfileMarkdown(client: ClientFile, timeZone: string, entries: EntryTitles = new Map()): string {
  /** A link to the entry something was noted in, when that entry is exported too. */
  const entryLink = (id: unknown): string => {
    if (typeof id !== 'string') return ''
    const title = entries.get(id)
    return title === undefined ? '' : link(entryUrl(id), title.trim() || 'Untitled')
  }
  const withSource = (text: string, entry: unknown): string => (entryLink(entry) ? `${inline(text, false)} — from ${entryLink(entry)}` : inline(text, false))
  const day = (iso: string | undefined): string => (iso ? cell(shortReadableDay(iso, timeZone)) : '')

  const blocks: Block[] = [heading(1, client.name)]
  const who = [client.role, client.organisation].filter((s): s is string => Boolean(s?.trim()))
  if (who.length) blocks.push(inline(who.join(' at ')))
  blocks.push(...facts(Object.entries(stringsOf(client.contact)).map(([key, value]) => fact(words(key), value))))

  const sections: Array<[string, Block[]]> = []
  const style = client.style ?? {}
  sections.push([
    'How they like to do business',
    [
      ...facts([
        fact('Preferred channel', style.channel && words(style.channel)),
        fact('Detail or big picture', style.detail && words(style.detail)),
        fact('Opening', style.opening && words(style.opening)),
        fact('Best times', style.bestTimes),
        fact('Time zone', style.timeZone),
        fact('Expects a reply', style.replyWithin)
      ]),
      ...paragraphs(style.notes),
      ...facts((client.styleNotes ?? []).map((n) => withSource(n.text, n.entry)))
    ]
  ])

  const person = client.person ?? {}
  sections.push([
    'The person',
    [
      ...facts([
        fact('Likes', person.likes?.join(', ')),
        fact('Dislikes', person.dislikes?.join(', ')),
        ...(person.dates ?? []).map((d) => fact(words(d.label || 'Date'), `${readableDay(d.date, timeZone)}${d.repeats === 'once' ? '' : ' (every year)'}`))
      ]),
      ...paragraphs(person.notes)
    ]
  ])

  const business = client.business ?? {}
  sections.push([
    'Their business',
    facts([fact('Goals', business.goals), fact('Pressures', business.pressures), fact('What success looks like', business.success)])
  ])

  const standing: Block[] = [...facts([fact('Stage', client.stage && words(client.stage.current)), fact('Trust', client.trust && words(client.trust.current))])]
  const stageHistory = client.stage?.history ?? []
  if (stageHistory.length)
    standing.push(
      heading(3, 'Stage history'),
      table(
        ['Date', 'Stage', 'Note'],
        stageHistory.map((h) => [day(h.at), cell(words(String(h.stage))), cell(h.note)])
      )
    )
  const trustHistory = client.trust?.history ?? []
  if (trustHistory.length)
    standing.push(
      heading(3, 'Trust history'),
      table(
        ['Date', 'Trust', 'Note'],
        trustHistory.map((h) => [day(h.at), cell(words(String(h.trust))), cell(h.note)])
      )
    )
  sections.push(['Stage and trust', standing])

  const commitments = client.commitments ?? []
  const promised: Block[] = []
  for (const [by, title] of [
    ['me', 'What I promised'],
    ['client', 'What they promised']
  ] as const) {
    const mine = commitments.filter((k) => k.by === by)
    if (!mine.length) continue
    promised.push(
      heading(3, title),
      table(
        ['What', 'Due', 'Status', 'Made', 'Entry'],
        mine.map((k) => [cell(k.what), day(k.due), cell(words(k.status)), day(k.createdAt), entryLink(k.entry)])
      )
    )
  }
  sections.push(['Commitments', promised])

  const questions = (client.questions ?? []).filter((q) => !q.askedAt)
  sections.push(['Questions to ask', facts(questions.map((q) => withSource(q.text, q.entry)))])

  const people: Block[] = []
  for (const p of client.people ?? []) {
    people.push(
      heading(3, p.name),
      ...facts([
        fact('Role', p.role),
        fact('Relation', p.relation && words(p.relation)),
        fact('Trust', p.trust && words(p.trust.current)),
        fact('Preferred channel', p.style?.channel && words(p.style.channel)),
        fact('Likes', p.person?.likes?.join(', ')),
        fact('Dislikes', p.person?.dislikes?.join(', ')),
        ...Object.entries(stringsOf(p.contact)).map(([key, value]) => fact(words(key), value))
      ]),
      ...paragraphs(p.notes)
    )
  }
  sections.push([PEOPLE_HEADING, people])

  const interactions = [...(client.interactions ?? [])].sort((a, b) => b.at.localeCompare(a.at))
  sections.push([
    'Interactions',
    interactions.length
      ? [
          emphasis('Newest first.'),
          table(
            ['When', 'Channel', 'Who reached out', 'Outcome', 'Note'],
            interactions.map((i) => [
              cell(readableMoment(i.at, timeZone)),
              cell(words(i.channel)),
              i.direction === 'out' ? 'I did' : 'They did',
              cell(words(i.outcome)),
              cell(i.note)
            ])
          )
        ]
      : []
  ])

  sections.push([
    'Follow-up and tags',
    facts([fact('Follow up', client.followUp && readableDay(client.followUp, timeZone)), fact('Tags', (client.tags ?? []).join(', '))])
  ])

  for (const [title, content] of sections) if (content.length) blocks.push(heading(2, title), ...content)
  return printMarkdown(blocks)
}

/** Where a client's page can be linked to: its title's anchor, and each person's (by person id). */
export interface ProfileAnchors {
  top: string
  people: Map<string, string>
}

/**
 * The anchors of a profile as `clientProfileMarkdown` wrote it (the same
 * text opens a dossier, whose later headings cannot change these). They are
 * read back from the parsed Markdown rather than worked out from the names,
 * so they are what a renderer really makes of a hostile name. Each person's
 * `###` under People is theirs, in the order of client.json.
 */
export function profileAnchors(markdown: string, client: ClientFile): ProfileAnchors {
  const found: ProfileAnchors = { top: '', people: new Map() }
  const people = client.people ?? []
  let inPeople = false
  let next = 0
  let first = true
  for (const h of headingAnchors(markdown)) {
    if (first && h.depth === 1) found.top = h.anchor
    first = false
    if (h.depth <= 2) inPeople = h.depth === 2 && h.text === PEOPLE_HEADING
    else if (inPeople && h.depth === 3) {
      const person = people[next++]
      if (person) found.people.set(person.id, h.anchor)
    }
  }
  return found
}
