import type { ReactNode } from 'react'
import type {
  BriefBusiness,
  BriefCommitment,
  BriefCommitments,
  BriefConversations,
  BriefEntryRef,
  BriefGist,
  BriefNextTime,
  BriefOutreach,
  BriefPeople,
  BriefPerson,
  BriefSection,
  BriefStyle,
  Capped
} from '@shared/contract/brief'
import { valueLine } from '@shared/coach-words'
import { relationWords } from '@shared/people-words'
import { dueWords, relativeDays, shortDay, weekdayDay } from '@shared/dates'
import { capitalise, channelWords, detailWords, openingWords, outcomeWords, trustWords } from '@shared/words'

/** What every section needs besides its own content: the brief's day, and a way into the journal. */
export interface SectionProps {
  today: string
  openEntry: (entry: BriefEntryRef) => void
}

const headings: Record<Exclude<BriefSection['kind'], 'who' | 'relationship'>, string> = {
  style: 'How they like to do business',
  people: 'Likely on the call',
  commitments: 'Commitments',
  conversations: 'Last conversations',
  outreach: 'Outreach and follow-up',
  'next-time': 'Next time',
  person: 'The person',
  business: 'Their business'
}

/** One part of the brief under its small heading; "who" and "relationship" are the page's own header, so they render nothing here. */
export function BriefSectionView({ section, ...props }: SectionProps & { section: BriefSection }) {
  if (section.kind === 'who' || section.kind === 'relationship') return null
  return (
    <section className={`brief-section brief-section-${section.kind}`} aria-labelledby={`brief-h-${section.kind}`} data-section={section.kind}>
      <h2 id={`brief-h-${section.kind}`} className="brief-heading">
        {headings[section.kind]}
        {/* As in the Markdown: how many were left out goes in the heading, since the page has no line to spare. */}
        {(section.kind === 'people' || section.kind === 'conversations') && <OfAll list={section} />}
      </h2>
      <SectionBody section={section} {...props} />
    </section>
  )
}

function SectionBody({ section, ...props }: SectionProps & { section: Exclude<BriefSection, { kind: 'who' | 'relationship' }> }) {
  switch (section.kind) {
    case 'style':
      return <StyleBody style={section} today={props.today} />
    case 'people':
      return <PeopleBody people={section} today={props.today} />
    case 'commitments':
      return <CommitmentsBody commitments={section} />
    case 'conversations':
      return <ConversationsBody conversations={section} {...props} />
    case 'outreach':
      return <OutreachBody outreach={section} today={props.today} />
    case 'next-time':
      return <NextTimeBody next={section} {...props} />
    case 'person':
      return <PersonBody person={section} today={props.today} />
    case 'business':
      return <BusinessBody business={section} />
  }
}

/** "(3 of 7)" after a label, as in the Markdown: where the page has no line to spare for "+4 more". */
function OfAll({ list }: { list: Capped<unknown> }) {
  return list.more > 0 ? (
    <span className="brief-quiet">
      {' '}
      ({list.items.length} of {list.items.length + list.more})
    </span>
  ) : null
}

/** "+3 more": a list the core cut short says so. */
function More({ list, words = 'more' }: { list: Capped<unknown>; words?: string }) {
  return list.more > 0 ? (
    <span className="brief-more">
      +{list.more} {words}
    </span>
  ) : null
}

/** A label and its text on one line ("Goals — …"). */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li className="brief-line">
      <span className="brief-label">{label}</span> {children}
    </li>
  )
}

function StyleBody({ style, today }: { style: BriefStyle; today: string }) {
  const prefers = [
    style.channel ? `prefers ${channelWords[style.channel].toLowerCase()}` : '',
    style.detail ? detailWords[style.detail] : '',
    style.opening ? openingWords[style.opening] : ''
  ].filter(Boolean)
  const local = style.localTime
  return (
    <ul className="brief-lines">
      {prefers.length > 0 && <li className="brief-lead">{capitalise(prefers.join(' · '))}</li>}
      {style.bestTimes && <Line label="Best times">{style.bestTimes}</Line>}
      {style.replyWithin && <Line label="Replies">{style.replyWithin}</Line>}
      {local && <Line label="Their time now">{local.valid ? local.text : `unknown (${local.problem})`}</Line>}
      {style.notes && <Line label="Notes">{style.notes}</Line>}
      {style.learned.items.length > 0 && (
        <Line label="Learned">
          {style.learned.items.map((note, index) => (
            <span key={index} className="brief-learned">
              {note.text}
              {note.at && <span className="brief-quiet"> ({shortDay(note.at, today)})</span>}
            </span>
          ))}{' '}
          <More list={style.learned} />
        </Line>
      )}
    </ul>
  )
}

