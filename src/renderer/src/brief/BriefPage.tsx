import type { Brief, BriefEntryRef, BriefWho } from '@shared/contract/brief'
import { briefSection } from '@shared/contract/brief'
import { BriefSectionView } from './BriefSections'
import { shortDay, stageWords, trustWords, weekdayDay } from './brief-words'

/** The brief as one page: who they are at the top, then its sections in the core's order (empty ones are already left out). */
export function BriefPage({ brief, openEntry }: { brief: Brief; openEntry: (entry: BriefEntryRef) => void }) {
  const today = brief.asOf.day
  return (
    <article className="brief-page" aria-labelledby="brief-title">
      <BriefHeader name={brief.name} who={briefSection(brief, 'who')} today={today} />
      {brief.sections.map((section) => (
        <BriefSectionView key={section.kind} section={section} today={today} openEntry={openEntry} />
      ))}
      <p className="brief-prepared">
        Prepared {weekdayDay(today, today)} at {brief.asOf.time} ({brief.asOf.timeZone})
      </p>
    </article>
  )
}

/** Name, organisation and role, then one status line (stage, trust, how long) and how to reach them. */
function BriefHeader({ name, who, today }: { name: string; who: BriefWho | undefined; today: string }) {
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
    </header>
  )
}
