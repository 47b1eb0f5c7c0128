import type {
  Brief,
  BriefBusiness,
  BriefCommitment,
  BriefCommitments,
  BriefConversations,
  BriefEntryRef,
  BriefNextTime,
  BriefOutreach,
  BriefPeople,
  BriefPerson,
  BriefRelationship,
  BriefSection,
  BriefStyle,
  BriefWho,
  Capped
} from '../../shared/contract/brief'
import { balanceLine, valueLine } from '../../shared/coach-words'
import type { Due } from '../../shared/contract/relationship'
import { relationWords } from '../../shared/people-words'
import { dateStyle, shortDay, timeOfDay } from '../../shared/dates'
import type { DateStyle } from '../../shared/dates'
import { count, datePhrase, relativeDays } from '../relationship/wording'
import { channelWords, detailWords, openingWords, outcomeWords, stageWords, trustWords, weekdayDay } from './brief-words'
import { inlineText as text, pathHref } from './markdown-text'

export interface BriefMarkdownOptions {
  /** Where a link to a journal entry points; by default its file, relative to the vault (what any Markdown editor opened there follows). */
  entryHref?: (entry: BriefEntryRef) => string
  /** How days are written: the user's language (Settings); the default style when not given. */
  dates?: DateStyle
}

/**
 * The brief as Markdown (CommonMark; GFM adds only the linking of typed web addresses),
 * to print, copy, paste into an email or save: a title, a one-line status,
 * then one `##` section per part of the brief, in its order. Every piece of
 * text a person typed goes through `inlineText`, so a name like
 * `*Acme* [x](javascript:…)` shows as written and links nowhere (a web
 * address typed as text is linked as itself, as an email program would).
 */
export function briefToMarkdown(brief: Brief, options: BriefMarkdownOptions = {}): string {
  const write = new Writer(brief.asOf.day, options.entryHref ?? ((entry) => pathHref(entry.path)), options.dates)
  const who = brief.sections.find((s): s is BriefWho => s.kind === 'who')
  const relationship = brief.sections.find((s): s is BriefRelationship => s.kind === 'relationship')
  const blocks = [write.title(brief.name, who, relationship), ...brief.sections.flatMap((section) => write.section(section))]
  // The time as the user's clock setting says it (12- or 24-hour), in the zone the brief was assembled for.
  const time = timeOfDay(brief.asOf.at, { ...(options.dates ?? dateStyle()), timeZone: brief.asOf.timeZone }) || brief.asOf.time
  blocks.push(`_Prepared ${weekdayDay(brief.asOf.day, brief.asOf.day, { year: true }, options.dates)} at ${time} (${text(brief.asOf.timeZone)})._`)
  return `${blocks.filter(Boolean).join('\n\n')}\n`
}

/** A list cut short says "(3 of 7)" after its label, where the page has no line to spare… */
const ofAll = (list: Capped<unknown>): string => (list.more > 0 ? ` (${list.items.length} of ${list.items.length + list.more})` : '')
/** …or, for a list written on one line, with a few words at its end. */
const moreInline = (list: Capped<unknown>): string => (list.more > 0 ? ` _(+${list.more} more)_` : '')

class Writer {
  constructor(
    /** The day the brief was made: a date in another year says its year. */
    private readonly today: string,
    private readonly href: (entry: BriefEntryRef) => string,
    private readonly dates: DateStyle | undefined
  ) {}

  private day = (day: string): string => weekdayDay(day, this.today, {}, this.dates)
  private since = (day: string | undefined): string => (day === undefined ? '' : ` since ${shortDay(day, this.today, {}, this.dates)}`)
  private link = (entry: BriefEntryRef): string => `[${text(entry.title) || 'Untitled entry'}](${this.href(entry)})`

  /** `# Name — Organisation`, then the status line, how to reach them, and where the relationship stands. */
  title(name: string, who: BriefWho | undefined, relationship?: BriefRelationship): string {
    const heading = `# ${text(name)}${who?.organisation ? ` — ${text(who.organisation)}` : ''}`
    const standing = relationship ? this.relationship(relationship) : ''
    if (!who) return [heading, standing].filter(Boolean).join('\n\n')
    const status = [
      who.role ? text(who.role) : '',
      who.stage ? `Stage: ${stageWords[who.stage.level]}${this.since(who.stage.since)}` : '',
      who.trust ? `Trust: ${trustWords[who.trust.level]}${this.since(who.trust.since)}` : '',
      who.clientSince ? `Client since ${shortDay(who.clientSince, this.today, {}, this.dates)}` : ''
    ].filter(Boolean)
    const contact = [who.contact?.phone, who.contact?.email].filter((c): c is string => c !== undefined).map(text)
    // How to reach them goes on a line of its own under the status, in the same paragraph.
    return [heading, [status.join(' · '), contact.join(' · ')].filter(Boolean).join('  \n'), standing].filter(Boolean).join('\n\n')
  }