/** One line a person, as the Markdown says it: name first, then what they are to the work, trust, how they like it, tastes. */
function PeopleBody({ people, today }: { people: BriefPeople; today: string }) {
  return (
    <ul className="brief-lines brief-people">
      {people.items.map((p) => {
        const prefers = [
          p.channel ? channelWords[p.channel].toLowerCase() : '',
          p.detail ? detailWords[p.detail] : '',
          p.opening ? openingWords[p.opening] : ''
        ]
          .filter(Boolean)
          .join(', ')
        const tastes = [
          p.likes.items.length > 0 ? `likes ${p.likes.items.join(', ')}${p.likes.more > 0 ? ` (+${p.likes.more})` : ''}` : '',
          p.dislikes.items.length > 0 ? `dislikes ${p.dislikes.items.join(', ')}${p.dislikes.more > 0 ? ` (+${p.dislikes.more})` : ''}` : ''
        ].filter(Boolean)
        const about = [
          p.role,
          p.relation ? relationWords[p.relation] : '',
          p.trust ? `trust: ${trustWords[p.trust].toLowerCase()}` : '',
          prefers ? `prefers ${prefers}` : '',
          ...tastes
        ].filter(Boolean)
        return (
          <li key={p.personId} className="brief-line brief-stakeholder">
            <strong className="brief-who-name">{p.name}</strong>
            {about.length > 0 && ` — ${about.join(' · ')}`}
            {p.mentioned && <span className="brief-quiet"> (mentioned {shortDay(p.mentioned, today)})</span>}
          </li>
        )
      })}
    </ul>
  )
}

function CommitmentsBody({ commitments }: { commitments: BriefCommitments }) {
  return (
    <div className="brief-columns">
      <CommitmentList title="You promised" list={commitments.mine} />
      <CommitmentList title="They promised" list={commitments.theirs} />
    </div>
  )
}

