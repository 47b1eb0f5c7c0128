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
  BriefSection,
  BriefStyle,
  BriefWho,
  Capped
} from '../../shared/contract/brief'
import type { Due } from '../../shared/contract/relationship'
import { relationWords } from '../../shared/people-words'
import { shortDay } from '../relationship/calendar'
import { count, datePhrase, relativeDays } from '../relationship/wording'
import { channelWords, detailWords, openingWords, outcomeWords, stageWords, trustWords, weekdayDay } from './brief-words'
import { inlineText as text, pathHref } from './markdown-text'

export interface BriefMarkdownOptions {
  /** Where a link to a journal entry points; by default its file, relative to the vault (what any Markdown editor opened there follows). */
  entryHref?: (entry: BriefEntryRef) => string
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
  const write = new Writer(brief.asOf.day, options.entryHref ?? ((entry) => pathHref(entry.path)))
  const who = brief.sections.find((s): s is BriefWho => s.kind === 'who')
  const blocks = [write.title(brief.name, who), ...brief.sections.flatMap((section) => write.section(section))]
  blocks.push(`_Prepared ${weekdayDay(brief.asOf.day, brief.asOf.day, { year: true })} at ${brief.asOf.time} (${text(brief.asOf.timeZone)})._`)
  return `${blocks.filter(Boolean).join('\n\n')}\n`
}

/** A list cut short ends with a line saying how much was left out… */
const more = (list: Capped<unknown>, words = 'more'): string[] => (list.more > 0 ? [`- _+${list.more} ${words}_`] : [])
/** …or, for a list written on one line, with a few words at its end. */
const moreInline = (list: Capped<unknown>): string => (list.more > 0 ? ` _(+${list.more} more)_` : '')

class Writer {
  constructor(
    /** The day the brief was made: a date in another year says its year. */
    private readonly today: string,
    private readonly href: (entry: BriefEntryRef) => string
  ) {}

  private day = (day: string): string => weekdayDay(day, this.today)
  private since = (day: string | undefined): string => (day === undefined ? '' : ` since ${shortDay(day, this.today)}`)
  private link = (entry: BriefEntryRef): string => `[${text(entry.title) || 'Untitled entry'}](${this.href(entry)})`

  /** `# Name — Organisation`, then the status line and how to reach them. */
  title(name: string, who: BriefWho | undefined): string {
    const heading = `# ${text(name)}${who?.organisation ? ` — ${text(who.organisation)}` : ''}`
    if (!who) return heading
    const status = [
      who.role ? text(who.role) : '',
      who.stage ? `Stage: ${stageWords[who.stage.level]}${this.since(who.stage.since)}` : '',
      who.trust ? `Trust: ${trustWords[who.trust.level]}${this.since(who.trust.since)}` : '',
      who.clientSince ? `Client since ${shortDay(who.clientSince, this.today)}` : ''
    ].filter(Boolean)
    const contact = [who.contact?.phone, who.contact?.email].filter((c): c is string => c !== undefined).map(text)
    // How to reach them goes on a line of its own under the status, in the same paragraph.
    return [heading, [status.join(' · '), contact.join(' · ')].filter(Boolean).join('  \n')].filter(Boolean).join('\n\n')
  }