  section(section: BriefSection): string[] {
    switch (section.kind) {
      case 'who':
        return [] // The title and status line above.
      case 'relationship':
        return [] // Under the title: where the relationship stands is part of who they are to you.
      case 'style':
        return ['## How they like to do business', this.style(section)]
      case 'people':
        // "(3 of 7)" in the heading rather than a "+4 more" line: the page has no line to spare.
        return [`## Likely on the call${section.more > 0 ? ` (${section.items.length} of ${section.items.length + section.more})` : ''}`, this.people(section)]
      case 'commitments':
        return ['## Commitments', ...this.commitments(section)]
      case 'conversations':
        return [`## Last conversations${ofAll(section)}`, this.conversations(section)]
      case 'outreach':
        return ['## Outreach and follow-up', this.outreach(section)]
      case 'next-time':
        return ['## Next time', ...this.nextTime(section)]
      case 'person':
        return ['## The person', this.person(section)]
      case 'business':
        return ['## Their business', this.business(section)]
    }
  }

  /**
   * One paragraph, a printed line each (the page has no room for another heading): what the stage and the trust rung
   * mean and what moves them on, then the balance.
   */
  private relationship(s: BriefRelationship): string {
    const lines: string[] = []
    if (s.stage) lines.push(`_${stageWords[s.stage.level]}:_ ${text(s.stage.means)} ${text(s.stage.next)}`)
    if (s.trust) lines.push(`_${trustWords[s.trust.level]} trust:_ ${text(s.trust.means)} ${text(s.trust.next)}`)
    if (s.balance) lines.push(text(balanceLine(s.balance, (d) => shortDay(d, this.today, {}, this.dates))))
    return lines.join('  \n')
  }

  private style(s: BriefStyle): string {
    const prefers = [
      s.channel ? `Prefers ${channelWords[s.channel].toLowerCase()}` : '',
      s.detail ? detailWords[s.detail] : '',
      s.opening ? openingWords[s.opening] : '',
      s.bestTimes ? `best times: ${text(s.bestTimes)}` : '',
      s.replyWithin ? `replies: ${text(s.replyWithin)}` : ''
    ]
      .filter(Boolean)
      .join(' · ')
    const localTime = s.localTime ? (s.localTime.valid ? `Their time now: ${s.localTime.text}` : `Their time now is unknown: ${text(s.localTime.problem)}`) : ''
    const lines = [prefers, localTime, s.notes ? `Notes: ${text(s.notes)}` : ''].filter(Boolean).map((line) => `- ${capitalise(line)}`)
    if (s.learned.items.length > 0) lines.push(`- Learned: ${s.learned.items.map((note) => text(note.text)).join(' · ')}${moreInline(s.learned)}`)
    return lines.join('\n')
  }

  /**
   * One printed line each, as terse as a note on a card: who, what they are to
   * the work, trust, how they like it, one like and one dislike. The brief is
   * full at its limits; a line that wraps would push it onto a second page.
   */
  private people(s: BriefPeople): string {
    const taste = (label: string, part: Capped<string>): string =>
      part.items.length === 0 ? '' : `${label} ${part.items.map(text).join(', ')}${part.more > 0 ? ` (+${part.more})` : ''}`
    const lines = s.items.map((p) => {
      const prefers = [p.channel ? channelWords[p.channel].toLowerCase() : '', p.detail ? detailWords[p.detail] : '', p.opening ? openingWords[p.opening] : '']
        .filter(Boolean)
        .join(', ')
      const about = [
        p.role ? text(p.role) : '',
        p.relation ? relationWords[p.relation] : '',
        p.trust ? `${trustWords[p.trust]} trust` : '',
        prefers ? `Prefers ${prefers}` : '',
        taste('Likes', p.likes),
        taste('Dislikes', p.dislikes)
      ].filter(Boolean)
      return `- **${text(p.name)}**${about.length > 0 ? ` — ${about.join(' · ')}` : ''}`
    })
    return lines.join('\n')
  }

  private commitments(s: BriefCommitments): string[] {
    const list = (label: string, part: Capped<BriefCommitment>): string[] =>
      part.items.length === 0 ? [] : [`**${label}**${ofAll(part)}`, part.items.map((c) => `- ${this.commitment(c)}`).join('\n')]
    return [...list('You promised', s.mine), ...list('They promised', s.theirs)]
  }