function CommitmentList({ title, list }: { title: string; list: Capped<BriefCommitment> }) {
  return (
    <div className="brief-column">
      <h3 className="brief-subheading">
        {title}
        <OfAll list={list} />
      </h3>
      {list.items.length === 0 ? (
        <p className="brief-quiet">Nothing open.</p>
      ) : (
        <ul className="brief-commitments">
          {list.items.map((c) => (
            <li key={c.id} className={c.overdue ? 'brief-commitment overdue' : 'brief-commitment'}>
              <span className="brief-what">{c.what}</span>
              {c.repeat && <span className="brief-repeat">{c.repeat}</span>}
              {c.due && <span className={`brief-due ${c.due.state}`}>{dueWords(c.due)}</span>}
              {c.status === 'renegotiated' && <span className="brief-quiet"> (renegotiated)</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** A link into the journal: a button (the journal is inside the app), printed as plain text. */
function EntryLink({
  entry,
  openEntry,
  label,
  children
}: {
  entry: BriefEntryRef
  openEntry: SectionProps['openEntry']
  label?: string
  children?: ReactNode
}) {
  return (
    <button
      type="button"
      className="brief-entry-link"
      aria-label={label}
      onClick={() => openEntry(entry)}
      title={`Open “${entry.title || 'Untitled entry'}” in the journal`}
    >
      {children ?? (entry.title || 'Untitled entry')}
    </button>
  )
}

function ConversationsBody({ conversations, today, openEntry }: SectionProps & { conversations: BriefConversations }) {
  return (
    <ol className="brief-conversations">
      {conversations.items.map((c) => (
        <li key={c.interactionId} className="brief-conversation">
          <div className="brief-conversation-head">
            <span className="brief-day">{weekdayDay(c.day, today)}</span>
            <span className="brief-quiet">
              {channelWords[c.channel]}
              {c.direction === 'in' ? ' from them' : ''} · {outcomeWords[c.outcome]}
            </span>
            {c.note && <span className="brief-note">— {c.note}</span>}
          </div>
          {c.gist && (
            <p className="brief-gist">
              <GistWords gist={c.gist} />
              <EntryLink entry={c.gist} openEntry={openEntry} />
            </p>
          )}
        </li>
      ))}
    </ol>
  )
}

/** A gist as the entry has it: each heading in bold before its items; a reflection's own section quoted by name. */
function GistWords({ gist }: { gist: BriefGist }) {
  const quoted = gist.source === 'section' && gist.heading ? <strong className="brief-gist-heading">{gist.heading}: </strong> : null
  if (!gist.parts)
    return gist.text ? (
      <span>
        {quoted}
        {gist.text}{' '}
      </span>
    ) : null
  return (
    <span className="brief-gist-parts">
      {quoted}
      {gist.parts.map((part, index) => (
        <span key={index} className="brief-gist-part">
          {index > 0 && ' — '}
          {part.heading && <strong className="brief-gist-heading">{part.heading}: </strong>}
          {part.items.join(' · ')}
        </span>
      ))}{' '}
    </span>
  )
}

function OutreachBody({ outreach, today }: { outreach: BriefOutreach; today: string }) {
  const f = outreach.followUp
  // Value given shares the follow-up's line, as in the Markdown: the page has no line to spare.
  const value = outreach.value ? <span className="brief-value"> · {valueLine(outreach.value, (day) => shortDay(day, today), { notes: false })}</span> : null
  return (
    <ul className="brief-lines">
      {outreach.sentence && (
        <li className="brief-lead">
          {outreach.sentence}
          {outreach.perseverance && <span className="brief-perseverance"> — {outreach.perseverance}</span>}
        </li>
      )}
      {f?.state === 'overdue' && (
        <li className="brief-line overdue">
          <span className="brief-label">Follow up</span> <span className="brief-due overdue">{dueWords(f)}</span>
          {value}
        </li>
      )}
      {f?.state === 'today' && <Line label="Follow up">today{value}</Line>}
      {f && f.state !== 'overdue' && f.state !== 'today' && (
        <Line label="Next follow-up">
          {weekdayDay(f.day, today)} ({relativeDays(f.days)}){value}
        </Line>
      )}
      {!f && outreach.value && <li className="brief-line brief-value">{valueLine(outreach.value, (day) => shortDay(day, today), { notes: false })}</li>}
    </ul>
  )
}

function NextTimeBody({ next, today, openEntry }: SectionProps & { next: BriefNextTime }) {
  const retro = next.retrospective
  return (
    <div className="brief-next">
      {next.questions.items.length > 0 && (
        <div>
          <h3 className="brief-subheading">
            Ask
            <OfAll list={next.questions} />
          </h3>
          <ul className="brief-questions">
            {next.questions.items.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ul>
        </div>
      )}
      {retro && (
        <div>
          <h3 className="brief-subheading">
            From the retrospective of {weekdayDay(retro.day, today)}{' '}
            <EntryLink entry={retro} openEntry={openEntry} label={`Open the retrospective “${retro.title || 'Untitled entry'}”`}>
              (open)
            </EntryLink>
          </h3>
          <ul className="brief-lines">
            {retro.points.map((point) => (
              <Line key={point.heading} label={point.heading}>
                {point.items.items.join(' · ')} <More list={point.items} />
              </Line>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

function PersonBody({ person, today }: { person: BriefPerson; today: string }) {
  const list = (part: Capped<string>) => (
    <>
      {part.items.join(', ')} <More list={part} />
    </>
  )
  return (
    <ul className="brief-lines">
      {person.likes.items.length > 0 && <Line label="Likes">{list(person.likes)}</Line>}
      {person.dislikes.items.length > 0 && <Line label="Dislikes">{list(person.dislikes)}</Line>}
      {person.dates.items.map((d) => (
        <li key={`${d.index}`} className="brief-line">
          <span className="brief-label">{capitalise(d.label.trim() || 'Important date')}</span>{' '}
          {d.daysUntil === 0 ? 'today' : `${relativeDays(d.daysUntil)} (${weekdayDay(d.next, today)})`}
          {d.years !== undefined && (
            <span className="brief-quiet">
              {' '}
              — {d.years} {d.years === 1 ? 'year' : 'years'}
            </span>
          )}
        </li>
      ))}
      {person.notes && <Line label="Notes">{person.notes}</Line>}
    </ul>
  )
}

function BusinessBody({ business }: { business: BriefBusiness }) {
  return (
    <ul className="brief-lines">
      {business.goals && <Line label="Goals">{business.goals}</Line>}
      {business.pressures && <Line label="Pressures">{business.pressures}</Line>}
      {business.success && <Line label="Success looks like">{business.success}</Line>}
    </ul>
  )
}