  section(section: BriefSection): string[] {
    switch (section.kind) {
      case 'who':
        return [] // The title and status line above.
      case 'style':
        return ['## How they like to do business', this.style(section)]
      case 'people':
        // "(3 of 7)" in the heading rather than a "+4 more" line: the page has no line to spare.
        return [`## Likely on the call${section.more > 0 ? ` (${section.items.length} of ${section.items.length + section.more})` : ''}`, this.people(section)]
      case 'commitments':
        return ['## Commitments', ...this.commitments(section)]
      case 'conversations':
        return ['## Last conversations', this.conversations(section)]
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
    const lines = [prefers, localTime, s.notes ? `Notes: ${text(s.notes)}` : '']
      .filter(Boolean)
      .map((line) => `- ${capitalise(line)}`)
    if (s.learned.items.length > 0) lines.push(`- Learned: ${s.learned.items.map((note) => text(note.text)).join(' · ')}${moreInline(s.learned)}`)
    return lines.join('\n')
  }

  /**
   * One printed line each, as terse as a note on a card: who, what they are to
   * the work, trust, how they like it, one like and one dislike. The brief is
   * full at its limits; a line that wraps would push it onto a second page.
   */
  private people(s: BriefPeople): string {
    const taste = (label: string, part: Capped<string>): string => (part.items.length === 0 ? '' : `${label} ${part.items.map(text).join(', ')}${part.more > 0 ? ` (+${part.more})` : ''}`)
    const lines = s.items.map((p) => {
      const prefers = [p.channel ? channelWords[p.channel].toLowerCase() : '', p.detail ? detailWords[p.detail] : '', p.opening ? openingWords[p.opening] : ''].filter(Boolean).join(', ')
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
      part.items.length === 0 ? [] : [`**${label}**`, [...part.items.map((c) => `- ${this.commitment(c)}`), ...more(part)].join('\n')]
    return [...list('You promised', s.mine), ...list('They promised', s.theirs)]
  }

  private commitment(c: BriefCommitment): string {
    const renegotiated = c.status === 'renegotiated' ? ' (renegotiated)' : ''
    return c.due === null ? `${text(c.what)}${renegotiated}` : `${text(c.what)} — ${this.due(c.due)}${renegotiated}`
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
      return [line, `  - ${c.gist.text ? `${text(c.gist.text)} ` : ''}(${this.link(c.gist)})`]
    })
    return [...lines, ...more(s, 'earlier conversations')].join('\n')
  }

  private outreach(s: BriefOutreach): string {
    const lines: string[] = []
    if (s.sentence) lines.push(`- ${text(s.sentence)}`)
    const f = s.followUp
    if (f?.state === 'overdue') lines.push(`- Follow up: ${this.due(f)}`)
    else if (f?.state === 'today') lines.push('- Follow up: **today**')
    else if (f) lines.push(`- Next follow-up: ${this.day(f.day)} (${relativeDays(f.days)})`)
    return lines.join('\n')
  }

  private nextTime(s: BriefNextTime): string[] {
    const blocks: string[] = []
    if (s.questions.items.length > 0) {
      blocks.push('**Ask**', [...s.questions.items.map((q) => `- ${text(q.text)}`), ...more(s.questions)].join('\n'))
    }
    const retro = s.retrospective
    if (retro) {
      blocks.push(`**From the retrospective of ${this.day(retro.day)}** (${this.link(retro)})`)
      blocks.push(retro.points.map((p) => `- ${text(p.heading)}: ${p.items.items.map(text).join(' · ')}${moreInline(p.items)}`).join('\n'))
    }
    return blocks
  }

  private person(s: BriefPerson): string {
    const list = (label: string, part: Capped<string>): string => (part.items.length === 0 ? '' : `${label}: ${part.items.map(text).join(', ')}${moreInline(part)}`)
    const tastes = [list('Likes', s.likes), list('Dislikes', s.dislikes)].filter(Boolean).join(' · ')
    const dates = s.dates.items.map((d) => `- ${text(datePhrase(d.label, d.next, d.daysUntil, this.today))}${d.years === undefined ? '' : ` — ${count(d.years, 'year')}`}`)
    return [...(tastes ? [`- ${tastes}`] : []), ...dates, ...more(s.dates), ...(s.notes ? [`- Notes: ${text(s.notes)}`] : [])].join('\n')
  }

  private business(s: BriefBusiness): string {
    const lines = [s.goals ? `- Goals: ${text(s.goals)}` : '', s.pressures ? `- Pressures: ${text(s.pressures)}` : '', s.success ? `- Success looks like: ${text(s.success)}` : '']
    return lines.filter(Boolean).join('\n')
  }
}

const capitalise = (s: string): string => (s ? `${s[0]?.toUpperCase()}${s.slice(1)}` : s)
