import type { Brief, BriefEntryRef, BriefRelationship, BriefWho } from '@shared/contract/brief'
import { balanceLine } from '@shared/coach-words'
import { briefSection } from '@shared/contract/brief'
import { BriefSectionView } from './BriefSections'
import { dateStyle, shortDay, timeOfDay, weekdayDay } from '@shared/dates'
import { stageWords, trustWords } from '@shared/words'

/** The brief as one page: who they are at the top, then its sections in the core's order (empty ones are already left out). */
export function BriefPage({ brief, openEntry }: { brief: Brief; openEntry: (entry: BriefEntryRef) => void }) {
  const today = brief.asOf.day
  return (
    <article className="brief-page" aria-labelledby="brief-title">
      <BriefHeader name={brief.name} who={briefSection(brief, 'who')} relationship={briefSection(brief, 'relationship')} today={today} />
      {brief.sections.map((section) => (
        <BriefSectionView key={section.kind} section={section} today={today} openEntry={openEntry} />
      ))}
      <p className="brief-prepared">
        Prepared {weekdayDay(today, today)} at {timeOfDay(brief.asOf.at, { ...dateStyle(), timeZone: brief.asOf.timeZone }) || brief.asOf.time} (
        {brief.asOf.timeZone})
      </p>
    </article>
  )
}

/** Name, organisation and role, then one status line (stage, trust, how long), how to reach them, and where the relationship stands. */
function BriefHeader({
  name,
  who,
  relationship,
  today
}: {
  name: string
  who: BriefWho | undefined
  relationship: BriefRelationship | undefined
  today: string
}) {
  const since = (day: string | undefined) => (day ? ` since ${shortDay(day, today)}` : '')
  const identity = [who?.role, who?.organisation].filter(Boolean).join(', ')
  const status = [
    who?.stage ? `${stageWords[who.stage.level]}${since(who.stage.since)}` : '',
    who?.trust ? `Trust: ${trustWords[who.trust.level]}${since(who.trust.since)}` : '',
    who?.clientSince ? `Client since ${shortDay(who.clientSince, today)}` : ''
  ].filter(Boolean)
  const contact = [who?.contact?.phone, who?.contact?.email].filter(Boolean)
  return (
    <header className="brief-header">
      <h1 id="brief-title" className="brief-name">
        {name}
      </h1>
      {identity && <p className="brief-identity">{identity}</p>}
      {status.length > 0 && (
        <p className="brief-status" aria-label="Status">
          {status.join(' · ')}
        </p>
      )}
      {contact.length > 0 && <p className="brief-contact">{contact.join(' · ')}</p>}
      {relationship && <StandingLines relationship={relationship} today={today} />}
    </header>
  )
}

/** What the stage and the trust rung mean and what moves them on (coaching on), and the balance: a printed line each. */
function StandingLines({ relationship: r, today }: { relationship: BriefRelationship; today: string }) {
  return (
    <ul className="brief-standing" aria-label="Where you stand">
      {r.stage && (
        <li>
          <em>{stageWords[r.stage.level]}:</em> {r.stage.means} <span className="brief-standing-next">{r.stage.next}</span>
        </li>
      )}
      {r.trust && (
        <li>
          <em>{trustWords[r.trust.level]} trust:</em> {r.trust.means} <span className="brief-standing-next">{r.trust.next}</span>
        </li>
      )}
      {r.balance && <li>{balanceLine(r.balance, (day) => shortDay(day, today))}</li>}
    </ul>
  )
}