  private commitment(c: BriefCommitment): string {
    const renegotiated = c.status === 'renegotiated' ? ' (renegotiated)' : ''
    const repeat = c.repeat === undefined ? '' : ` (${c.repeat})`
    return c.due === null ? `${text(c.what)}${repeat}${renegotiated}` : `${text(c.what)}${repeat} — ${this.due(c.due)}${renegotiated}`
  }

  /** "**overdue since Wed 12 Nov**", "due today", "due Tue 25 Nov". */
  private due(due: Due): string {
    if (due.state === 'overdue') return `**overdue since ${due.days === 0 ? 'earlier today' : this.day(due.day)}**`
    return due.state === 'today' ? '**due today**' : `due ${this.day(due.day)}`
  }

  private conversations(s: BriefConversations): string {
    const lines = s.items.flatMap((c) => {
      const how = `${channelWords[c.channel]}${c.direction === 'in' ? ' from them' : ''} · ${outcomeWords[c.outcome]}`
      const line = `- **${this.day(c.day)}** · ${how}${c.note ? ` — ${text(c.note)}` : ''}`
      if (!c.gist) return [line]
      return [line, `  - ${this.gist(c.gist)}(${this.link(c.gist)})`]
    })
    return lines.join('\n')
  }

  /** A gist keeps its structure: each heading in bold before its items; a reflection's section is quoted by its name. */
  private gist(g: NonNullable<BriefConversations['items'][number]['gist']>): string {
    const label = g.source === 'section' && g.heading ? `**${text(g.heading)}:** ` : ''
    const words = g.parts ? g.parts.map((p) => `${p.heading ? `**${text(p.heading)}:** ` : ''}${p.items.map(text).join(' · ')}`).join(' — ') : text(g.text)
    return words ? `${label}${words} ` : ''
  }

  private outreach(s: BriefOutreach): string {
    const lines: string[] = []
    if (s.sentence) lines.push(`- ${text(s.sentence)}${s.perseverance ? ` — ${text(s.perseverance)}` : ''}`)
    const f = s.followUp
    const next =
      f?.state === 'overdue'
        ? `Follow up: ${this.due(f)}`
        : f?.state === 'today'
          ? 'Follow up: **today**'
          : f
            ? `Next follow-up: ${this.day(f.day)} (${relativeDays(f.days)})`
            : ''
    // Value given shares the follow-up's line: both are about the next move, and the page has no line to spare.
    const value = s.value ? text(valueLine(s.value, (d) => shortDay(d, this.today, {}, this.dates), { notes: false })) : ''
    const last = [next, value].filter(Boolean).join(' · ')
    if (last) lines.push(`- ${last}`)
    return lines.join('\n')
  }

  private nextTime(s: BriefNextTime): string[] {
    const blocks: string[] = []
    if (s.questions.items.length > 0) {
      blocks.push(`**Ask**${ofAll(s.questions)}`, s.questions.items.map((q) => `- ${text(q.text)}`).join('\n'))
    }
    const retro = s.retrospective
    if (retro) {
      blocks.push(`**From the retrospective of ${this.day(retro.day)}** (${this.link(retro)})`)
      blocks.push(retro.points.map((p) => `- ${text(p.heading)}: ${p.items.items.map(text).join(' · ')}${moreInline(p.items)}`).join('\n'))
    }
    return blocks
  }

  private person(s: BriefPerson): string {
    const list = (label: string, part: Capped<string>): string =>
      part.items.length === 0 ? '' : `${label}: ${part.items.map(text).join(', ')}${moreInline(part)}`
    // Tastes and the coming dates on one line: a line each would take the page's last lines for a few words.
    const dates = s.dates.items.map(
      (d) => `${text(datePhrase(d.label, d.next, d.daysUntil, this.today, this.dates))}${d.years === undefined ? '' : ` — ${count(d.years, 'year')}`}`
    )
    const first = [list('Likes', s.likes), list('Dislikes', s.dislikes), ...dates].filter(Boolean).join(' · ')
    return [...(first ? [`- ${first}${moreInline(s.dates)}`] : []), ...(s.notes ? [`- Notes: ${text(s.notes)}`] : [])].join('\n')
  }

  private business(s: BriefBusiness): string {
    const lines = [
      s.goals ? `- Goals: ${text(s.goals)}` : '',
      s.pressures ? `- Pressures: ${text(s.pressures)}` : '',
      s.success ? `- Success looks like: ${text(s.success)}` : ''
    ]
    return lines.filter(Boolean).join('\n')
  }
}

const capitalise = (s: string): string => (s ? `${s[0]?.toUpperCase()}${s.slice(1)}` : s)
