import type * as Mdast from 'mdast'
import type { ClientFile } from '../../shared/domain'
import { entryUrl } from './entry-links'
import { bulletList, emphasis, heading, link, paragraph, printMarkdown, strong, table, text } from './markdown-blocks'
import { readableDay, readableMoment, shortReadableDay } from './readable-dates'

/**
 * `profile.md`: client.json as a page a person reads — who they are, how
 * they like to do business, the person, their business, stage and trust with
 * their history, commitments both ways, the people there, interactions.
 * Sections with nothing in them are left out. A commitment made in an entry
 * links to it as `rapport://entry/<id>`, which the export then rewrites into
 * a path to the exported entry (see entry-links.ts).
 */

/** Titles of the entries being exported, so a commitment can name the entry it was made in. */
export type EntryTitles = ReadonlyMap<string, string>

/** `big-picture` → `Big picture`. */
const words = (value: string): string => {
  const spaced = value.replace(/-/g, ' ')
  return `${spaced.charAt(0).toUpperCase()}${spaced.slice(1)}`
}

const fact = (label: string, value: string | undefined): Mdast.PhrasingContent[] | null =>
  value?.trim() ? [strong(`${label}:`), text(` ${value.trim()}`)] : null

const facts = (items: Array<Mdast.PhrasingContent[] | null>): Mdast.RootContent[] => {
  const present = items.filter((item): item is Mdast.PhrasingContent[] => item !== null)
  return present.length ? [bulletList(present)] : []
}

const notes = (value: string | undefined): Mdast.RootContent[] =>
  value?.trim() ? value.trim().split(/\n\s*\n/).map((p) => paragraph(text(p))) : []

const stringsOf = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')) : {}

export function clientProfileMarkdown(client: ClientFile, timeZone: string, entries: EntryTitles = new Map()): string {
  const entryLink = (id: unknown): Mdast.PhrasingContent[] => {
    if (typeof id !== 'string') return []
    const title = entries.get(id)
    return title === undefined ? [] : [link(entryUrl(id), title.trim() || 'Untitled')]
  }
  const day = (iso: string | undefined): string => (iso ? shortReadableDay(iso, timeZone) : '')

  const blocks: Mdast.RootContent[] = [heading(1, client.name)]
  const who = [client.role, client.organisation].filter((s): s is string => Boolean(s?.trim()))
  if (who.length) blocks.push(paragraph(text(who.join(' at '))))
  const contact = stringsOf(client.contact)
  blocks.push(...facts(Object.entries(contact).map(([key, value]) => fact(words(key), value))))

  const sections: Array<[string, Mdast.RootContent[]]> = []
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
      ...notes(style.notes),
      ...facts((client.styleNotes ?? []).map((n) => [text(n.text), ...(entryLink(n.entry).length ? [text(' — from '), ...entryLink(n.entry)] : [])]))
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
      ...notes(person.notes)
    ]
  ])

  const business = client.business ?? {}
  sections.push([
    'Their business',
    facts([fact('Goals', business.goals), fact('Pressures', business.pressures), fact('What success looks like', business.success)])
  ])

  const standing: Mdast.RootContent[] = [
    ...facts([fact('Stage', client.stage && words(client.stage.current)), fact('Trust', client.trust && words(client.trust.current))])
  ]
  const stageHistory = client.stage?.history ?? []
  if (stageHistory.length) standing.push(heading(3, 'Stage history'), table(['Date', 'Stage', 'Note'], stageHistory.map((h) => [[text(day(h.at))], [text(words(String(h.stage)))], [text(h.note ?? '')]])))
  const trustHistory = client.trust?.history ?? []
  if (trustHistory.length) standing.push(heading(3, 'Trust history'), table(['Date', 'Trust', 'Note'], trustHistory.map((h) => [[text(day(h.at))], [text(words(String(h.trust)))], [text(h.note ?? '')]])))
  sections.push(['Stage and trust', standing])

  const commitments = client.commitments ?? []
  const promised: Mdast.RootContent[] = []
  for (const [by, title] of [['me', 'What I promised'], ['client', 'What they promised']] as const) {
    const mine = commitments.filter((k) => k.by === by)
    if (!mine.length) continue
    promised.push(
      heading(3, title),
      table(
        ['What', 'Due', 'Status', 'Made', 'Entry'],
        mine.map((k) => [[text(k.what)], [text(day(k.due))], [text(words(k.status))], [text(day(k.createdAt))], entryLink(k.entry)])
      )
    )
  }
  sections.push(['Commitments', promised])

  const questions = (client.questions ?? []).filter((q) => !q.askedAt)
  sections.push(['Questions to ask', facts(questions.map((q) => [text(q.text), ...(entryLink(q.entry).length ? [text(' — from '), ...entryLink(q.entry)] : [])]))])

  const people: Mdast.RootContent[] = []
  for (const p of client.people ?? []) {
    people.push(heading(3, p.name))
    const pContact = stringsOf(p.contact)
    people.push(
      ...facts([
        fact('Role', p.role),
        fact('Relation', p.relation && words(p.relation)),
        fact('Trust', p.trust && words(p.trust.current)),
        fact('Preferred channel', p.style?.channel && words(p.style.channel)),
        fact('Likes', p.person?.likes?.join(', ')),
        fact('Dislikes', p.person?.dislikes?.join(', ')),
        ...Object.entries(pContact).map(([key, value]) => fact(words(key), value))
      ]),
      ...notes(p.notes)
    )
  }
  sections.push(['People', people])

  const interactions = [...(client.interactions ?? [])].sort((a, b) => b.at.localeCompare(a.at))
  sections.push([
    'Interactions',
    interactions.length
      ? [
          paragraph(emphasis('Newest first.')),
          table(
            ['When', 'Channel', 'Who reached out', 'Outcome', 'Note'],
            interactions.map((i) => [[text(readableMoment(i.at, timeZone))], [text(words(i.channel))], [text(i.direction === 'out' ? 'I did' : 'They did')], [text(words(i.outcome))], [text(i.note ?? '')]])
          )
        ]
      : []
  ])

  sections.push(['Follow-up and tags', facts([fact('Follow up', client.followUp && readableDay(client.followUp, timeZone)), fact('Tags', (client.tags ?? []).join(', '))])])

  for (const [title, content] of sections) if (content.length) blocks.push(heading(2, title), ...content)
  return printMarkdown(blocks)
}
